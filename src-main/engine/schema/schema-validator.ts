import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS with a default export; under ESM interop it may arrive wrapped once more.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

type Json = Record<string, unknown>;

/** One problem, as a person reads it: where (a JSON pointer) and what. */
export interface SchemaIssue {
  path: string;
  message: string;
}

const engines = new Map<string, Ajv>();
const compiled = new Map<string, ValidateFunction | Error>();

/** The dialect a schema declares with `$schema`: 2020-12 and 2019-09 need their own Ajv, anything else is draft-07. */
export function schemaDialect(schema: Json): '2020-12' | '2019-09' | 'draft-07' {
  const s = typeof schema.$schema === 'string' ? schema.$schema : '';
  if (s.includes('2020-12')) return '2020-12';
  if (s.includes('2019-09')) return '2019-09';
  return 'draft-07';
}

function engine(dialect: string): Ajv {
  let ajv = engines.get(dialect);
  if (!ajv) {
    const options = { strict: false, allErrors: true, validateFormats: true, logger: false } as const;
    ajv = dialect === '2020-12' ? new Ajv2020(options) : dialect === '2019-09' ? new Ajv2019(options) : new Ajv(options);
    addFormats(ajv);
    engines.set(dialect, ajv);
  }
  return ajv;
}

/**
 * Validate a value against a JSON Schema a server sent (an outputSchema, an inputSchema), choosing
 * the draft from `$schema`. A schema Ajv cannot compile is reported as one issue, never thrown:
 * the schema is the server's, and a broken one is a finding, not our crash.
 */
export function validateAgainst(schema: Json, value: unknown): SchemaIssue[] {
  const dialect = schemaDialect(schema);
  const key = `${dialect}\n${JSON.stringify(schema)}`;
  let v = compiled.get(key);
  if (!v) {
    try {
      // Servers reuse `$id`s across tools; compile a copy without it so Ajv's registry never collides.
      const { $id: _id, ...rest } = schema;
      v = engine(dialect).compile(rest);
    } catch (e) {
      v = e instanceof Error ? e : new Error(String(e));
    }
    if (compiled.size > 500) compiled.clear();
    compiled.set(key, v);
  }
  if (v instanceof Error) return [{ path: '', message: `the schema itself is invalid: ${v.message}` }];
  return v(value) ? [] : (v.errors ?? []).map(describe);
}

function describe(e: ErrorObject): SchemaIssue {
  const where = e.instancePath || '/';
  if (e.keyword === 'additionalProperties') return { path: where, message: `has an unexpected property "${(e.params as { additionalProperty: string }).additionalProperty}"` };
  if (e.keyword === 'required') return { path: where, message: `is missing the required property "${(e.params as { missingProperty: string }).missingProperty}"` };
  return { path: where, message: e.message ?? e.keyword };
}

export function formatIssues(issues: SchemaIssue[]): string {
  return issues.map((i) => `${i.path} ${i.message}`).join('; ');
}
