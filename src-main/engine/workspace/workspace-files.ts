import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../src-shared/api/errors';
import type { FileContent, FileSaveOutcome, FileVersion, TreeEntry, TreeListing } from '../../../src-shared/api/schemas/workspace';
import { writeFileAtomically } from './atomic-file';
import { fileVersion, sameContent } from './file-version';
import { isInside, resolveInside, toWirePath } from './safe-path';

/** Folders a source tree does not need to show (and the watcher does not need to follow). */
export const IGNORED_DIRS = new Set([
  'node_modules',
  '.venv',
  'venv',
  '.git',
  '.cache',
  'dist',
  'out',
  '__pycache__',
  '.pytest_cache',
  '.mypy_cache',
  '.ruff_cache',
  '.tox',
  'build',
]);

/** Files larger than this are not opened in the editor (it would freeze the window). */
export const MAX_EDITABLE_BYTES = 5 * 1024 * 1024;

export type WriteFile = (file: string, content: string) => Promise<void>;

/**
 * The workspace's files for the editor: lazy tree listing, reads with a version, and saves that
 * only go through while the disk still holds the version the buffer was based on.
 */
export class WorkspaceFiles {
  constructor(
    readonly root: string,
    private readonly write: WriteFile = writeFileAtomically,
  ) {}

  async tree(dir: string, showIgnored: boolean): Promise<TreeListing> {
    // A workspace opened before its folder exists is made by its first save: nothing to list yet, nothing wrong.
    if (dir === '' && !(await exists(this.root))) return { dir, entries: [], ignored: 0, missing: true };
    const abs = await resolveInside(this.root, dir);
    const realRoot = await fs.realpath(this.root);
    let dirents;
    try {
      dirents = await fs.readdir(abs, { withFileTypes: true });
    } catch (e) {
      throw fsError(e, dir || '(workspace folder)');
    }
    const entries: TreeEntry[] = [];
    let ignored = 0;
    for (const d of dirents) {
      const rel = toWirePath(realRoot, path.join(abs, d.name));
      let kind: TreeEntry['kind'] | undefined = d.isDirectory() ? 'dir' : d.isFile() ? 'file' : undefined;
      let outside = false;
      if (d.isSymbolicLink()) {
        const target = await fs.realpath(path.join(abs, d.name)).catch(() => undefined);
        const st = target ? await fs.stat(target).catch(() => undefined) : undefined;
        if (!target || !st) continue;
        kind = st.isDirectory() ? 'dir' : 'file';
        outside = !isInside(realRoot, target);
      }
      if (!kind) continue;
      if (kind === 'dir' && !showIgnored && IGNORED_DIRS.has(d.name)) {
        ignored++;
        continue;
      }
      entries.push({ name: d.name, path: rel, kind, ...(outside ? { outside: true } : {}) });
    }
    entries.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'dir' ? -1 : 1));
    return { dir, entries, ignored };
  }

  async read(rel: string): Promise<FileContent> {
    const abs = await resolveInside(this.root, rel);
    let st;
    try {
      st = await fs.stat(abs);
    } catch (e) {
      throw fsError(e, rel);
    }
    if (st.isDirectory()) throw new ApiError('InvalidParams', `${rel} is a folder, not a file`);
    if (st.size > MAX_EDITABLE_BYTES)
      throw new ApiError(
        'Conflict',
        `${rel} is ${(st.size / 1024 / 1024).toFixed(1)} MiB: too large to open in the editor (limit ${MAX_EDITABLE_BYTES / 1024 / 1024} MiB)`,
      );
    const bytes = await fs.readFile(abs);
    if (bytes.includes(0)) throw new ApiError('Conflict', `${rel} looks like a binary file: MCP Lab opens text files only`);
    return { path: rel, content: bytes.toString('utf8'), version: fileVersion(bytes, st) };
  }

  /** What the disk holds now, or null when the file does not exist. */
  async current(rel: string): Promise<{ content: string; version: FileVersion } | null> {
    const abs = await resolveInside(this.root, rel);
    try {
      const [bytes, st] = await Promise.all([fs.readFile(abs), fs.stat(abs)]);
      return { content: bytes.toString('utf8'), version: fileVersion(bytes, st) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  /**
   * Save only if the disk still holds `baseVersion` (null: the file must not exist yet), unless
   * `force`. A failed write leaves the original as it was (temp file + rename) and says why.
   */
  async save(rel: string, content: string, baseVersion: FileVersion | null, force = false): Promise<FileSaveOutcome> {
    const abs = await resolveInside(this.root, rel);
    let disk;
    try {
      disk = await this.current(rel);
    } catch (e) {
      return { status: 'failed', path: rel, ...describeWriteError(e, rel) };
    }
    // The disk already holds exactly this content (saved twice, or someone made the same edit): nothing to write.
    if (disk && disk.content === content) return { status: 'saved', path: rel, version: disk.version };
    if (!force && !sameContent(disk?.version ?? null, baseVersion)) return { status: 'conflict', path: rel, disk };
    try {
      await this.write(abs, content);
      const st = await fs.stat(abs);
      return { status: 'saved', path: rel, version: fileVersion(Buffer.from(content, 'utf8'), st) };
    } catch (e) {
      return { status: 'failed', path: rel, ...describeWriteError(e, rel) };
    }
  }
}

function fsError(e: unknown, rel: string): ApiError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new ApiError('NotFound', `${rel} does not exist (it may have been deleted or renamed)`);
  if (code === 'EACCES' || code === 'EPERM') return new ApiError('Conflict', `${rel} cannot be read: permission denied`);
  if (code === 'ENOTDIR') return new ApiError('InvalidParams', `${rel} is not a folder`);
  return new ApiError('Internal', `${rel}: ${(e as Error).message}`);
}

/** A save failure a person can act on. The buffer stays dirty; nothing on disk changed. */
export function describeWriteError(e: unknown, rel: string): { message: string; code?: string } {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied (the file or its folder is read-only)'
      : code === 'EROFS'
        ? 'the file system is read-only'
        : code === 'ENOSPC'
          ? 'the disk is full'
          : code === 'EDQUOT'
            ? 'the disk quota is exceeded'
            : code === 'ENOENT'
              ? 'its folder does not exist'
              : (e as Error).message;
  return {
    message: `Could not save ${rel}: ${why}. Nothing was written: the file on disk is unchanged and your edits are still in the editor.`,
    ...(code ? { code } : {}),
  };
}

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(
    () => true,
    (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return false;
      throw e;
    },
  );
}
