import { type OutputUnit, type SchemaDraft, Validator } from '@cfworker/json-schema';
import { type JsonSchema, isSchemaObject } from './json-schema';

/**
 * Arguments are checked with @cfworker/json-schema, an interpreting validator: tool schemas come
 * from untrusted servers, and both shells forbid `eval` in their CSP, which code-generating
 * validators (Ajv) need. The draft follows the schema's `$schema` (MCP's default is 2020-12).
 */
export interface ArgIssue {
  /** Where in the arguments: [] for the root, ['items', '0'] for a nested value. */
  path: string[];
  message: string;
}

export function draftOf(schema: JsonSchema): SchemaDraft {
  const id = typeof schema.$schema === 'string' ? schema.$schema : '';
  if (id.includes('draft-04')) return '4';
  if (id.includes('draft-06') || id.includes('draft-07')) return '7';
  if (id.includes('2019-09')) return '2019-09';
  return '2020-12';
}

function pathOf(instanceLocation: string): string[] {
  const body = instanceLocation.replace(/^#/, '');
  if (body === '' || body === '/') return [];
  return body
    .slice(1)
    .split('/')
    .map((p) => {
      try {
        return decodeURIComponent(p).replace(/~1/g, '/').replace(/~0/g, '~');
      } catch {
        return p;
      }
    });
}

/** Keep what a person can act on: leaves, except that a failed anyOf/oneOf speaks for its branches. */
function usefulUnits(errors: OutputUnit[]): OutputUnit[] {
  const unionRoots = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.keywordLocation + '/');
  return errors.filter((e) => {
    if (unionRoots.some((r) => e.keywordLocation.startsWith(r))) return false;
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') return true;
    const prefix = e.keywordLocation + '/';
    return !errors.some((o) => o !== e && o.keywordLocation.startsWith(prefix));
  });
}

function toIssue(u: OutputUnit): ArgIssue {
  const path = pathOf(u.instanceLocation);
  if (u.keyword === 'required') {
    const m = /property "([^"]+)"/.exec(u.error);
    if (m) return { path: [...path, m[1]!], message: 'is required' };
  }
  if (u.keyword === 'anyOf' || u.keyword === 'oneOf') return { path, message: 'does not match any of the allowed shapes' };
  return { path, message: u.error.replace(/\.$/, '') };
}

export type ArgsValidator = (value: unknown) => ArgIssue[];

/** Build once per schema; never throws (an unusable schema becomes one issue). */
export function createArgsValidator(schema: unknown): ArgsValidator {
  if (!isSchemaObject(schema)) return () => [];
  let validator: Validator;
  try {
    validator = new Validator(schema as never, draftOf(schema), false);
  } catch (e) {
    const message = `the tool's input schema cannot be used for checking: ${e instanceof Error ? e.message : String(e)}`;
    return () => [{ path: [], message }];
  }
  return (value) => {
    try {
      const r = validator.validate(value);
      if (r.valid) return [];
      const seen = new Set<string>();
      const issues: ArgIssue[] = [];
      for (const u of usefulUnits(r.errors)) {
        const issue = toIssue(u);
        const k = `${issue.path.join('/')}|${issue.message}`;
        if (seen.has(k)) continue;
        seen.add(k);
        issues.push(issue);
      }
      return issues;
    } catch (e) {
      return [{ path: [], message: `the tool's input schema cannot be used for checking: ${e instanceof Error ? e.message : String(e)}` }];
    }
  };
}

export function formatIssue(i: ArgIssue): string {
  return i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message;
}
