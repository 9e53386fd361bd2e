import { fileNameFromUri } from '../../../src-shared/files/file-name-from-uri';

/**
 * Saving a resource's binary contents from the browser: the base64 becomes a Blob (never a URL the
 * server chose) and the file name comes from the URI, reduced to characters that are safe in any
 * file system.
 */
const MAX_STEM = 80;

/** `demo://resource/../../etc/passwd?x` → `passwd.bin`; never empty, never a dot file, no path separators. */
export function safeDownloadName(uri: string, mimeType?: string): string {
  const { stem, ext } = fileNameFromUri(uri, { mimeType, fallbackExt: '.bin', maxStem: MAX_STEM });
  return `${stem}${ext}`;
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64.replace(/\s+/g, ''));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** Hand the bytes to the browser's download (a save dialog in Electron). Throws on invalid base64. */
export function downloadBase64(base64: string, fileName: string): void {
  // Saved as plain bytes whatever the server's MIME type: the browser never treats it as a page.
  const blob = new Blob([base64ToBytes(base64)], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
