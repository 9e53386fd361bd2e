import type { PromptInfo } from '../../../src-shared/api/schemas/prompt';
import type { JsonSchema } from '../../../src-shared/json-schema/schema-node';
import { parseArgsText } from '../../store/slices/console-draft';

export type ParsedPromptArgs = { ok: true; values: Record<string, string> } | { ok: false; error: string };

/** The JSON editor's text as prompt arguments: an object whose values are strings (MCP sends prompt arguments as strings). */
export function parsePromptArgsText(text: string): ParsedPromptArgs {
  const p = parseArgsText(text);
  if (!p.ok) return p;
  const wrong = Object.entries(p.value).find(([, v]) => typeof v !== 'string');
  if (wrong) {
    const [name, v] = wrong;
    const what = v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`;
    return {
      ok: false,
      error: `Prompt arguments are strings: "${name}" is ${what}. Put it in quotes, e.g. "${name}": ${JSON.stringify(JSON.stringify(v))}`,
    };
  }
  return { ok: true, values: p.value as Record<string, string> };
}

/** What the JSON editor shows: the typed values, with every declared argument present (empty when not typed). */
export function promptArgsText(prompt: PromptInfo, values: Record<string, string>): string {
  const out: Record<string, string> = {};
  for (const a of prompt.arguments ?? []) out[a.name] = values[a.name] ?? '';
  for (const [k, v] of Object.entries(values)) if (!(k in out)) out[k] = v;
  return JSON.stringify(out, null, 2);
}

/** The schema the JSON editor checks against: declared arguments as strings, the required ones required. */
export function promptArgsSchema(prompt: PromptInfo): JsonSchema {
  const args = prompt.arguments ?? [];
  return {
    type: 'object',
    properties: Object.fromEntries(args.map((a) => [a.name, { type: 'string', ...(a.description ? { description: a.description } : {}) }])),
    required: args.filter((a) => a.required).map((a) => a.name),
    additionalProperties: { type: 'string' },
  } as JsonSchema;
}
