import { DATA_KEYWORDS, type JsonSchema, SUBSCHEMA_MAPS, isNullSchema, isSchemaObject, readPointer } from './schema-node';

/**
 * MCP Lab's one local `$ref` resolver. Real tool schemas point at `#/$defs/X` (pydantic, zod 4
 * 2020-12), `#/definitions/X` (zod 4 draft-07, zod 3 with definitions), `#/properties/a/...`
 * (zod 3 reuse) and `#` (a schema that contains itself). References may point at references,
 * and may come back to themselves: pydantic's tree or linked list, zod's `z.lazy`. Remote
 * references are never fetched.
 */

/** A node with its `$ref` chain followed. */
export interface Dereferenced {
  schema: JsonSchema;
  /** The references followed to get here, in order (empty when the node had none). */
  refs: string[];
  /** Why the chain stopped early: an unknown or remote reference, or a loop of references. */
  problem?: string;
}

/** More hops than any real schema makes: the chain is a loop the `seen` check missed, or an attack. */
const MAX_CHAIN = 64;

/**
 * Follow a node's `$ref` chain (`{$ref: A}` → A = `{$ref: B}` → B). Keywords beside a `$ref` are
 * merged over its target and win (pydantic puts `description` and `default` there). A chain that
 * loops, or leads nowhere, stops with the keywords seen so far and says why.
 */
export function derefNode(root: unknown, node: unknown): Dereferenced {
  if (node === true || node === undefined) return { schema: {}, refs: [] };
  if (node === false) return { schema: { not: {} }, refs: [] };
  if (!isSchemaObject(node)) return { schema: {}, refs: [], problem: 'a subschema is not a JSON object' };
  let s: JsonSchema = node;
  const refs: string[] = [];
  while (typeof s.$ref === 'string') {
    const ref = s.$ref;
    const { $ref: _followed, ...siblings } = s;
    if (refs.includes(ref) || refs.length >= MAX_CHAIN)
      return { schema: siblings, refs, problem: `the reference ${ref} leads back to itself` };
    if (!ref.startsWith('#')) return { schema: siblings, refs, problem: `reference not followed (only local references are): ${ref}` };
    refs.push(ref);
    const target = readPointer(root, ref);
    if (target === undefined) return { schema: siblings, refs, problem: `unresolved reference: ${ref}` };
    if (target === false) return { schema: { ...siblings, not: {} }, refs };
    s = { ...(isSchemaObject(target) ? target : {}), ...siblings };
  }
  return { schema: s, refs };
}

/** `derefNode(root, node).schema`: the node with its references followed. */
export function deref(root: unknown, node: unknown): JsonSchema {
  return derefNode(root, node).schema;
}

/**
 * The schema of a value that may also be null, without the null: references followed, an
 * `anyOf`/`oneOf` of one shape plus null (pydantic's `Optional[X]`) reduced to that shape, and a
 * one-branch `allOf` (zod's way to describe a reference) merged, keeping the outer description.
 */
export function withoutNull(root: unknown, node: unknown): JsonSchema {
  let s = deref(root, node);
  for (let i = 0; i < MAX_CHAIN && Array.isArray(s.allOf) && s.allOf.length === 1; i++) {
    const { allOf, ...outer } = s;
    s = { ...deref(root, allOf[0]), ...outer };
  }
  const branches = s.anyOf ?? s.oneOf;
  if (Array.isArray(branches)) {
    const nonNull = branches.filter((b) => !isNullSchema(deref(root, b)));
    if (nonNull.length === 1) {
      const { anyOf: _a, oneOf: _o, ...outer } = s;
      return { ...deref(root, nonNull[0]), ...(outer.description !== undefined ? { description: outer.description } : {}) };
    }
  }
  return s;
}

/** Why expansion stopped at a reference. */
export type CutReason = 'recursion' | 'size' | 'remote';

export interface ExpandOptions {
  /**
   * How many times one reference may be expanded on a path from the root: 1 shows a recursive
   * type once, 3 shows a tree's root, its children and their children. Default 3.
   */
  maxRecursion?: number;
  /** Upper bound on nodes visited (a small web of references can expand exponentially). */
  maxNodes?: number;
  /** Keep `$defs`/`definitions` (unexpanded) so a `$ref` left in place can still be followed. Default true. */
  keepDefinitions?: boolean;
  /**
   * What stands where expansion stops. Gets the node as written (its `$ref` and siblings) and the
   * reason; the default leaves the node as it is.
   */
  cut?(node: JsonSchema, reason: CutReason): unknown;
}

export interface Expanded {
  schema: JsonSchema;
  warnings: string[];
  /** Whether expansion stopped anywhere (a recursive type, a huge schema, a remote reference). */
  cut: boolean;
}

/**
 * Inline local references so that a consumer sees plain nested schemas, to a bounded depth: a
 * reference met again inside its own expansion is expanded again up to `maxRecursion` times, then
 * replaced by `cut(...)`. Unknown references are dropped (siblings kept) and reported.
 */
export function expandRefs(root: unknown, options: ExpandOptions = {}): Expanded {
  const maxRecursion = options.maxRecursion ?? 3;
  const maxNodes = options.maxNodes ?? 20_000;
  const keepDefinitions = options.keepDefinitions ?? true;
  const cutNode = options.cut ?? ((node: JsonSchema) => node);
  const warnings = new Set<string>();
  let nodes = 0;
  let cut = false;
  if (!isSchemaObject(root)) return { schema: {}, warnings: ['the schema is not a JSON object'], cut: false };

  const stop = (node: JsonSchema, reason: CutReason): unknown => {
    cut = true;
    return cutNode(node, reason);
  };

  const walk = (node: unknown, stack: readonly string[], isRoot = false): unknown => {
    nodes++;
    if (Array.isArray(node)) return node.map((x) => walk(x, stack));
    if (!isSchemaObject(node)) return node;

    const copySiblings = (): JsonSchema => {
      const out: JsonSchema = {};
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref') continue;
        if (k === '$defs' || k === 'definitions') {
          if (keepDefinitions && isRoot) out[k] = v;
          else if (!isSchemaObject(v)) out[k] = v;
        } else if (DATA_KEYWORDS.has(k)) out[k] = v;
        else if (SUBSCHEMA_MAPS.has(k) && isSchemaObject(v))
          out[k] = Object.fromEntries(Object.entries(v).map(([n, s]) => [n, walk(s, stack)]));
        else out[k] = walk(v, stack);
      }
      return out;
    };

    const ref = typeof node.$ref === 'string' ? node.$ref : undefined;
    if (ref === undefined) return copySiblings();
    if (!ref.startsWith('#')) {
      warnings.add(`reference not followed (only local references are): ${ref}`);
      return stop(node, 'remote');
    }
    if (stack.filter((r) => r === ref).length >= maxRecursion) return stop(node, 'recursion');
    if (nodes > maxNodes) {
      warnings.add('the schema is too large to expand fully');
      return stop(node, 'size');
    }
    const target = readPointer(root, ref);
    if (target === undefined) {
      warnings.add(`unresolved reference: ${ref}`);
      return copySiblings();
    }
    const expanded = walk(target, [...stack, ref]);
    const siblings = copySiblings();
    if (!isSchemaObject(expanded)) return Object.keys(siblings).length ? siblings : expanded; // `true`/`false` schemas
    return { ...expanded, ...siblings };
  };

  const schema = walk(root, [], true);
  return { schema: isSchemaObject(schema) ? schema : {}, warnings: [...warnings], cut };
}
