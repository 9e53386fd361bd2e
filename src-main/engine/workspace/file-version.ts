import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import type { FileVersion } from '../../../src-shared/api/schemas/workspace';

export function fileVersion(bytes: Buffer, st: Pick<Stats, 'mtimeMs'>): FileVersion {
  return { mtimeMs: st.mtimeMs, size: bytes.length, hash: createHash('sha256').update(bytes).digest('hex') };
}

export function sameContent(a: FileVersion | null, b: FileVersion | null): boolean {
  if (!a || !b) return a === b;
  return a.hash === b.hash && a.size === b.size;
}
