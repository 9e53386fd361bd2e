import { createHash } from 'node:crypto';
import { fileNameFromUri } from '../../../src-shared/files/file-name-from-uri';

/** What comes inline in a `resources.read` reply; anything larger goes to a file. */
export interface InlineLimits {
  /** UTF-8 bytes of one text content. */
  textBytes: number;
  /** Base64 characters of one blob content. */
  blobChars: number;
  /** All inline contents of one reply together (a resource may have many parts). */
  totalChars: number;
}

export const INLINE_LIMITS: InlineLimits = { textBytes: 1024 * 1024, blobChars: 4 * 1024 * 1024, totalChars: 8 * 1024 * 1024 };

export type ContentsSize = { kind: 'text'; bytes: number; chars: number } | { kind: 'blob'; chars: number };

/** For each content in order: true to send it inline, false to save it to a file. */
export function planInline(sizes: ContentsSize[], limits: InlineLimits = INLINE_LIMITS): boolean[] {
  let total = 0;
  return sizes.map((s) => {
    const fits = s.kind === 'text' ? s.bytes <= limits.textBytes : s.chars <= limits.blobChars;
    if (!fits || total + s.chars > limits.totalChars) return false;
    total += s.chars;
    return true;
  });
}

const MAX_STEM = 60;

/**
 * The file name a downloaded resource gets: a readable stem from the URI's last segment, a short
 * hash of the URI (and the content's index, for resources with several parts) so different URIs
 * never collide, and an extension. Only [A-Za-z0-9._-] survive, and the name never starts with a
 * dot: whatever the server puts in a URI, the file lands inside the downloads folder.
 */
export function downloadFileName(uri: string, index: number, kind: 'text' | 'blob', mimeType?: string): string {
  const hash = createHash('sha256').update(`${index}\n${uri}`).digest('hex').slice(0, 10);
  const { stem, ext } = fileNameFromUri(uri, { mimeType, fallbackExt: kind === 'text' ? '.txt' : '.bin', maxStem: MAX_STEM });
  return `${stem}-${hash}${ext}`;
}
