import { promises as fs } from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

export interface StaticFile {
  body: Buffer;
  type: string;
}

/**
 * Resolve a URL path inside `root`, refusing anything that would leave it (`..`, encoded
 * separators, NUL, a symlink whose target lies outside). Unknown paths without an extension fall
 * back to index.html (client routing).
 */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  // Refuse traversal outright rather than letting normalization quietly clamp it at the root.
  if (decoded.split('/').includes('..')) return undefined;
  const rel = path.posix.normalize(decoded).replace(/^\/+/, '');
  if (rel.startsWith('..')) return undefined;
  const full = path.resolve(root, rel || 'index.html');
  if (full !== root && !full.startsWith(root + path.sep)) return undefined;
  const realRoot = await realpathOrUndefined(root);
  if (!realRoot) return undefined;
  const file = await readFileIfRegular(realRoot, full);
  if (file) return { body: file, type: TYPES[path.extname(full)] ?? 'application/octet-stream' };
  if (!path.extname(rel)) {
    const index = await readFileIfRegular(realRoot, path.join(root, 'index.html'));
    if (index) return { body: index, type: TYPES['.html']! };
  }
  return undefined;
}

/** The lexical checks cannot see symlinks: the file's real location must lie inside the real root too. */
async function readFileIfRegular(realRoot: string, p: string): Promise<Buffer | undefined> {
  const real = await realpathOrUndefined(p);
  if (!real || (real !== realRoot && !real.startsWith(realRoot + path.sep))) return undefined;
  try {
    const st = await fs.stat(real);
    return st.isFile() ? await fs.readFile(real) : undefined;
  } catch {
    return undefined;
  }
}

async function realpathOrUndefined(p: string): Promise<string | undefined> {
  try {
    return await fs.realpath(p);
  } catch {
    return undefined;
  }
}
