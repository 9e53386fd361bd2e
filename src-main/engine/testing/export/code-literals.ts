/**
 * JSON values as source literals of Python and TypeScript: deterministic, short values on one
 * line, longer ones one item a line with trailing commas (the layout black and prettier keep).
 * `indent` is the indentation of the line the literal starts on.
 */

const WIDTH = 100;

type Lang = 'python' | 'typescript';

export function pyLiteral(value: unknown, indent = 0): string {
  return literal(value, indent, 'python');
}

export function tsLiteral(value: unknown, indent = 0): string {
  return literal(value, indent, 'typescript');
}

function literal(value: unknown, indent: number, lang: Lang): string {
  const flat = inline(value, lang);
  if (flat.length + indent <= WIDTH || typeof value !== 'object' || value === null) return flat;
  // Each language's usual indent: black's four spaces, prettier's two.
  const inner = indent + (lang === 'python' ? 4 : 2);
  const pad = ' '.repeat(inner);
  const end = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${pad}${literal(v, inner, lang)},`).join('\n')}\n${end}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${pad}${key(k, lang)}: ${literal(v, inner, lang)},`).join('\n')}\n${end}}`;
}

function inline(value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return lang === 'python' ? 'None' : 'null';
  if (typeof value === 'boolean') return lang === 'python' ? (value ? 'True' : 'False') : String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : lang === 'python' ? 'None' : 'null';
  if (typeof value === 'string') return str(value, lang);
  if (Array.isArray(value)) return `[${value.map((v) => inline(v, lang)).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  const body = entries.map(([k, v]) => `${key(k, lang)}: ${inline(v, lang)}`).join(', ');
  return lang === 'python' ? `{${body}}` : `{ ${body} }`;
}

function key(k: string, lang: Lang): string {
  return lang === 'typescript' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : str(k, lang);
}

/** A string literal: JSON's escapes are valid in both languages; TypeScript keeps prettier's single quotes. */
export function str(s: string, lang: Lang): string {
  const json = JSON.stringify(s);
  if (lang === 'python' || s.includes("'")) return json;
  return `'${json.slice(1, -1).replace(/\\"/g, '"')}'`;
}
