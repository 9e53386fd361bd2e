import type { DefaultValue, ParamModel, ToolModel } from './tool-model';

export interface TypeScriptToolOptions {
  /** The McpServer variable (`server`). */
  serverVar: string;
  /** Indentation of the statement (the registerTool call's line). */
  indent?: string;
  /** The existing handler (third argument), kept verbatim when a tool is edited. */
  handler?: string;
  /** Config properties kept verbatim (e.g. `_meta: {...}`). */
  keptConfig?: string[];
}

/** A single-quoted TypeScript string literal. */
export function tsString(s: string): string {
  return `'${s
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')}'`;
}

export function tsValue(v: DefaultValue): string {
  if (typeof v === 'string') return tsString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return `[${v.map(tsValue).join(', ')}]`;
}

/** A regex literal for a pattern ("/" escaped). */
export function tsRegex(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
    } else if (c === '/') out += '\\/';
    else out += c;
  }
  return `/${out}/`;
}

/** The zod expression of a parameter, e.g. `z.number().int().min(1).max(50).default(10).describe('…')`. */
export function zodOf(p: ParamModel, indent: string): string {
  let e: string;
  switch (p.kind) {
    case 'string':
      e =
        p.format === 'date-time'
          ? 'z.iso.datetime()'
          : p.format === 'date'
            ? 'z.iso.date()'
            : p.format === 'uri'
              ? 'z.url()'
              : p.format === 'uuid'
                ? 'z.uuid()'
                : 'z.string()';
      if (p.minLength !== undefined) e += `.min(${p.minLength})`;
      if (p.maxLength !== undefined) e += `.max(${p.maxLength})`;
      if (p.pattern) e += `.regex(${tsRegex(p.pattern)})`;
      break;
    case 'number':
    case 'integer':
      e = p.kind === 'integer' ? 'z.number().int()' : 'z.number()';
      if (p.minimum !== undefined) e += `.min(${p.minimum})`;
      if (p.maximum !== undefined) e += `.max(${p.maximum})`;
      break;
    case 'boolean':
      e = 'z.boolean()';
      break;
    case 'enum':
      e = `z.enum([${(p.enumValues ?? []).map(tsString).join(', ')}])`;
      break;
    case 'array':
      e = `z.array(${zodOf(p.items ?? { name: '', kind: 'string', description: '', required: true }, indent)})`;
      break;
    case 'object':
      e = `z.object(${shape(p.properties ?? [], indent)})`;
      break;
  }
  if (p.default !== undefined) e += `.default(${tsValue(p.default)})`;
  else if (!p.required) e += '.optional()';
  if (p.description) e += `.describe(${tsString(p.description)})`;
  return e;
}

/** `{ a: z…, b: z… }` over several lines, indented one level deeper than `indent`. */
export function shape(props: ParamModel[], indent: string): string {
  if (!props.length) return '{}';
  const inner = indent + '  ';
  return `{\n${props.map((p) => `${inner}${p.name}: ${zodOf(p, inner)},`).join('\n')}\n${indent}}`;
}

function placeholder(p: ParamModel): string {
  if (p.default !== undefined) return tsValue(p.default);
  switch (p.kind) {
    case 'string':
      return p.format === 'date-time' ? 'new Date().toISOString()' : tsString('x'.repeat(p.minLength ?? 0));
    case 'number':
    case 'integer':
      return String(p.minimum ?? p.maximum ?? 0);
    case 'boolean':
      return 'false';
    case 'enum':
      return tsString(p.enumValues?.[0] ?? '');
    case 'array':
      return '[]';
    case 'object':
      return `{ ${(p.properties ?? [])
        .filter((f) => f.required || f.default !== undefined)
        .map((f) => `${f.name}: ${placeholder(f)}`)
        .join(', ')} }`;
  }
}

/** Write a tool as `server.registerTool(name, { …zod shapes… }, handler)`. */
export function generateTypeScriptTool(tool: ToolModel, o: TypeScriptToolOptions): string {
  const i0 = o.indent ?? '  ';
  const i1 = i0 + '  ';
  const i2 = i1 + '  ';
  const cfg: string[] = [];
  if (tool.title) cfg.push(`${i2}title: ${tsString(tool.title)},`);
  cfg.push(`${i2}description: ${tsString(tool.description)},`);
  cfg.push(`${i2}inputSchema: ${shape(tool.params, i2)},`);
  if (tool.output.kind === 'object') cfg.push(`${i2}outputSchema: ${shape(tool.output.properties, i2)},`);
  const ann = Object.entries(tool.annotations).filter(([, v]) => v !== undefined);
  if (ann.length) cfg.push(`${i2}annotations: { ${ann.map(([k, v]) => `${k}: ${v}`).join(', ')} },`);
  for (const k of o.keptConfig ?? []) cfg.push(`${i2}${k},`);

  let handler = o.handler;
  if (handler === undefined) {
    const names = tool.params.map((p) => p.name);
    const args = names.length ? `{ ${names.join(', ')} }` : '';
    const body: string[] = [`${i2}// TODO: implement ${tool.name}. The arguments arrive validated and typed.`];
    if (tool.output.kind === 'object') {
      body.push(`${i2}const result = { ${tool.output.properties.map((f) => `${f.name}: ${placeholder(f)}`).join(', ')} };`);
      body.push(`${i2}return { content: [{ type: 'text', text: JSON.stringify(result) }], structuredContent: result };`);
    } else {
      const shown = names.length ? ` with \${JSON.stringify({ ${names.join(', ')} })}` : '';
      body.push(`${i2}return { content: [{ type: 'text', text: \`${tool.name} was called${shown}\` }] };`);
    }
    handler = `async (${args}) => {\n${body.join('\n')}\n${i1}}`;
  }
  return `${o.serverVar}.registerTool(\n${i1}${tsString(tool.name)},\n${i1}{\n${cfg.join('\n')}\n${i1}},\n${i1}${handler},\n${i0});`;
}
