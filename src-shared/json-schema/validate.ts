import { Validator } from '@cfworker/json-schema';
import { schemaDraft } from './draft';
import { issuesFromUnits, type SchemaIssue } from './issue-messages';
import { LruCache } from './lru-cache';
import { isSchemaObject } from './schema-node';

export type { SchemaIssue } from './issue-messages';

/**
 * MCP Lab's one JSON Schema validator, for tool arguments, structured output, saved tests, the
 * fuzzer and elicitation answers, in the engine and in the UI alike.
 *
 * It interprets the schema (@cfworker/json-schema) instead of compiling it to code: the UI's CSP
 * forbids `eval`/`new Function`, which code-generating validators (Ajv) need, and schemas come
 * from servers we do not trust. The draft follows `schemaDraft` (the schema's `$schema`, else
 * 2020-12).
 */
export type SchemaValidator = (value: unknown) => SchemaIssue[];

/** How many prepared schemas are kept. Each is small; the bound keeps a long session from growing. */
export const VALIDATOR_CACHE_CAPACITY = 256;

type Prepared = { validator: Validator; root: unknown } | { error: string };
const cache = new LruCache<string, Prepared>(VALIDATOR_CACHE_CAPACITY);

/** How many prepared schemas the cache holds now (for tests and diagnostics). */
export function validatorCacheSize(): number {
  return cache.size;
}

function prepare(schema: unknown): Prepared {
  let key: string;
  try {
    key = JSON.stringify(schema);
  } catch (e) {
    return { error: `the schema is not JSON: ${messageOf(e)}` };
  }
  const hit = cache.get(key);
  if (hit) return hit;
  let prepared: Prepared;
  try {
    // A private copy: the validator annotates the objects it indexes, and the caller's schema may be
    // shared, frozen, or indexed under another base URI elsewhere.
    const root = JSON.parse(key) as unknown;
    const draft = isSchemaObject(root) ? schemaDraft(root) : '2020-12';
    prepared = { validator: new Validator(root as never, draft, false), root };
  } catch (e) {
    prepared = { error: messageOf(e) };
  }
  cache.set(key, prepared);
  return prepared;
}

function unusable(reason: string): SchemaIssue[] {
  return [{ path: [], keyword: 'schema', message: `the schema cannot be used for checking: ${reason}` }];
}

/** Whether the issues say the schema itself is unusable (not that the value is wrong). */
export function isUnusableSchema(issues: SchemaIssue[]): boolean {
  return issues.length === 1 && issues[0]!.keyword === 'schema';
}

/**
 * A validator for one schema. Never throws: a schema that cannot be used becomes one issue with
 * keyword `schema` (the schema is the server's: a broken one is a finding, not our crash). A value
 * is checked as it would travel: as JSON (undefined members dropped).
 */
export function createValidator(schema: unknown): SchemaValidator {
  if (schema === true || schema === undefined) return () => [];
  if (!isSchemaObject(schema) && schema !== false) return () => unusable('it is not a JSON object');
  const prepared = prepare(schema);
  if ('error' in prepared) {
    const issues = unusable(prepared.error);
    return () => issues;
  }
  return (value) => {
    let wire: unknown;
    try {
      const text = JSON.stringify(value);
      if (text === undefined) return [{ path: [], keyword: 'type', message: 'there is no value' }];
      wire = JSON.parse(text);
    } catch (e) {
      return [{ path: [], keyword: 'type', message: `is not JSON: ${messageOf(e)}` }];
    }
    try {
      const r = prepared.validator.validate(wire);
      return r.valid ? [] : issuesFromUnits(r.errors, prepared.root);
    } catch (e) {
      return unusable(messageOf(e));
    }
  };
}

/** Validate once (the prepared schema is cached). */
export function validateValue(schema: unknown, value: unknown): SchemaIssue[] {
  return createValidator(schema)(value);
}

/** `a.b: message`, or just the message for the value itself. */
export function formatIssue(i: SchemaIssue): string {
  return i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message;
}

export function formatIssues(issues: SchemaIssue[]): string {
  return issues.map(formatIssue).join('; ');
}

function messageOf(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  // "Unresolved $ref" lists every schema the validator knows: the first line says what matters.
  const unresolved = /^Unresolved \$ref "([^"]*)"/.exec(text);
  if (unresolved) return `it refers to "${unresolved[1]}", which is not in the schema (only local references are followed)`;
  // The validator recurses once per level of schema and value.
  if (e instanceof RangeError) return 'it nests too deeply to check (a loop of references, or a value nested hundreds of levels deep)';
  return text.split('\n')[0]!.replace(/\.$/, '');
}
