import { DATA_KEYWORDS, type JsonSchema, isSchemaObject, readPointer } from './json-schema';

/** Keywords whose value maps names to subschemas: the names are not keywords. */
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

export interface ResolveOptions {
  /** How many references may be expanded inside each other before we stop. */
  maxRefDepth?: number;
  /** Upper bound on the size of the expanded schema (a small DAG of refs can expand exponentially). */
  maxNodes?: number;
}

export interface ResolveResult {
  schema: JsonSchema;
  warnings: string[];
}

/**
 * Inline local `$ref`s (`#/$defs/..`, `#/definitions/..`, `#/properties/..`, any local pointer).
 * Siblings of a `$ref` win over the target's keywords (pydantic puts `description`/`default` there).
 * A reference met again inside its own expansion is a cycle: it is left as `$ref` (the root keeps
 * `$defs`/`definitions`, so a consumer can still follow it lazily). Remote and unknown references
 * are left alone and reported.
 */
export function resolveLocalRefs(root: unknown, options: ResolveOptions = {}): ResolveResult {
  const maxRefDepth = options.maxRefDepth ?? 32;
  const maxNodes = options.maxNodes ?? 50_000;
  const warnings = new Set<string>();
  let nodes = 0;
  if (!isSchemaObject(root)) return { schema: {}, warnings: ['the input schema is not a JSON object'] };

  const walk = (node: unknown, stack: readonly string[]): unknown => {
    nodes++;
    if (Array.isArray(node)) return node.map((x) => walk(x, stack));
    if (!isSchemaObject(node)) return node;

    const ref = typeof node.$ref === 'string' ? node.$ref : undefined;
    const copySiblings = (): JsonSchema => {
      const out: JsonSchema = {};
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref') continue;
        if (DATA_KEYWORDS.has(k)) out[k] = v;
        else if (NAME_MAPS.has(k) && isSchemaObject(v)) out[k] = Object.fromEntries(Object.entries(v).map(([n, s]) => [n, walk(s, stack)]));
        else out[k] = walk(v, stack);
      }
      return out;
    };
    if (ref === undefined) return copySiblings();

    if (!ref.startsWith('#')) {
      warnings.add(`reference not followed (only local references are): ${ref}`);
      return { ...copySiblings(), $ref: ref };
    }
    if (stack.includes(ref)) return { ...copySiblings(), $ref: ref }; // a cycle: stop here
    if (stack.length >= maxRefDepth || nodes > maxNodes) {
      warnings.add('the schema is too deeply nested to expand fully');
      return { ...copySiblings(), $ref: ref };
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

  const schema = walk(root, []) as JsonSchema;
  return { schema, warnings: [...warnings] };
}
