import { z } from 'zod';
import { JsonObjectSchema } from './common';

/**
 * What MCP Lab offers a server as an MCP *client*: sampling (the server asks for an LLM
 * completion), elicitation (it asks the user for input) and roots (the folders it may use).
 * In a workbench the person at the keyboard plays the LLM and the user, so all three are on by
 * default: a server author can exercise these flows without a real model, and servers that list
 * tools only for capable clients (server-everything does) show them. Roots default to the
 * workspace folder, the one folder MCP Lab already treats as the project. A capability is
 * declared in `initialize` only when enabled, so turning one off tests a server's fallback path.
 */

/** A rule's `match` must compile when it is a regular expression: refused at save time, not at request time. */
const compiles = (r: { match: string; regex: boolean }, ctx: z.RefinementCtx) => {
  if (!r.regex) return;
  try {
    new RegExp(r.match);
  } catch (e) {
    ctx.addIssue({
      code: 'custom',
      path: ['match'],
      message: `not a valid regular expression: ${e instanceof Error ? e.message : String(e)}`,
    });
  }
};

/** Answers a sampling request without asking: for unattended runs (CLI, saved tests). */
export const SamplingRuleSchema = z
  .object({
    /** Looked for in the text of the last user message; empty matches every request. */
    match: z.string().default(''),
    /** `match` is a JavaScript regular expression instead of a case-insensitive substring. */
    regex: z.boolean().default(false),
    /** The assistant's reply. */
    text: z.string(),
    model: z.string().min(1).default('mcp-lab'),
    stopReason: z.string().min(1).default('endTurn'),
  })
  .superRefine(compiles);
export type SamplingRule = z.infer<typeof SamplingRuleSchema>;

/** Answers an elicitation request without asking. */
export const ElicitationRuleSchema = z
  .object({
    /** Looked for in the request's message; empty matches every request. */
    match: z.string().default(''),
    regex: z.boolean().default(false),
    action: z.enum(['accept', 'decline', 'cancel']),
    /**
     * The form's values when accepting, typed over the form's defaults (sent unchecked: a rule may test how a
     * server handles bad input).
     */
    content: JsonObjectSchema.optional(),
  })
  .superRefine(compiles);
export type ElicitationRule = z.infer<typeof ElicitationRuleSchema>;

export const RootEntrySchema = z.object({
  uri: z.string().regex(/^file:\/\/./, 'a root is a file:// URI, e.g. file:///home/me/project'),
  name: z.string().optional(),
});
export type RootEntry = z.infer<typeof RootEntrySchema>;

export const ClientFeaturesSchema = z.object({
  sampling: z.object({ enabled: z.boolean().default(true), rules: z.array(SamplingRuleSchema).default([]) }).prefault({}),
  elicitation: z.object({ enabled: z.boolean().default(true), rules: z.array(ElicitationRuleSchema).default([]) }).prefault({}),
  roots: z
    .object({
      enabled: z.boolean().default(true),
      /** Absent: the workspace folder (kept out of mcp-lab.json, which is shared across machines). */
      folders: z.array(RootEntrySchema).optional(),
    })
    .prefault({}),
});
export type ClientFeatures = z.infer<typeof ClientFeaturesSchema>;
export type ClientFeaturesInput = z.input<typeof ClientFeaturesSchema>;

export const CLIENT_FEATURE_NAMES = ['sampling', 'elicitation', 'roots'] as const;
export const ClientFeatureNameSchema = z.enum(CLIENT_FEATURE_NAMES);
export type ClientFeatureName = z.infer<typeof ClientFeatureNameSchema>;

/** The features of a config that may not have the field (older files, the CLI's defaults). */
export function resolveClientFeatures(f: ClientFeaturesInput | undefined): ClientFeatures {
  return ClientFeaturesSchema.parse(f ?? {});
}

/** The capabilities a config asks to declare, in a stable order. */
export function enabledClientFeatures(f: ClientFeaturesInput | undefined): ClientFeatureName[] {
  const r = resolveClientFeatures(f);
  return CLIENT_FEATURE_NAMES.filter((n) => r[n].enabled);
}
