/** A JSON Schema as servers send it: plain JSON, never trusted to have any particular shape. */
export type JsonSchema = { [key: string]: unknown };

export function isSchemaObject(v: unknown): v is JsonSchema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Keywords whose values are data, not subschemas: never look for `$ref` inside them. */
export const DATA_KEYWORDS = new Set(['const', 'enum', 'default', 'examples', 'example']);

/** Read a local JSON pointer ("#/a/b~1c"); undefined when it leads nowhere. */
export function readPointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  const body = ref.slice(1);
  if (body === '') return root;
  if (!body.startsWith('/')) return undefined; // "#anchor" names are not pointers
  let node: unknown = root;
  for (const raw of body.slice(1).split('/')) {
    let part: string;
    try {
      part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    } catch {
      return undefined;
    }
    if (Array.isArray(node)) node = /^\d+$/.test(part) ? node[Number(part)] : undefined;
    else if (isSchemaObject(node)) node = Object.prototype.hasOwnProperty.call(node, part) ? node[part] : undefined;
    else return undefined;
    if (node === undefined) return undefined;
  }
  return node;
}
