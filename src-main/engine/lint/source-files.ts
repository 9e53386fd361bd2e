import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type { SourceLocation } from '../../../src-shared/api/schemas/lint';

export interface ServerSource {
  file: string;
  language: 'python' | 'typescript' | 'javascript';
}

const EXT: Record<string, ServerSource['language']> = {
  '.py': 'python',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'typescript',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
};

/**
 * The server's own source, found from its command line: the first argument that is an existing
 * .py/.ts/.js file (`python server.py`, `uv run server.py`, `fastmcp run server.py:mcp`,
 * `node --import tsx src/index.ts`), or a `-m module` that resolves to a file. Files inside
 * node_modules or site-packages are someone else's code, not the server's.
 */
export function findServerSources(command: string, args: string[], cwd: string): ServerSource[] {
  const out: ServerSource[] = [];
  const consider = (p: string) => {
    const file = path.resolve(cwd, p);
    const language = EXT[path.extname(file).toLowerCase()];
    if (!language || /[\\/](node_modules|site-packages)[\\/]/.test(file) || !existsSync(file)) return;
    if (!out.some((s) => s.file === file)) out.push({ file, language });
  };
  const all = [command, ...args];
  for (let i = 0; i < all.length; i++) {
    const a = all[i]!;
    if (/^[a-z]+:\/\//i.test(a) || a.startsWith('-')) {
      if (a === '-m' && all[i + 1]) {
        const mod = all[i + 1]!.replace(/\./g, path.sep);
        for (const c of [`${mod}.py`, path.join(mod, '__main__.py')]) consider(c);
        i++;
      }
      continue;
    }
    consider(a.replace(/:[A-Za-z_][\w]*$/, '')); // fastmcp run server.py:mcp
  }
  return out.slice(0, 3);
}

/** The interpreter to parse Python with: the server's own when it runs one, else python3. */
export function pythonFor(command: string): string {
  const base = path.basename(command);
  return /^python(\d+(\.\d+)?)?(\.exe)?$/i.test(base) ? command : 'python3';
}

/** A location with two lines of context either side, for a finding that points at source. */
export async function locate(file: string, line: number, column?: number, cache = new Map<string, string[]>()): Promise<SourceLocation> {
  let lines = cache.get(file);
  if (!lines) {
    lines = (await fs.readFile(file, 'utf8').catch(() => '')).split(/\r?\n/);
    cache.set(file, lines);
  }
  const start = Math.max(1, line - 2);
  return {
    file,
    line,
    ...(column !== undefined ? { column } : {}),
    snippet: lines.slice(start - 1, Math.min(lines.length, line + 2)).map((l) => (l.length > 200 ? `${l.slice(0, 200)}…` : l)),
    snippetStart: start,
  };
}
