import ts from 'typescript';
import type { DefaultValue, OutputModel, ParamModel, ToolAnnotationsModel, ToolModel } from '../../../src-shared/tool-builder/tool-model';
import type { SourceTools, UnreadableTool } from './source-tools';

class Unreadable extends Error {}

const HINTS = new Set(['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint']);

/**
 * Read `server.registerTool(name, { …zod… }, handler)` calls with the TypeScript compiler API into
 * the builder's model. Only what the model can express is read; anything else makes the tool
 * unreadable (listed with the reason, left alone).
 */
export function readTypeScriptTools(source: string, fileName = 'server.ts'): SourceTools {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const syntax = (sf as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics?.[0];
  if (syntax) {
    const { line } = sf.getLineAndCharacterOfPosition(syntax.start);
    return {
      language: 'typescript',
      tools: [],
      unreadable: [],
      syntaxError: { line: line + 1, message: ts.flattenDiagnosticMessageText(syntax.messageText, '\n') },
    };
  }
  const tools: SourceTools['tools'] = [];
  const unreadable: UnreadableTool[] = [];
  const lineOf = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line + 1;

  const visit = (node: ts.Node) => {
    if (ts.isExpressionStatement(node) && ts.isCallExpression(node.expression)) {
      const call = node.expression;
      const callee = call.expression;
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'registerTool') {
        const first = call.arguments[0];
        const name = first && ts.isStringLiteralLike(first) ? first.text : '(unnamed)';
        try {
          const parsed = readCall(call, sf);
          const start = node.getStart(sf);
          const lineStart = source.lastIndexOf('\n', start - 1) + 1;
          tools.push({
            model: parsed.model,
            start: lineStart,
            end: node.getEnd(),
            line: lineOf(start),
            endLine: lineOf(node.getEnd()),
            serverVar: callee.expression.getText(sf),
            indent: source.slice(lineStart, start),
            handler: parsed.handler,
            keptConfig: parsed.keptConfig,
          });
        } catch (e) {
          if (!(e instanceof Unreadable)) throw e;
          unreadable.push({ name, line: lineOf(node.getStart(sf)), reason: e.message });
        }
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { language: 'typescript', tools, unreadable, ...insertionPoint(sf, tools) };
}

/** Where a new tool goes when there is none to follow: before `return <server>` in a function. */
type Insertion = Pick<SourceTools, 'insertAt' | 'insertIndent' | 'insertServerVar' | 'insertBefore'>;
function insertionPoint(sf: ts.SourceFile, tools: SourceTools['tools']): Insertion {
  const last = tools.at(-1);
  if (last) return { insertAt: last.end, insertIndent: last.indent ?? '', insertServerVar: last.serverVar, insertBefore: false };
  let found: Insertion = {};
  const visit = (n: ts.Node) => {
    if (ts.isReturnStatement(n) && n.expression && ts.isIdentifier(n.expression) && found.insertAt === undefined) {
      const start = n.getStart(sf);
      const lineStart = sf.text.lastIndexOf('\n', start - 1) + 1;
      found = {
        insertAt: lineStart,
        insertIndent: sf.text.slice(lineStart, start),
        insertServerVar: n.expression.text,
        insertBefore: true,
      };
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

function readCall(call: ts.CallExpression, sf: ts.SourceFile): { model: ToolModel; handler: string; keptConfig: string[] } {
  const [nameArg, cfgArg, handlerArg, ...rest] = call.arguments;
  if (!nameArg || !ts.isStringLiteralLike(nameArg)) throw new Unreadable('the tool name is not a string literal');
  if (!cfgArg || !ts.isObjectLiteralExpression(cfgArg))
    throw new Unreadable('the second argument is not an object literal { description, inputSchema, … }');
  if (!handlerArg || rest.length) throw new Unreadable('registerTool is not called as (name, config, handler)');
  const model: ToolModel = { name: nameArg.text, description: '', params: [], output: { kind: 'text' }, annotations: {} };
  const keptConfig: string[] = [];
  for (const prop of cfgArg.properties) {
    if (!ts.isPropertyAssignment(prop) || !(ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name)))
      throw new Unreadable(`the config has a property the builder cannot read: ${prop.getText(sf).slice(0, 60)}`);
    const key = prop.name.text;
    const v = prop.initializer;
    switch (key) {
      case 'title':
        model.title = str(v, 'the title');
        break;
      case 'description':
        model.description = str(v, 'the description');
        break;
      case 'inputSchema':
        model.params = shapeOf(v, sf, 'inputSchema');
        break;
      case 'outputSchema':
        model.output = { kind: 'object', properties: shapeOf(v, sf, 'outputSchema') } satisfies OutputModel;
        break;
      case 'annotations':
        model.annotations = annotationsOf(v);
        break;
      default:
        keptConfig.push(prop.getText(sf));
    }
  }
  return { model, handler: handlerArg.getText(sf), keptConfig };
}

function str(v: ts.Expression, what: string): string {
  if (ts.isStringLiteralLike(v)) return v.text;
  throw new Unreadable(`${what} is not a string literal`);
}

function annotationsOf(v: ts.Expression): ToolAnnotationsModel {
  if (!ts.isObjectLiteralExpression(v)) throw new Unreadable('annotations is not an object literal');
  const out: ToolAnnotationsModel = {};
  for (const p of v.properties) {
    if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name))
      throw new Unreadable('annotations holds something other than plain properties');
    const k = p.name.text;
    if (k === 'title') continue;
    if (!HINTS.has(k)) throw new Unreadable(`the annotation ${k} is not one the builder edits`);
    if (p.initializer.kind === ts.SyntaxKind.TrueKeyword) out[k as keyof ToolAnnotationsModel] = true;
    else if (p.initializer.kind === ts.SyntaxKind.FalseKeyword) out[k as keyof ToolAnnotationsModel] = false;
    else throw new Unreadable(`the annotation ${k} is not true or false`);
  }
  return out;
}

function shapeOf(v: ts.Expression, sf: ts.SourceFile, where: string): ParamModel[] {
  if (!ts.isObjectLiteralExpression(v))
    throw new Unreadable(`${where} is not an object literal of zod schemas (it is ${v.getText(sf).slice(0, 40)})`);
  return v.properties.map((p) => {
    if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)))
      throw new Unreadable(`${where} holds something other than name: z…`);
    return zodParam(p.name.text, p.initializer, sf);
  });
}

/** Unwind a chain such as z.number().int().min(1).default(3).describe('…') into a parameter. */
function zodParam(name: string, expr: ts.Expression, sf: ts.SourceFile): ParamModel {
  const calls: { method: string; args: readonly ts.Expression[] }[] = [];
  let e: ts.Expression = expr;
  while (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) {
    calls.unshift({ method: e.expression.name.text, args: e.arguments });
    e = e.expression.expression;
  }
  const root = e.getText(sf);
  const head = calls.shift();
  if (!head || !(root === 'z' || root === 'z.iso'))
    throw new Unreadable(`${name}: ${expr.getText(sf).slice(0, 60)} is not a zod schema the builder reads`);
  const p: ParamModel = { name, kind: 'string', description: '', required: true };
  const ctor = root === 'z.iso' ? `iso.${head.method}` : head.method;
  switch (ctor) {
    case 'string':
      break;
    case 'iso.datetime':
      p.format = 'date-time';
      break;
    case 'iso.date':
      p.format = 'date';
      break;
    case 'url':
      p.format = 'uri';
      break;
    case 'uuid':
      p.format = 'uuid';
      break;
    case 'number':
      p.kind = 'number';
      break;
    case 'int':
      p.kind = 'integer';
      break;
    case 'boolean':
      p.kind = 'boolean';
      break;
    case 'enum': {
      const arr = head.args[0];
      if (!arr || !ts.isArrayLiteralExpression(arr) || !arr.elements.every(ts.isStringLiteralLike))
        throw new Unreadable(`${name}: z.enum of something other than a literal list of strings`);
      p.kind = 'enum';
      p.enumValues = arr.elements.map((x) => (x as ts.StringLiteralLike).text);
      break;
    }
    case 'array': {
      const inner = head.args[0];
      if (!inner) throw new Unreadable(`${name}: z.array() without an element schema`);
      p.kind = 'array';
      p.items = { ...zodParam('', inner, sf), name: '' };
      if (!p.items.required || p.items.default !== undefined) throw new Unreadable(`${name}: list elements that are optional`);
      break;
    }
    case 'object': {
      const shape = head.args[0];
      if (!shape) throw new Unreadable(`${name}: z.object() without a shape`);
      p.kind = 'object';
      p.properties = shapeOf(shape, sf, name);
      break;
    }
    default:
      throw new Unreadable(`${name}: z.${ctor}() is not a type the builder edits`);
  }
  for (const c of calls) {
    const a0 = c.args[0];
    switch (c.method) {
      case 'int':
        if (p.kind !== 'number') throw new Unreadable(`${name}: .int() on a non-number`);
        p.kind = 'integer';
        break;
      case 'min':
      case 'max':
      case 'gte':
      case 'lte': {
        const n = num(a0, name);
        const isMin = c.method === 'min' || c.method === 'gte';
        if (p.kind === 'string') p[isMin ? 'minLength' : 'maxLength'] = n;
        else if (p.kind === 'number' || p.kind === 'integer') p[isMin ? 'minimum' : 'maximum'] = n;
        else throw new Unreadable(`${name}: .${c.method}() on a ${p.kind}`);
        break;
      }
      case 'regex': {
        if (!a0 || !ts.isRegularExpressionLiteral(a0)) throw new Unreadable(`${name}: .regex() without a regex literal`);
        const m = /^\/(.*)\/([a-z]*)$/s.exec(a0.text);
        if (!m || m[2]) throw new Unreadable(`${name}: a regex with flags`);
        p.pattern = m[1]!.replace(/\\\//g, '/');
        break;
      }
      case 'describe':
        if (!a0 || !ts.isStringLiteralLike(a0)) throw new Unreadable(`${name}: .describe() without a string literal`);
        p.description = a0.text;
        break;
      case 'optional':
        p.required = false;
        break;
      case 'default':
        p.required = false;
        p.default = literal(a0, name);
        break;
      default:
        throw new Unreadable(`${name}: .${c.method}() is not something the builder edits`);
    }
  }
  return p;
}

function num(e: ts.Expression | undefined, name: string): number {
  if (e && ts.isNumericLiteral(e)) return Number(e.text);
  if (e && ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand))
    return -Number(e.operand.text);
  throw new Unreadable(`${name}: a bound that is not a number literal`);
}

function literal(e: ts.Expression | undefined, name: string): DefaultValue {
  if (!e) throw new Unreadable(`${name}: .default() without a value`);
  if (ts.isStringLiteralLike(e)) return e.text;
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isNumericLiteral(e) || ts.isPrefixUnaryExpression(e)) return num(e, name);
  if (ts.isArrayLiteralExpression(e)) {
    return e.elements.map((x) => {
      const v = literal(x, name);
      if (Array.isArray(v)) throw new Unreadable(`${name}: a default list of lists`);
      return v;
    });
  }
  throw new Unreadable(`${name}: a default that is not a plain literal`);
}
