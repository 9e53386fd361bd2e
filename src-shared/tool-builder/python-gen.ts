import { normalizeParam, type DefaultValue, type ParamModel, type ToolModel } from './tool-model';

/** An import a generated tool needs: `from module import name`. */
export interface PyImport {
  module: string;
  name: string;
}

export interface PythonToolOptions {
  /** The FastMCP instance's variable (`mcp`). */
  serverVar: string;
  isAsync?: boolean;
  /** Parameters kept verbatim from the source (e.g. `ctx: Context`), emitted first. */
  keptParams?: string[];
  /** Decorator arguments kept verbatim (e.g. `tags={"x"}`). */
  keptDecoratorArgs?: string[];
  /** The existing body (statements after the docstring), already indented by 4 spaces. */
  body?: string;
  /**
   * Model classes the tool used in the source, by role ("out", "p.<param>", "<role>.<field>",
   * "<role>[]"): their names are kept. A class other code uses too (`shared`, with its fields) is
   * referenced as it is while its fields are unchanged, never rewritten.
   */
  classRoles?: Record<string, string>;
  sharedClasses?: Record<string, ParamModel[]>;
}

export interface GeneratedPython {
  /** Model classes the tool uses, then the decorated function. */
  code: string;
  imports: PyImport[];
  /** Names of the model classes written (they are replaced together with the tool). */
  classNames: string[];
}

export function pascal(s: string): string {
  return s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** A Python string literal (JSON's escapes are valid Python). */
export function pyString(s: string): string {
  return JSON.stringify(s);
}

export function pyNumber(n: number): string {
  return String(n);
}

export function pyValue(v: DefaultValue): string {
  if (typeof v === 'string') return pyString(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return pyNumber(v);
  return `[${v.map((x) => pyValue(x)).join(', ')}]`;
}

class PyWriter {
  readonly imports = new Map<string, PyImport>();
  readonly classes: { name: string; code: string }[] = [];
  constructor(
    private readonly roles: Record<string, string> = {},
    private readonly shared: Record<string, ParamModel[]> = {},
  ) {}
  use(module: string, name: string): string {
    this.imports.set(`${module}:${name}`, { module, name });
    return name;
  }

  /** The annotation of a parameter or field, without its default. */
  annotation(p: ParamModel, className: string, optionalNone: boolean, role: string): string {
    let base = this.baseType(p, className, role);
    if (optionalNone) base = `${base} | None`;
    const args = fieldArgs(p);
    if (!args.length) return base;
    return `${this.use('typing', 'Annotated')}[${base}, ${this.use('pydantic', 'Field')}(${args.join(', ')})]`;
  }

  baseType(p: ParamModel, className: string, role: string): string {
    switch (p.kind) {
      case 'string':
        if (p.format === 'date-time') return this.use('datetime', 'datetime');
        if (p.format === 'date') return this.use('datetime', 'date');
        if (p.format === 'uuid') return this.use('uuid', 'UUID');
        if (p.format === 'uri') return this.use('pydantic', 'AnyUrl');
        return 'str';
      case 'number':
        return 'float';
      case 'integer':
        return 'int';
      case 'boolean':
        return 'bool';
      case 'enum':
        return `${this.use('typing', 'Literal')}[${(p.enumValues ?? []).map(pyString).join(', ')}]`;
      case 'array':
        return `list[${this.annotation(p.items ?? { name: '', kind: 'string', description: '', required: true }, `${className}Item`, false, `${role}[]`)}]`;
      case 'object':
        return this.modelClass(className, p.properties ?? [], p.description, role);
    }
  }

  /** Emit (or reuse) the class for an object; returns its name. */
  modelClass(fallbackName: string, fields: ParamModel[], doc: string, role: string): string {
    let name = this.roles[role] ?? fallbackName;
    const shared = this.shared[name];
    if (shared) {
      if (JSON.stringify(shared.map(normalizeParam)) === JSON.stringify(fields.map(normalizeParam))) return name;
      // Changed: a class other code relies on is not rewritten; this tool gets its own.
      name = fallbackName in this.shared ? `${fallbackName}2` : fallbackName;
    }
    const lines = [`class ${name}(${this.use('pydantic', 'BaseModel')}):`];
    if (doc) lines.push(...docstring(doc, '    '));
    if (!fields.length) lines.push('    pass');
    for (const f of fields) lines.push(`    ${this.param(f, `${name}${pascal(f.name)}`, `${role}.${f.name}`)}`);
    // Nested classes are pushed first by param(): this one goes after them.
    this.classes.push({ name, code: lines.join('\n') });
    return name;
  }

  /** `name: Annotation = default` */
  param(p: ParamModel, className: string, role: string): string {
    const optionalNone = !p.required && p.default === undefined;
    const ann = this.annotation(p, className, optionalNone, role);
    if (p.default !== undefined) return `${p.name}: ${ann} = ${pyValue(p.default)}`;
    if (optionalNone) return `${p.name}: ${ann} = None`;
    return `${p.name}: ${ann}`;
  }
}

function fieldArgs(p: ParamModel): string[] {
  const a: string[] = [];
  if (p.description) a.push(`description=${pyString(p.description)}`);
  if (p.kind === 'string') {
    if (p.minLength !== undefined) a.push(`min_length=${p.minLength}`);
    if (p.maxLength !== undefined) a.push(`max_length=${p.maxLength}`);
    if (p.pattern) a.push(`pattern=${pyString(p.pattern)}`);
  }
  if (p.kind === 'number' || p.kind === 'integer') {
    if (p.minimum !== undefined) a.push(`ge=${pyNumber(p.minimum)}`);
    if (p.maximum !== undefined) a.push(`le=${pyNumber(p.maximum)}`);
  }
  return a;
}

function docstring(text: string, indent: string): string[] {
  const body = text.trim().replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"');
  const lines = body.split('\n');
  if (lines.length === 1) return [`${indent}"""${lines[0]}"""`];
  return [`${indent}"""${lines[0]}`, ...lines.slice(1).map((l) => (l ? indent + l : '')), `${indent}"""`];
}

/** A value of the right shape for a placeholder result. */
function placeholder(p: ParamModel, className: string): string {
  if (p.default !== undefined) return pyValue(p.default);
  if (!p.required) return 'None';
  switch (p.kind) {
    case 'string':
      return p.format ? 'None' : pyString('x'.repeat(p.minLength ?? 0));
    case 'number': {
      const n = p.minimum ?? p.maximum ?? 0;
      return String(n) + (Number.isInteger(n) ? '.0' : '');
    }
    case 'integer':
      return String(p.minimum ?? p.maximum ?? 0);
    case 'boolean':
      return 'False';
    case 'enum':
      return pyString(p.enumValues?.[0] ?? '');
    case 'array':
      return '[]';
    case 'object':
      return `${className}(${(p.properties ?? []).map((f) => `${f.name}=${placeholder(f, `${className}${pascal(f.name)}`)}`).join(', ')})`;
  }
}

/** Write a tool as FastMCP code: model classes, `@mcp.tool(...)`, a typed signature, a docstring. */
export function generatePythonTool(tool: ToolModel, o: PythonToolOptions): GeneratedPython {
  const w = new PyWriter(o.classRoles, o.sharedClasses);
  const base = pascal(tool.name) || 'Tool';
  const params = tool.params.map((p) => w.param(p, `${base}${pascal(p.name)}`, `p.${p.name}`));
  // A required parameter after one with a default is a SyntaxError, unless all are keyword-only.
  const needsStar = tool.params.some(
    (p, i) => p.required && p.default === undefined && tool.params.slice(0, i).some((q) => !q.required || q.default !== undefined),
  );
  const all = [...(o.keptParams ?? []), ...(needsStar ? ['*'] : []), ...params];

  let returns = 'str';
  let resultClass = `${base}Result`;
  if (tool.output.kind === 'object') {
    resultClass = w.modelClass(resultClass, tool.output.properties, '', 'out');
    returns = resultClass;
  }

  const decoArgs: string[] = [];
  if (tool.title) decoArgs.push(`title=${pyString(tool.title)}`);
  const ann = Object.entries(tool.annotations).filter(([, v]) => v !== undefined);
  if (ann.length) decoArgs.push(`annotations={${ann.map(([k, v]) => `${pyString(k)}: ${v ? 'True' : 'False'}`).join(', ')}}`);
  decoArgs.push(...(o.keptDecoratorArgs ?? []));

  const lines: string[] = [];
  lines.push(decoArgs.length ? `@${o.serverVar}.tool(${decoArgs.join(', ')})` : `@${o.serverVar}.tool`);
  const head = `${o.isAsync === false ? '' : 'async '}def ${tool.name}(`;
  if (!all.length) lines.push(`${head}) -> ${returns}:`);
  else {
    lines.push(head);
    for (const p of all) lines.push(`    ${p},`);
    lines.push(`) -> ${returns}:`);
  }
  if (tool.description.trim()) lines.push(...docstring(tool.description, '    '));
  if (o.body !== undefined) lines.push(o.body.replace(/\n+$/, ''));
  else {
    lines.push(`    # TODO: implement ${tool.name}. The arguments arrive validated and typed.`);
    if (tool.output.kind === 'object') {
      lines.push(
        `    return ${resultClass}(${tool.output.properties.map((f) => `${f.name}=${placeholder(f, `${resultClass}${pascal(f.name)}`)}`).join(', ')})`,
      );
    } else {
      const shown = tool.params.map((p) => `${p.name}={${p.name}!r}`).join(', ');
      lines.push(`    return f${pyString(`${tool.name} was called${shown ? ` with ${shown}` : ''}`)}`);
    }
  }
  return {
    code: [...w.classes.map((c) => `${c.code}\n\n\n`), lines.join('\n')].join(''),
    imports: [...w.imports.values()],
    classNames: w.classes.map((c) => c.name),
  };
}

/** Add the `from module import name` lines a generated tool needs and the source lacks. */
export function ensurePythonImports(source: string, imports: PyImport[]): string {
  const lines = source.split('\n');
  const imported = (module: string, name: string) =>
    lines.some((l) => {
      const m = /^from\s+([\w.]+)\s+import\s+(.+)$/.exec(l.trim());
      if (!m || m[1] !== module) return false;
      return m[2]!
        .replace(/[()]/g, '')
        .split(',')
        .some((part) => part.trim().split(/\s+as\s+/)[0] === name);
    }) ||
    (module === 'typing' && lines.some((l) => /^from\s+typing_extensions\s+import\s+.*\b/.test(l) && new RegExp(`\\b${name}\\b`).test(l)));
  const missing = new Map<string, string[]>();
  for (const i of imports) if (!imported(i.module, i.name)) missing.set(i.module, [...new Set([...(missing.get(i.module) ?? []), i.name])]);
  if (!missing.size) return source;
  let last = -1;
  let inParen = false;
  lines.forEach((l, idx) => {
    if (inParen) {
      if (l.includes(')')) {
        inParen = false;
        last = idx;
      }
      return;
    }
    if (/^(from\s+\S+\s+import\s|import\s)/.test(l)) {
      last = idx;
      if (l.includes('(') && !l.includes(')')) inParen = true;
    }
  });
  const add = [...missing].map(([m, names]) => `from ${m} import ${names.sort().join(', ')}`);
  lines.splice(last + 1, 0, ...add);
  return lines.join('\n');
}
