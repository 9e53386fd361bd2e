import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Where the server's code is: its working directory, and its source file when one is known. */
export interface ServerLocation {
  cwd: string;
  command: string;
  args: string[];
  /** The template convention (`source` in mcp-lab.json), relative to cwd. */
  sourceFile?: string | undefined;
}

/** How an exported test file reaches the server object, or why that could not be told. */
export type ServerImport =
  | { ok: true; lines: string[]; /** The expression that gives a server: `mcp`, `createServer()`. */ server: string; from: string }
  | { ok: false; reason: string };

/**
 * Python: the FastMCP object a module assigns (`mcp = FastMCP(...)`), imported by module name.
 * A project whose pytest puts its root on the path (the template's `pythonpath = ["."]`) gets a
 * plain import; anything else gets the folder put on `sys.path` first, so the file runs as is.
 */
export function pythonImport(loc: ServerLocation, outFile: string): ServerImport {
  const source = sourceOf(loc, /\.py$/);
  if (!source)
    return {
      ok: false,
      reason: `cannot tell which Python file holds the server: "${[loc.command, ...loc.args].join(' ')}" names no .py file`,
    };
  if (!existsSync(source.file)) return { ok: false, reason: `the server's source ${source.file} does not exist` };
  const text = readFileSync(source.file, 'utf8');
  const name = source.object ?? /^([A-Za-z_]\w*)\s*(?::[^=\n]+)?=\s*FastMCP\(/m.exec(text)?.[1];
  if (!name)
    return { ok: false, reason: `${path.basename(source.file)} assigns no FastMCP object at the top level (such as mcp = FastMCP("…"))` };
  const dir = path.dirname(source.file);
  const module = path.basename(source.file, '.py');
  const outDir = path.dirname(outFile);
  const pyproject = path.join(dir, 'pyproject.toml');
  const onPath =
    inside(dir, outDir) && existsSync(pyproject) && /pythonpath\s*=\s*\[[^\]]*["']\.["']/.test(readFileSync(pyproject, 'utf8'));
  const lines = onPath
    ? [`from ${module} import ${name}`]
    : [
        'import sys',
        'from pathlib import Path',
        '',
        "# The server lives outside this file's folder: put its folder on the import path.",
        `sys.path.insert(0, str((Path(__file__).resolve().parent / ${JSON.stringify(posix(path.relative(outDir, dir)) || '.')}).resolve()))`,
        `from ${module} import ${name}  # noqa: E402`,
      ];
  return { ok: true, lines, server: name, from: source.file };
}

/**
 * TypeScript: a factory the source exports (`export function createServer(): McpServer`, the
 * template's), or an exported `McpServer` instance; looked for in the source file and the files
 * it imports by relative path (the template's main.ts imports server.ts).
 */
export function typescriptImport(loc: ServerLocation, outFile: string): ServerImport {
  const source = sourceOf(loc, /\.(ts|mts|js|mjs)$/);
  if (!source)
    return {
      ok: false,
      reason: `cannot tell which TypeScript file holds the server: "${[loc.command, ...loc.args].join(' ')}" names no .ts or .js file`,
    };
  if (!existsSync(source.file)) return { ok: false, reason: `the server's source ${source.file} does not exist` };
  for (const file of [source.file, ...relativeImports(source.file)]) {
    const text = readFileSync(file, 'utf8');
    if (!/new\s+McpServer\s*\(/.test(text)) continue;
    const factory = /export\s+(async\s+)?function\s+([A-Za-z_$][\w$]*)\s*\(\s*\)/.exec(text);
    const instance = /export\s+const\s+([A-Za-z_$][\w$]*)\s*(?::\s*McpServer\s*)?=\s*new\s+McpServer\s*\(/.exec(text);
    let spec = posix(path.relative(path.dirname(outFile), file)).replace(/\.(m?)ts$/, '.$1js');
    if (!spec.startsWith('.')) spec = `./${spec}`;
    if (instance) return { ok: true, lines: [`import { ${instance[1]} } from '${spec}';`], server: instance[1]!, from: file };
    if (factory)
      return {
        ok: true,
        lines: [`import { ${factory[2]} } from '${spec}';`],
        server: `${factory[1] ? 'await ' : ''}${factory[2]}()`,
        from: file,
      };
  }
  return {
    ok: false,
    reason: `found no exported McpServer in ${path.basename(source.file)} or the files it imports: export a factory such as \`export function createServer(): McpServer\``,
  };
}

function sourceOf(loc: ServerLocation, ext: RegExp): { file: string; object?: string } | undefined {
  if (loc.sourceFile && ext.test(loc.sourceFile)) return { file: path.resolve(loc.cwd, loc.sourceFile) };
  for (const arg of loc.args) {
    // `fastmcp run server.py:mcp` names the object too.
    const m = /^(.+?)(?::([A-Za-z_]\w*))?$/.exec(arg);
    if (m && ext.test(m[1]!)) return { file: path.resolve(loc.cwd, m[1]!), ...(m[2] ? { object: m[2] } : {}) };
  }
  return undefined;
}

function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/from\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const base = path.resolve(path.dirname(file), m[1]!);
    const found = [base, base.replace(/\.js$/, '.ts'), base.replace(/\.mjs$/, '.mts'), `${base}.ts`].find(
      (f) => existsSync(f) && /\.(m?[tj]s)$/.test(f),
    );
    if (found) out.push(found);
  }
  return out;
}

function inside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function posix(p: string): string {
  return p.split(path.sep).join('/');
}
