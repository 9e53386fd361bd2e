/**
 * Saving a resource's binary contents from the browser: the base64 becomes a Blob (never a URL the
 * server chose) and the file name comes from the URI, reduced to characters that are safe in any
 * file system.
 */
const EXT_BY_MIME: Record<string, string> = {
  'application/json': '.json',
  'application/pdf': '.pdf',
  'application/zip': '.zip',
  'application/gzip': '.gz',
  'application/xml': '.xml',
  'text/plain': '.txt',
  'text/markdown': '.md',
  'text/csv': '.csv',
  'text/html': '.html',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/svg+xml': '.svg',
  'audio/mpeg': '.mp3',
  'audio/wav': '.wav',
};

const MAX_STEM = 80;

/** `demo://resource/../../etc/passwd?x` → `passwd.bin`; never empty, never a dot file, no path separators. */
export function safeDownloadName(uri: string, mimeType?: string): string {
  const path = uri.replace(/^[a-z][a-z0-9+.-]*:\/*/i, '').split(/[?#]/)[0] ?? '';
  let last = path.split(/[/\\]+/).filter(Boolean).at(-1) ?? '';
  try {
    last = decodeURIComponent(last);
  } catch {
    // a stray % stays as it is and is replaced below
  }
  const safe = last
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '');
  const own = /\.[A-Za-z0-9]{1,8}$/.exec(safe)?.[0];
  const stem = (own ? safe.slice(0, -own.length) : safe).replace(/[.-]+$/, '').slice(0, MAX_STEM) || 'resource';
  const ext = own ?? EXT_BY_MIME[(mimeType ?? '').split(';')[0]!.trim().toLowerCase()] ?? '.bin';
  return `${stem}${ext.toLowerCase()}`;
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
