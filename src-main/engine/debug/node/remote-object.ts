/** The inspector's description of a value in the debuggee (the parts MCP Lab reads). */
export interface RemoteObject {
  type: string;
  subtype?: string;
  className?: string;
  value?: unknown;
  unserializableValue?: string;
  description?: string;
  objectId?: string;
  preview?: ObjectPreview;
}

interface ObjectPreview {
  subtype?: string;
  overflow: boolean;
  properties: { name: string; type: string; subtype?: string; value?: string }[];
}

const MAX_TEXT = 500;

/** A value as a person reads it in the variables table: strings quoted, objects previewed (`{a: 1, b: "x"}`). */
export function formatValue(o: RemoteObject): string {
  return clip(text(o));
}

function text(o: RemoteObject): string {
  switch (o.type) {
    case 'undefined':
      return 'undefined';
    case 'string':
      return JSON.stringify(o.value);
    case 'number':
    case 'bigint':
      return o.unserializableValue ?? o.description ?? String(o.value);
    case 'boolean':
      return String(o.value);
    case 'symbol':
      return o.description ?? 'Symbol()';
    case 'function':
      return `ƒ ${functionHead(o.description ?? '')}`;
  }
  if (o.subtype === 'null') return 'null';
  if (o.preview) return preview(o.preview, o.className);
  return o.description ?? o.className ?? 'Object';
}

function preview(p: ObjectPreview, className: string | undefined): string {
  const more = p.overflow ? ', …' : '';
  if (p.subtype === 'array' || p.subtype === 'typedarray') return `[${p.properties.map(previewValue).join(', ')}${more}]`;
  const body = p.properties.map((x) => `${x.name}: ${previewValue(x)}`).join(', ');
  const prefix = className && className !== 'Object' ? `${className} ` : '';
  return `${prefix}{${body}${more}}`;
}

function previewValue(x: { type: string; subtype?: string; value?: string }): string {
  if (x.type === 'string') return JSON.stringify(x.value ?? '');
  if (x.type === 'function') return 'ƒ';
  if (x.type === 'object' && x.subtype !== 'null') return x.value ?? (x.subtype === 'array' ? '[…]' : '{…}');
  return x.value ?? x.type;
}

/** `async ({ name }) => ({ … })` or `function greet(a) { … }` cut to its head. */
function functionHead(source: string): string {
  const head = source.split('\n')[0]!;
  const cut = head.search(/\s*(=>|\{)/);
  return (cut > 0 ? head.slice(0, cut) : head).slice(0, 80);
}

/** The type column: JavaScript's own words (`string`, `number`) and the class of objects (`Array`, `Map`). */
export function typeOf(o: RemoteObject): string {
  if (o.type !== 'object') return o.type;
  if (o.subtype === 'null') return 'null';
  return o.className ?? o.subtype ?? 'object';
}

/** Whether a person can open the value (objects, arrays; functions and null stay closed). */
export function hasChildren(o: RemoteObject): boolean {
  return o.type === 'object' && o.subtype !== 'null' && o.objectId !== undefined;
}

function clip(s: string): string {
  return s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s;
}
