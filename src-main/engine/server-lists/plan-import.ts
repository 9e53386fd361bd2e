import { isHttpUrl, ServerConfigInputSchema, type ServerConfig, type ServerConfigInput } from '../../../src-shared/api/schemas/server';
import type { ImportEntry, ImportEnvEntry } from '../../../src-shared/api/schemas/server-import';
import { consentWarnings } from '../servers/consent';
import { idFromName } from '../servers/server-manager';
import type { RawServerEntry, ServerListRead } from './read-server-list';
import { findReference, looksSecret, substitutePlaces, type Places } from './references';

/** What the preview shows, and what an import of the entry would add (secret values stay here, in the engine). */
export interface PlannedEntry {
  view: ImportEntry;
  /** Absent for entries that are skipped or invalid. */
  config?: ServerConfigInput & { id: string };
}

export interface PlanContext {
  existing: ServerConfig[];
  /** An id derived from a name that neither an existing server nor `reserved` has. */
  freeId(name: string, reserved: ReadonlySet<string>): string;
  places: Places;
  /** `${workspaceFolder}` was taken to be this workspace because the file's own folder is unknown. */
  workspaceFolderGuessed: boolean;
}

type Refused = { refused: string };
type NamedValue = { key: string; value?: string; secret?: boolean };

/**
 * Turn the entries read from a file into what an import would do: the id each gets (renamed when
 * taken), entries skipped (already here, values that cannot be passed) and why, the whole command
 * line or address, and the environment (or headers) with the values that must be filled in.
 */
export function planImport(read: ServerListRead, ctx: PlanContext): PlannedEntry[] {
  const reserved = new Set<string>();
  return read.entries.map((raw) => {
    const planned = planEntry(raw, read, ctx, reserved);
    if (planned.config) reserved.add(planned.config.id);
    return planned;
  });
}

function planEntry(raw: RawServerEntry, read: ServerListRead, ctx: PlanContext, reserved: Set<string>): PlannedEntry {
  const name = (raw.labConfig?.name ?? raw.key).trim().slice(0, 120) || 'server';
  const warnings = [...raw.notes];
  const base: Omit<ImportEntry, 'action'> = {
    key: raw.key,
    name,
    ...(raw.line !== undefined ? { line: raw.line } : {}),
    transport: raw.transport,
    ...(raw.url !== undefined ? { url: raw.url } : {}),
    ...commandOf(raw),
    env: [],
    warnings,
  };
  const refuse = (action: 'skip' | 'invalid', reason: string): PlannedEntry => ({ view: { ...base, action, reason } });
  if (raw.invalid.length) return refuse('invalid', raw.invalid.join('; '));

  const built = raw.transport === 'stdio' ? planStdio(raw, read, ctx, warnings) : planRemote(raw, read, warnings);
  if ('refused' in built) return refuse('skip', built.refused);
  const view = { ...base, ...built.view };

  const same = ctx.existing.find((c) => sameServer(c, built.config));
  if (same)
    return {
      view: {
        ...view,
        action: 'skip',
        reason: `already in this workspace as "${same.name}" (${same.id}): ${same.transport === 'stdio' ? 'same command line' : 'same address'}`,
      },
    };

  const wanted = raw.labConfig?.id ?? idFromName(name);
  const taken = ctx.existing.some((c) => c.id === wanted) || reserved.has(wanted);
  const id = taken ? ctx.freeId(wanted, reserved) : wanted;
  const merged: Record<string, unknown> = { ...(raw.labConfig ?? {}), ...built.config, id, name };
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
  const config = merged as ServerConfigInput & { id: string };
  const checked = ServerConfigInputSchema.safeParse(config);
  if (!checked.success) {
    const i = checked.error.issues[0];
    return refuse('invalid', `${i?.path.join('.') || 'the entry'}: ${i?.message}`);
  }
  for (const w of consentWarnings({ ...checked.data, id } as ServerConfig)) warnings.unshift(`${w.match}: ${w.why}`);
  return {
    view: {
      ...view,
      id,
      action: taken ? 'rename' : 'add',
      ...(taken ? { reason: `the id "${wanted}" is taken: it is added as "${id}"` } : {}),
    },
    config,
  };
}

interface Built {
  view: Partial<ImportEntry>;
  config: Record<string, unknown> & { transport: string };
}

function planStdio(raw: RawServerEntry, read: ServerListRead, ctx: PlanContext, warnings: string[]): Built | Refused {
  // Places (${workspaceFolder}, ${userHome}) in the command line are filled in; secrets cannot be passed there.
  const placed = (label: string, value: string): string | Refused => {
    const ref = findReference(value);
    if (ref) {
      return {
        refused: `${label} ("${value}") takes its value from ${ref.reference}: MCP Lab passes such values only through the environment, never on the command line. Move it into "env" and import again`,
      };
    }
    const s = substitutePlaces(value, ctx.places);
    if (s.used.includes('${workspaceFolder}') && ctx.workspaceFolderGuessed)
      warnings.push(`\${workspaceFolder} was taken to be this workspace's folder (${ctx.places.workspaceFolder})`);
    if (s.missing.length) warnings.push(`${s.missing.join(', ')} in ${label} could not be filled in and is passed as written`);
    return s.value;
  };
  const command = placed('the command', raw.command!);
  if (typeof command !== 'string') return command;
  const args: string[] = [];
  for (const [i, a] of raw.args.entries()) {
    const v = placed(`argument ${i + 1}`, a);
    if (typeof v !== 'string') return v;
    args.push(v);
  }
  let cwd: string | undefined;
  if (raw.cwd !== undefined) {
    const v = placed('the working directory', raw.cwd);
    if (typeof v !== 'string') return v;
    cwd = v;
  }
  const env = planValues(raw.env, 'env', read, ctx.places, warnings, (key, value) => looksSecret(key, value));
  return {
    view: { command, args, ...(cwd !== undefined ? { cwd } : {}), commandLine: commandLine(command, args), env: env.view },
    config: { transport: 'stdio', command, args, env: env.values, ...(cwd !== undefined ? { cwd } : { cwd: undefined }) },
  };
}

const CREDENTIAL_HEADER = /^(authorization|proxy-authorization|cookie|x-api-key|api-key)$/i;

function planRemote(raw: RawServerEntry, read: ServerListRead, warnings: string[]): Built | Refused {
  const url = raw.url!;
  const ref = findReference(url);
  if (ref)
    return {
      refused: `the URL ("${url}") takes part of itself from ${ref.reference}: put the credential in a header instead and import again`,
    };
  if (!isHttpUrl(url)) return { refused: `the URL "${url}" is not http(s): MCP Lab connects only to http:// and https:// addresses` };
  const headers = planValues(
    raw.headers,
    'headers',
    read,
    { pathSeparator: '/' },
    warnings,
    (key, value) => CREDENTIAL_HEADER.test(key) || looksSecret(key, value),
  );
  return {
    view: { url, env: [], headers: headers.view },
    config: { transport: raw.transport, url, headers: headers.values },
  };
}

/** Env entries or headers: references become secrets to fill in (never passed literally), credentials become secrets. */
function planValues(
  entries: NamedValue[],
  what: 'env' | 'headers',
  read: ServerListRead,
  places: Places,
  warnings: string[],
  secretLike: (key: string, value: string) => boolean,
): { values: NamedValue[]; view: ImportEnvEntry[] } {
  const values: NamedValue[] = [];
  const view: ImportEnvEntry[] = [];
  for (const e of entries) {
    const ref = e.value === undefined ? undefined : findReference(e.value);
    if (e.value === undefined || ref) {
      const input = ref?.kind === 'input' ? read.inputs.get(ref.name) : undefined;
      values.push({ key: e.key, secret: true });
      view.push({
        key: e.key,
        secret: true,
        needsValue: true,
        ...(ref && e.value !== undefined ? { reference: e.value } : {}),
        ...(input?.description ? { description: input.description } : {}),
      });
      continue;
    }
    const value = substitutePlaces(e.value, places).value;
    const secret = e.secret ?? secretLike(e.key, value);
    values.push({ key: e.key, value, secret });
    view.push(secret ? { key: e.key, secret: true } : { key: e.key, secret: false, value });
    if (secret && e.secret === undefined)
      warnings.push(`${e.key} looks like a credential: it is kept in MCP Lab's secret store, not in mcp-lab.json`);
  }
  const needs = view.filter((v) => v.needsValue).map((v) => v.key);
  if (needs.length)
    warnings.push(
      `${what === 'env' ? 'environment' : 'header'} ${needs.join(', ')}: the file refers to ${needs.length === 1 ? 'a value' : 'values'} it does not hold; fill ${needs.length === 1 ? 'it' : 'them'} in`,
    );
  return { values, view };
}

function sameServer(c: ServerConfig, b: Built['config']): boolean {
  if (c.transport === 'stdio')
    return (
      b.transport === 'stdio' &&
      c.command === b.command &&
      sameArgs(c.args, b.args as string[]) &&
      (c.cwd ?? '') === ((b.cwd as string | undefined) ?? '')
    );
  return c.transport === b.transport && c.url === b.url;
}

function commandOf(raw: RawServerEntry): Partial<ImportEntry> {
  return raw.command !== undefined
    ? {
        command: raw.command,
        args: raw.args,
        commandLine: commandLine(raw.command, raw.args),
        ...(raw.cwd !== undefined ? { cwd: raw.cwd } : {}),
      }
    : {};
}

function sameArgs(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The command line as a POSIX shell would need it typed: what the person reviews. */
export function commandLine(command: string, args: readonly string[]): string {
  return [command, ...args].map((a) => (a !== '' && /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
