import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import type * as TS from 'typescript';
import type { RawFinding } from './list-rules';
import { locate } from './source-files';

const SECRET_NAME = /(api[_-]?key|secret|token|password|passwd|private[_-]?key|access[_-]?key)/i;
const SECRET_VALUE =
  /^(sk-[A-Za-z0-9_-]{16,}|AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}|xox[baprs]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35}|-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*)$/;
const PLACEHOLDER = /^(|x+|\*+|changeme|change-me|your[-_ ].*|<.*>|\$\{.*\}|test|dummy|example.*)$/i;
const STDOUT_CALLS = new Set(['console.log', 'console.info', 'console.debug', 'console.table', 'console.dir', 'process.stdout.write']);

/**
 * The compiler API, from the project's own node_modules when it has TypeScript (its version
 * parses its syntax), else from MCP Lab's. Loaded on demand: it is large.
 */
function loadTypeScript(file: string): typeof TS | undefined {
  for (const base of [file, import.meta.url]) {
    try {
      const req = createRequire(base);
      return req(req.resolve('typescript')) as typeof TS;
    } catch {
      // try the next place
    }
  }
  return undefined;
}

/**
 * Lint a TypeScript or JavaScript file through the compiler API: eval and shell commands, blocking
 * calls inside async functions, secrets in literals, and writes to stdout.
 */
export async function lintTsSource(file: string): Promise<{ findings: RawFinding[] } | { note: string }> {
  const ts = loadTypeScript(file);
  if (!ts)
    return {
      note: 'TypeScript is not installed (neither in the project nor in MCP Lab): npm install -D typescript to lint TypeScript source',
    };
  const text = await fs.readFile(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.Unknown);
  const raw: Array<{ rule: string; node: TS.Node; message: string }> = [];
  const importsChildProcess = /['"](node:)?child_process['"]/.test(text);

  const name = (e: TS.Expression): string | undefined => {
    if (ts.isIdentifier(e)) return e.text;
    if (ts.isPropertyAccessExpression(e)) {
      const left = name(e.expression);
      return left ? `${left}.${e.name.text}` : e.name.text;
    }
    return undefined;
  };
  const isAsync = (n: TS.Node) => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
  const isFunction = (n: TS.Node) =>
    ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) || ts.isMethodDeclaration(n);
  const secretLiteral = (v: TS.Node | undefined) =>
    !!v &&
    (ts.isStringLiteral(v) || ts.isNoSubstitutionTemplateLiteral(v)) &&
    v.text.length >= 8 &&
    !/\s/.test(v.text.trim()) &&
    !PLACEHOLDER.test(v.text.trim());

  const visit = (node: TS.Node, inAsync: boolean) => {
    if (isFunction(node)) inAsync = isAsync(node);
    if (ts.isCallExpression(node)) {
      const callee = name(node.expression) ?? '';
      const last = callee.split('.').at(-1) ?? '';
      if (callee === 'eval') raw.push({ rule: 'dangerous-call', node, message: 'eval() runs arbitrary code' });
      if (importsChildProcess && (last === 'exec' || last === 'execSync'))
        raw.push({
          rule: 'dangerous-call',
          node,
          message: `${last}() runs its command through a shell (use execFile/spawn with an argument list)`,
        });
      if (
        importsChildProcess &&
        /^(spawn|spawnSync|execFile|execFileSync)$/.test(last) &&
        node.arguments.some(
          (a) =>
            ts.isObjectLiteralExpression(a) &&
            a.properties.some(
              (p) => ts.isPropertyAssignment(p) && p.name.getText(sf) === 'shell' && p.initializer.kind === ts.SyntaxKind.TrueKeyword,
            ),
        )
      ) {
        raw.push({ rule: 'dangerous-call', node, message: `${last}(…, { shell: true }) runs its input through a shell` });
      }
      if (inAsync && (/Sync$/.test(last) || callee === 'Atomics.wait'))
        raw.push({ rule: 'blocking-in-async', node, message: `blocking ${callee}() inside an async function (use the promise-based API)` });
      if (STDOUT_CALLS.has(callee))
        raw.push({
          rule: 'print-to-stdout',
          node,
          message: `${callee}() writes to stdout, which carries the protocol over stdio (use console.error or process.stderr)`,
        });
    }
    if (ts.isNewExpression(node) && name(node.expression) === 'Function')
      raw.push({ rule: 'dangerous-call', node, message: 'new Function() runs arbitrary code' });
    if (
      (ts.isVariableDeclaration(node) || ts.isPropertyAssignment(node)) &&
      node.initializer &&
      SECRET_NAME.test(node.name.getText(sf)) &&
      secretLiteral(node.initializer)
    ) {
      raw.push({
        rule: 'hardcoded-secret',
        node,
        message: `${node.name.getText(sf)} is set to a literal secret: read it from the environment`,
      });
    } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && SECRET_VALUE.test(node.text.trim())) {
      raw.push({ rule: 'hardcoded-secret', node, message: 'a string that looks like an API key or private key' });
    }
    ts.forEachChild(node, (c) => visit(c, inAsync));
  };
  visit(sf, false);

  const cache = new Map<string, string[]>();
  const findings: RawFinding[] = [];
  for (const r of raw) {
    const pos = sf.getLineAndCharacterOfPosition(r.node.getStart(sf));
    findings.push({ ruleId: r.rule, message: r.message, location: await locate(file, pos.line + 1, pos.character + 1, cache) });
  }
  return { findings };
}
