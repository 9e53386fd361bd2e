import { type OutputUnit, Validator } from '@cfworker/json-schema';

/**
 * Checks an elicitation answer against the server's requested schema, the same way in the UI
 * (before Accept) and in the engine (before anything is sent). @cfworker/json-schema interprets
 * the schema instead of compiling it, so it also runs under the renderer's CSP (no eval).
 */
export interface ElicitIssue {
  /** The form field, or undefined for the answer as a whole. */
  field?: string;
  message: string;
}

/** The value types `ElicitResult.content` allows. */
function allowedValue(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
}

function fieldOf(u: OutputUnit): string | undefined {
  const m = /^#\/([^/]+)/.exec(u.instanceLocation);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]!).replace(/~1/g, '/').replace(/~0/g, '~');
  } catch {
    return m[1];
  }
}

const lastNumber = (u: OutputUnit) => /(-?\d+(?:\.\d+)?)\D*$/.exec(u.error)?.[1] ?? '?';

const FRIENDLY: Record<string, (u: OutputUnit) => string | undefined> = {
  format: (u) => {
    const f = /format "([^"]+)"/.exec(u.error)?.[1];
    return f ? `must be a valid ${f === 'uri' ? 'URI (e.g. https://example.com)' : f === 'date' ? 'date (YYYY-MM-DD)' : f === 'date-time' ? 'date and time (e.g. 2025-01-31T12:00:00Z)' : f}` : undefined;
  },
  type: (u) => {
    const t = /Expected "([^"]+)"/.exec(u.error)?.[1];
    return t ? `must be ${t === 'integer' ? 'a whole number' : t === 'array' ? 'a list' : `a ${t}`}` : undefined;
  },
  minLength: (u) => `must be at least ${lastNumber(u)} characters`,
  maxLength: (u) => `must be at most ${lastNumber(u)} characters`,
  minimum: (u) => `must be at least ${lastNumber(u)}`,
  maximum: (u) => `must be at most ${lastNumber(u)}`,
  minItems: (u) => `choose at least ${lastNumber(u)}`,
  maxItems: (u) => `choose at most ${lastNumber(u)}`,
  anyOf: () => 'is not one of the allowed choices',
  oneOf: () => 'is not one of the allowed choices',
  enum: () => 'is not one of the allowed choices',
};

/** One message per field a person can act on (cfworker reports a failed keyword, then its causes). */
function issuesFrom(errors: OutputUnit[]): ElicitIssue[] {
  const units = new Map<string, OutputUnit[]>();
  const issues: ElicitIssue[] = [];
  for (const u of errors) {
    if (u.keyword === 'required') {
      const m = /property "([^"]+)"/.exec(u.error);
      if (m) units.set(m[1]!, [u]);
      continue;
    }
    const field = fieldOf(u);
    if (field === undefined) {
      if (u.keyword !== 'properties') issues.push({ message: u.error.replace(/\.$/, '') });
    } else if (units.get(field)?.[0]?.keyword !== 'required') {
      units.set(field, [...(units.get(field) ?? []), u]);
    }
  }
  for (const [field, list] of units) {
    if (list[0]!.keyword === 'required') {
      issues.push({ field, message: 'is required' });
      continue;
    }
    const choice = list.find((u) => u.keyword === 'anyOf' || u.keyword === 'oneOf' || u.keyword === 'enum');
    const leaf = choice ?? [...list].reverse().find((u) => u.keyword !== 'items' && u.keyword !== 'properties') ?? list.at(-1)!;
    issues.push({ field, message: FRIENDLY[leaf.keyword]?.(leaf) ?? leaf.error.replace(/\.$/, '') });
  }
  return issues;
}

export function validateElicitContent(requestedSchema: unknown, content: unknown): ElicitIssue[] {
  if (typeof content !== 'object' || content === null || Array.isArray(content)) return [{ message: 'the answer must be an object of field values' }];
  const typeIssues: ElicitIssue[] = [];
  for (const [k, v] of Object.entries(content)) {
    if (!allowedValue(v)) typeIssues.push({ field: k, message: 'must be a string, a number, a boolean or a list of strings' });
  }
  if (typeIssues.length) return typeIssues;
  if (typeof requestedSchema !== 'object' || requestedSchema === null) return [];
  let validator: Validator;
  try {
    validator = new Validator(requestedSchema as never, '2020-12', false);
  } catch (e) {
    return [{ message: `the server's requested schema cannot be used for checking: ${e instanceof Error ? e.message : String(e)}` }];
  }
  try {
    const r = validator.validate(content);
    return r.valid ? [] : issuesFrom(r.errors);
  } catch (e) {
    return [{ message: `the server's requested schema cannot be used for checking: ${e instanceof Error ? e.message : String(e)}` }];
  }
}

export function formatElicitIssues(issues: ElicitIssue[]): string {
  return issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; ');
}
