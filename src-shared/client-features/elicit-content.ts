import { isUnusableSchema, type SchemaIssue, validateValue } from '../json-schema/validate';

/**
 * Checks an elicitation answer against the server's requested schema, the same way in the UI
 * (before Accept) and in the engine (before anything is sent), with the one validator MCP Lab
 * uses everywhere.
 */
export interface ElicitIssue {
  /** The form field, or undefined for the answer as a whole. */
  field?: string;
  message: string;
}

/** The value types `ElicitResult.content` allows. */
function allowedValue(v: unknown): boolean {
  return (
    typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))
  );
}

/** Plainer words for the person answering a server's question (the toolkit's words are for developers). */
function friendly(i: SchemaIssue): string {
  const e = i.expected;
  switch (i.keyword) {
    case 'format':
      return e === 'uri'
        ? 'must be a valid URI (e.g. https://example.com)'
        : e === 'date'
          ? 'must be a valid date (YYYY-MM-DD)'
          : e === 'date-time'
            ? 'must be a valid date and time (e.g. 2025-01-31T12:00:00Z)'
            : i.message;
    case 'type':
      return e === 'integer' ? 'must be a whole number' : e === 'array' ? 'must be a list' : i.message;
    case 'minItems':
      return `choose at least ${String(e)}`;
    case 'maxItems':
      return `choose at most ${String(e)}`;
    case 'anyOf':
    case 'oneOf':
    case 'enum':
    case 'const':
      return 'is not one of the allowed choices';
    default:
      return i.message;
  }
}

/** One message per field a person can act on: a missing field, else a wrong choice, else the first problem. */
function perField(issues: SchemaIssue[]): ElicitIssue[] {
  const byField = new Map<string, SchemaIssue[]>();
  const out: ElicitIssue[] = [];
  for (const i of issues) {
    const field = i.path[0];
    if (field === undefined) out.push({ message: i.message });
    else byField.set(field, [...(byField.get(field) ?? []), i]);
  }
  for (const [field, list] of byField) {
    const chosen =
      list.find((i) => i.keyword === 'required' && i.path.length === 1) ??
      list.find((i) => i.keyword === 'anyOf' || i.keyword === 'oneOf' || i.keyword === 'enum' || i.keyword === 'const') ??
      list[0]!;
    out.push({ field, message: friendly(chosen) });
  }
  return out;
}

export function validateElicitContent(requestedSchema: unknown, content: unknown): ElicitIssue[] {
  if (typeof content !== 'object' || content === null || Array.isArray(content))
    return [{ message: 'the answer must be an object of field values' }];
  const typeIssues: ElicitIssue[] = [];
  for (const [k, v] of Object.entries(content)) {
    if (!allowedValue(v)) typeIssues.push({ field: k, message: 'must be a string, a number, a boolean or a list of strings' });
  }
  if (typeIssues.length) return typeIssues;
  if (typeof requestedSchema !== 'object' || requestedSchema === null) return [];
  const issues = validateValue(requestedSchema, content);
  if (isUnusableSchema(issues)) return [{ message: issues[0]!.message.replace(/^the schema/, "the server's requested schema") }];
  return perField(issues);
}

export function formatElicitIssues(issues: ElicitIssue[]): string {
  return issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; ');
}
