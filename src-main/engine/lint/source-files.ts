import { existsSync, promises as fs, readFileSync } from 'node:fs';
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
    const src = language === 'javascript' ? (mappedSource(file) ?? { file, language }) : { file, language };
    if (!out.some((s) => s.file === src.file)) out.push(src);
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

/**
 * The TypeScript a built file came from (`node dist/index.js`): its source map's first source, when
 * the map and that file exist. The author's findings then point at the lines they wrote.
 */
function mappedSource(jsFile: string): ServerSource | undefined {
  let text: string;
  try {
    text = readFileSync(jsFile, 'utf8');
  } catch {
    return undefined;
  }
  const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(text)?.[1];
  if (!url || url.startsWith('data:')) return undefined;
  const mapFile = path.resolve(path.dirname(jsFile), decodeURIComponent(url));
  try {
    const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources?: unknown; sourceRoot?: unknown };
    const first = Array.isArray(map.sources) && typeof map.sources[0] === 'string' ? map.sources[0] : undefined;
    if (!first) return undefined;
    const root = typeof map.sourceRoot === 'string' ? map.sourceRoot : '';
    const file = path.resolve(path.dirname(mapFile), root, first);
    const language = EXT[path.extname(file).toLowerCase()];
    return language && existsSync(file) && !/[\\/]node_modules[\\/]/.test(file) ? { file, language } : undefined;
  } catch {
    return undefined; // no readable map: the built file itself is analysed
  }
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
