import type { JsonSchema } from './schema-node';

/** The dialects the validator knows. */
export type SchemaDraft = '4' | '7' | '2019-09' | '2020-12';

/**
 * The one draft rule: the schema's own `$schema`, else 2020-12 (what MCP 2025-11-25 and later say
 * a schema without `$schema` is). Draft-06 is read as draft-07, its superset.
 *
 * An undeclared schema written in draft-07 style still validates as its author meant: the
 * validator resolves `#/definitions/...` like any other local pointer and reads a list-valued
 * `items` (with `additionalItems`) as a tuple whatever the draft. What changes under 2020-12 is
 * that keywords next to a `$ref` apply too (draft-07 ignores them).
 */
export function schemaDraft(schema: JsonSchema): SchemaDraft {
  const id = typeof schema.$schema === 'string' ? schema.$schema : '';
  if (id.includes('draft-04')) return '4';
  if (id.includes('draft-06') || id.includes('draft-07')) return '7';
  if (id.includes('2019-09')) return '2019-09';
  return '2020-12';
}
