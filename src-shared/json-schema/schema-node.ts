/**
 * The JSON Schema toolkit's vocabulary: what a schema node is, where subschemas live, and how a
 * local JSON pointer is read. Every walker in MCP Lab (forms, sample values, the fuzzer, the
 * linter, the validator's messages) uses these tables, so a keyword is either a subschema
 * everywhere or nowhere.
 */

/** A JSON Schema as servers send it: plain JSON, never trusted to have any particular shape. */
export type JsonSchema = { [key: string]: unknown };

export function isSchemaObject(v: unknown): v is JsonSchema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Keywords whose values are data, not subschemas: never look for `$ref` inside them. */
export const DATA_KEYWORDS: ReadonlySet<string> = new Set(['const', 'enum', 'default', 'examples', 'example']);

/** Keywords whose value maps names to subschemas (the names are not keywords). */
export const SUBSCHEMA_MAPS: ReadonlySet<string> = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

/** Keywords whose value is one subschema (or, for draft-07 `items`, a list of them). */
export const SUBSCHEMA_ONE: ReadonlySet<string> = new Set([
  'items',
  'additionalProperties',
  'additionalItems',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
]);

/** Keywords whose value is a list of subschemas. */
export const SUBSCHEMA_LISTS: ReadonlySet<string> = new Set(['anyOf', 'oneOf', 'allOf', 'prefixItems']);

/** Read a local JSON pointer (`#`, `#/a/b~1c`, `#/$defs/X`); undefined when it leads nowhere. */
export function readPointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  const body = ref.slice(1);
  if (body === '') return root;
  if (!body.startsWith('/')) return undefined; // "#anchor" names are not pointers
  let node: unknown = root;
  for (const raw of body.slice(1).split('/')) {
    const part = decodePointerSegment(raw);
    if (part === undefined) return undefined;
    if (Array.isArray(node)) node = /^\d+$/.test(part) ? node[Number(part)] : undefined;
    else if (isSchemaObject(node)) node = Object.prototype.hasOwnProperty.call(node, part) ? node[part] : undefined;
    else return undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/** One segment of a pointer in a URI fragment: percent-decoded, then `~1` → `/`, `~0` → `~`. */
export function decodePointerSegment(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
  } catch {
    return undefined;
  }
}

/** The types a node allows besides null, when it says (`type` string or list). */
export function declaredTypes(s: JsonSchema): string[] {
  if (typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) return s.type.filter((t): t is string => typeof t === 'string');
  return [];
}

/**
 * The one type a node is mostly about, for walkers that treat each type differently: the first
 * non-null declared type, else what its keywords imply (an enum of numbers is a number).
 */
export function primaryType(s: JsonSchema): string | undefined {
  const declared = declaredTypes(s).filter((t) => t !== 'null');
  if (declared.length) return declared[0];
  if (s.type === 'null') return 'null';
  if (Array.isArray(s.enum) && s.enum.length) {
    const first = s.enum.find((v) => v !== null);
    return typeof first === 'number' ? 'number' : typeof first === 'string' ? 'string' : typeof first === 'boolean' ? 'boolean' : undefined;
  }
  if (isSchemaObject(s.properties)) return 'object';
  if (s.items !== undefined || Array.isArray(s.prefixItems)) return 'array';
  return undefined;
}

/** A node that only admits null (`type: "null"`, `const: null`, `enum: [null]`). */
export function isNullSchema(s: unknown): boolean {
  if (!isSchemaObject(s)) return false;
  if (s.type === 'null') return true;
  if ('const' in s && s.const === null) return true;
  return Array.isArray(s.enum) && s.enum.length === 1 && s.enum[0] === null;
}
