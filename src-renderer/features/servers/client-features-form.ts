import type { ClientFeatureName, ClientFeatures, ClientFeaturesInput } from '../../../src-shared/api/schemas/client-features';
import { CLIENT_FEATURE_NAMES, enabledClientFeatures, resolveClientFeatures } from '../../../src-shared/api/schemas/client-features';
import { isAbsolutePath, rootUriToPath, toRootUri } from '../../../src-shared/client-features/root-uri';

/** The "Client features" section of the server dialog, as editable rows. */
export interface SamplingRuleRow {
  rowId: number;
  match: string;
  regex: boolean;
  text: string;
  model: string;
  stopReason: string;
}
export interface ElicitRuleRow {
  rowId: number;
  match: string;
  regex: boolean;
  action: 'accept' | 'decline' | 'cancel';
  contentText: string;
}
export interface RootRow {
  rowId: number;
  /** A path or a file:// URI, as typed. */
  location: string;
  name: string;
}
export interface ClientFeaturesForm {
  samplingEnabled: boolean;
  samplingRules: SamplingRuleRow[];
  elicitationEnabled: boolean;
  elicitationRules: ElicitRuleRow[];
  rootsEnabled: boolean;
  /** False: the workspace folder (the default, kept out of mcp-lab.json). */
  customRoots: boolean;
  roots: RootRow[];
}
/** Row errors by rowId. */
export type ClientFeatureErrors = Record<number, string>;

export function initialClientFeaturesForm(input: ClientFeaturesInput | undefined, nextRowId: () => number): ClientFeaturesForm {
  const f = resolveClientFeatures(input);
  return {
    samplingEnabled: f.sampling.enabled,
    samplingRules: f.sampling.rules.map((r) => ({
      rowId: nextRowId(),
      match: r.match,
      regex: r.regex,
      text: r.text,
      model: r.model,
      stopReason: r.stopReason,
    })),
    elicitationEnabled: f.elicitation.enabled,
    elicitationRules: f.elicitation.rules.map((r) => ({
      rowId: nextRowId(),
      match: r.match,
      regex: r.regex,
      action: r.action,
      contentText: r.content ? JSON.stringify(r.content) : '',
    })),
    rootsEnabled: f.roots.enabled,
    customRoots: f.roots.folders !== undefined,
    roots: (f.roots.folders ?? []).map((r) => ({ rowId: nextRowId(), location: rootUriToPath(r.uri) ?? r.uri, name: r.name ?? '' })),
  };
}

function regexProblem(match: string, regex: boolean): string | undefined {
  if (!regex) return undefined;
  try {
    new RegExp(match);
    return undefined;
  } catch (e) {
    return `Not a valid regular expression: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** The config to save (undefined when everything is at its default), or the rows that need fixing. */
export function validateClientFeaturesForm(
  f: ClientFeaturesForm,
): { ok: true; value: ClientFeatures | undefined } | { ok: false; errors: ClientFeatureErrors } {
  const errors: ClientFeatureErrors = {};
  const sampling = f.samplingRules.map((r) => {
    const p = regexProblem(r.match, r.regex);
    if (p) errors[r.rowId] = p;
    return {
      match: r.match,
      regex: r.regex,
      text: r.text,
      model: r.model.trim() || 'mcp-lab',
      stopReason: r.stopReason.trim() || 'endTurn',
    };
  });
  const elicitation = f.elicitationRules.map((r) => {
    const p = regexProblem(r.match, r.regex);
    if (p) errors[r.rowId] = p;
    let content: Record<string, unknown> | undefined;
    if (r.action === 'accept' && r.contentText.trim()) {
      try {
        const v = JSON.parse(r.contentText) as unknown;
        if (typeof v !== 'object' || v === null || Array.isArray(v))
          errors[r.rowId] = 'The values to accept with are a JSON object, e.g. {"name": "Ada"}.';
        else content = v as Record<string, unknown>;
      } catch (e) {
        errors[r.rowId] = `The values are not valid JSON: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    return { match: r.match, regex: r.regex, action: r.action, ...(content ? { content } : {}) };
  });
  const folders = f.roots
    .filter((r) => r.location.trim() || r.name.trim())
    .map((r) => {
      const loc = r.location.trim();
      if (!loc) errors[r.rowId] = 'Enter a folder: an absolute path or a file:// URI.';
      else if (!/^file:\/\//i.test(loc) && !isAbsolutePath(loc))
        errors[r.rowId] = 'Use an absolute path (e.g. /home/me/project) or a file:// URI.';
      return { uri: loc ? toRootUri(loc) : '', ...(r.name.trim() ? { name: r.name.trim() } : {}) };
    });
  if (Object.keys(errors).length) return { ok: false, errors };
  const value: ClientFeatures = {
    sampling: { enabled: f.samplingEnabled, rules: sampling },
    elicitation: { enabled: f.elicitationEnabled, rules: elicitation },
    roots: { enabled: f.rootsEnabled, ...(f.customRoots ? { folders } : {}) },
  };
  const isDefault =
    f.samplingEnabled && f.elicitationEnabled && f.rootsEnabled && !sampling.length && !elicitation.length && !f.customRoots;
  return { ok: true, value: isDefault ? undefined : value };
}

/** The capabilities the form would declare, for comparing with what the running server got. */
export function formEnabled(f: ClientFeaturesForm): ClientFeatureName[] {
  return CLIENT_FEATURE_NAMES.filter((n) =>
    n === 'sampling' ? f.samplingEnabled : n === 'elicitation' ? f.elicitationEnabled : f.rootsEnabled,
  );
}

/** Whether a running server declared something other than `wanted` (a restart applies it). */
export function needsRestart(
  declared: ClientFeatureName[] | undefined,
  wanted: ClientFeatureName[] | ClientFeaturesInput | undefined,
): boolean {
  if (!declared) return false;
  const w = Array.isArray(wanted) ? wanted : enabledClientFeatures(wanted);
  return declared.join(',') !== w.join(',');
}
