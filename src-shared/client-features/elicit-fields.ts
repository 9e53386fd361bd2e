/**
 * The restricted schema of a form-mode elicitation (flat object of primitives, MCP 2025-11-25) as
 * fields a form can render, and the form's draft values as the content to send. Anything outside
 * the restricted subset becomes an `other` field edited as JSON, so a server that breaks the rules
 * can still be answered (and the engine's check says what is wrong).
 */
export interface Choice {
  value: string;
  label: string;
}

interface Common {
  name: string;
  label: string;
  description?: string;
  required: boolean;
}

export type ElicitField = Common &
  (
    | { kind: 'text'; format?: string; minLength?: number; maxLength?: number; default?: string }
    | { kind: 'number'; integer: boolean; minimum?: number; maximum?: number; default?: number }
    | { kind: 'boolean'; default?: boolean }
    | { kind: 'select'; choices: Choice[]; default?: string }
    | { kind: 'multiselect'; choices: Choice[]; minItems?: number; maxItems?: number; default?: string[] }
    | { kind: 'other'; schema: unknown; default?: unknown }
  );

/** What the inputs hold: text for text and number inputs (parsed on send), booleans, lists. */
export type DraftValue = string | boolean | string[];
export type Draft = Record<string, DraftValue>;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const strings = (v: unknown) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined);

/** `oneOf`/`anyOf` of `{const, title}` (titled enums). */
function titledChoices(list: unknown): Choice[] | undefined {
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const out: Choice[] = [];
  for (const o of list) {
    if (!isObj(o) || typeof o.const !== 'string') return undefined;
    out.push({ value: o.const, label: str(o.title) ?? o.const });
  }
  return out;
}

function enumChoices(values: unknown, names: unknown): Choice[] | undefined {
  const vals = strings(values);
  if (!vals) return undefined;
  const labels = strings(names);
  return vals.map((v, i) => ({ value: v, label: labels?.[i] ?? v }));
}

function fieldOf(name: string, s: unknown, required: boolean): ElicitField {
  const base = {
    name,
    label: (isObj(s) && str(s.title)) || name,
    required,
    ...(isObj(s) && str(s.description) ? { description: str(s.description)! } : {}),
  };
  if (!isObj(s)) return { ...base, kind: 'other', schema: s };
  const d = s.default;
  if (s.type === 'array' && isObj(s.items)) {
    const choices = titledChoices(s.items.anyOf) ?? titledChoices(s.items.oneOf) ?? enumChoices(s.items.enum, undefined);
    if (choices) {
      return {
        ...base,
        kind: 'multiselect',
        choices,
        ...opt('minItems', num(s.minItems)),
        ...opt('maxItems', num(s.maxItems)),
        ...opt('default', strings(d)),
      };
    }
  }
  if (s.type === 'string') {
    const choices = titledChoices(s.oneOf) ?? titledChoices(s.anyOf) ?? enumChoices(s.enum, s.enumNames);
    if (choices) return { ...base, kind: 'select', choices, ...opt('default', str(d)) };
    return {
      ...base,
      kind: 'text',
      ...opt('format', str(s.format)),
      ...opt('minLength', num(s.minLength)),
      ...opt('maxLength', num(s.maxLength)),
      ...opt('default', str(d)),
    };
  }
  if (s.type === 'number' || s.type === 'integer') {
    return {
      ...base,
      kind: 'number',
      integer: s.type === 'integer',
      ...opt('minimum', num(s.minimum)),
      ...opt('maximum', num(s.maximum)),
      ...opt('default', num(d)),
    };
  }
  if (s.type === 'boolean') return { ...base, kind: 'boolean', ...opt('default', typeof d === 'boolean' ? d : undefined) };
  return { ...base, kind: 'other', schema: s, ...(d !== undefined ? { default: d } : {}) };
}

function opt<K extends string, V>(k: K, v: V | undefined): { [P in K]?: V } {
  return (v === undefined ? {} : { [k]: v }) as { [P in K]?: V };
}

export function elicitFields(requestedSchema: unknown): ElicitField[] {
  if (!isObj(requestedSchema) || !isObj(requestedSchema.properties)) return [];
  const required = new Set(strings(requestedSchema.required) ?? []);
  return Object.entries(requestedSchema.properties).map(([name, s]) => fieldOf(name, s, required.has(name)));
}

/** The form's starting values: the schema's defaults, pre-filled. */
export function initialDraft(fields: ElicitField[]): Draft {
  const draft: Draft = {};
  for (const f of fields) {
    if (f.kind === 'boolean') draft[f.name] = f.default ?? false;
    else if (f.kind === 'multiselect') draft[f.name] = f.default ?? [];
    else if (f.kind === 'number') draft[f.name] = f.default === undefined ? '' : String(f.default);
    else if (f.kind === 'other') draft[f.name] = f.default === undefined ? '' : JSON.stringify(f.default);
    else draft[f.name] = f.default ?? '';
  }
  return draft;
}

/**
 * The content to send. An empty text or number input is left out (so "required" can say so); a
 * number that does not parse is sent as typed, so the check names the field instead of guessing.
 */
export function contentFrom(fields: ElicitField[], draft: Draft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = draft[f.name];
    if (v === undefined) continue;
    if (f.kind === 'boolean') out[f.name] = v === true;
    else if (f.kind === 'multiselect') out[f.name] = Array.isArray(v) ? v : [];
    else if (typeof v !== 'string' || v.trim() === '') continue;
    else if (f.kind === 'number') out[f.name] = Number.isFinite(Number(v)) ? Number(v) : v;
    else if (f.kind === 'other') out[f.name] = parseOr(v);
    else out[f.name] = v;
  }
  return out;
}

/**
 * What the dialog sends when accepted untouched: the schema's defaults (and its unchecked boxes and
 * empty multi-selects). Unattended answers (the CLI's `--elicit accept`) start from it, so a server
 * gets the same answer from a window and from CI.
 */
export function defaultElicitContent(requestedSchema: unknown): Record<string, unknown> {
  const fields = elicitFields(requestedSchema);
  return contentFrom(fields, initialDraft(fields));
}

function parseOr(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The HTML input type for a string format (the browser helps, the shared check decides). */
export function inputTypeFor(format: string | undefined): string {
  switch (format) {
    case 'email':
      return 'email';
    case 'uri':
      return 'url';
    case 'date':
      return 'date';
    default:
      return 'text';
  }
}
