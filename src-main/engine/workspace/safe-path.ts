import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../src-shared/api/errors';

/**
 * Resolve a path the UI sent inside the workspace folder. Rejects absolute paths, ".." escapes,
 * and symlinks (anywhere along the path) whose target lies outside the folder. The UI is not
 * trusted with the file system: in browser mode it is a web page.
 */
export async function resolveInside(root: string, rel: string): Promise<string> {
  const realRoot = await fs.realpath(root);
  const lexical = lexicallyInside(realRoot, rel);
  // The deepest part of the path that exists decides where a symlink leads.
  let probe = lexical;
  for (;;) {
    try {
      const real = await fs.realpath(probe);
      if (!isInside(realRoot, real)) throw outside(rel);
      return path.join(real, path.relative(probe, lexical));
    } catch (e) {
      if (e instanceof ApiError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
      const parent = path.dirname(probe);
      if (parent === probe) throw outside(rel);
      probe = parent;
    }
  }
}

/**
 * An absolute path the engine was handed (a server's working folder or source file), accepted only
 * inside one of `roots`, symlinks followed as in `resolveInside`. Returns the resolved path, or
 * undefined when no root holds it; the caller says what was refused and what to do.
 */
export async function resolveInsideRoots(roots: string[], abs: string): Promise<string | undefined> {
  for (const root of roots) {
    const realRoot = await fs.realpath(root).catch(() => undefined);
    if (realRoot === undefined) continue;
    // The path may be written through the root as given or through its real location.
    for (const r of new Set([path.resolve(root), realRoot])) {
      if (!isInside(r, abs)) continue;
      try {
        return await resolveInside(r, path.relative(r, abs));
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
      }
    }
  }
  return undefined;
}

/** The lexical check alone (no file system): absolute paths and ".." that climbs out are refused. */
export function lexicallyInside(root: string, rel: string): string {
  if (rel.includes('\0')) throw new ApiError('InvalidParams', `path "${rel.replace(/\0/g, '\\0')}" contains a NUL character`);
  const norm = rel.replace(/\\/g, '/');
  if (path.isAbsolute(norm) || /^[A-Za-z]:/.test(norm))
    throw new ApiError('InvalidParams', `path "${rel}" must be relative to the workspace folder`);
  const full = path.resolve(root, norm);
  if (!isInside(root, full)) throw outside(rel);
  return full;
}

export function isInside(root: string, p: string): boolean {
  const r = path.relative(root, p);
  return r === '' || (!r.startsWith('..') && !path.isAbsolute(r));
}

/** The wire form of an absolute path inside the root: relative, "/"-separated. */
export function toWirePath(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}

function outside(rel: string): ApiError {
  return new ApiError('InvalidParams', `path "${rel}" leads outside the workspace folder; MCP Lab only opens files inside it`);
}
