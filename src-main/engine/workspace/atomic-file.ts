import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Write a whole file or nothing: temp file, fsync, rename. A crash mid-save leaves the old
 * content, never a truncated file.
 */
export async function writeFileAtomically(file: string, content: string | Buffer, mode?: number): Promise<void> {
  // Loaded on the first save, not with the engine: a one-shot CLI run saves nothing.
  const [{ default: writeFileAtomic }] = await Promise.all([
    import('write-file-atomic'),
    fs.mkdir(path.dirname(file), { recursive: true }),
  ]);
  await writeFileAtomic(file, content, { encoding: 'utf8', fsync: true, ...(mode !== undefined ? { mode } : {}) });
}

export async function readTextIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}
