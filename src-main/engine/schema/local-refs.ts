type Json = Record<string, unknown>;

/**
 * Resolve a local JSON pointer (`#/$defs/X`, `#/definitions/X`, `#/properties/a/items`) against the
 * root schema. Real tool schemas use all three styles depending on the generator.
 */
export function resolvePointer(root: Json, ref: string): Json | undefined {
  if (!ref.startsWith('#')) return undefined;
  const parts = ref
    .slice(1)
    .split('/')
    .filter(Boolean)
    .map((p) => decodeURIComponent(p.replace(/~1/g, '/').replace(/~0/g, '~')));
  let cur: unknown = root;
  for (const p of parts) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Json)[p];
  }
  return typeof cur === 'object' && cur !== null ? (cur as Json) : undefined;
}

/** Follow `$ref` chains (bounded) and merge sibling keywords over the target, as 2020-12 allows. */
export function deref(root: Json, schema: Json, seen: Set<string> = new Set()): Json {
  let s = schema;
  for (let i = 0; i < 32 && typeof s.$ref === 'string'; i++) {
    const ref = s.$ref as string;
    if (seen.has(ref)) return { ...s, $ref: undefined };
    seen.add(ref);
    const target = resolvePointer(root, ref);
    if (!target) return s;
    const { $ref: _drop, ...siblings } = s;
    s = { ...target, ...siblings };
  }
  return s;
}
