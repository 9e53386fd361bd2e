/**
 * A file name for something a server named by URI (a resource it returned, a part of one). The
 * name comes from the URI's last segment, reduced to [A-Za-z0-9._-], never empty, never a dot
 * file, no path separators: whatever the server puts in a URI, the file lands where we put it.
 * Shared by the engine (files it saves) and the UI (browser downloads).
 */
const EXT_BY_MIME: Record<string, string> = {
  'application/json': '.json',
  'application/xml': '.xml',
  'application/pdf': '.pdf',
  'application/zip': '.zip',
  'application/gzip': '.gz',
  'text/plain': '.txt',
  'text/markdown': '.md',
  'text/html': '.html',
  'text/csv': '.csv',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/svg+xml': '.svg',
  'audio/mpeg': '.mp3',
  'audio/wav': '.wav',
};

/** `demo://resource/../../etc/passwd?x` → { stem: 'passwd', ext: '.bin' } (ext lower-case, with its dot). */
export function fileNameFromUri(
  uri: string,
  o: { mimeType?: string | undefined; fallbackExt: string; maxStem: number },
): { stem: string; ext: string } {
  const withoutScheme = uri.replace(/^[a-z][a-z0-9+.-]*:\/*/i, '');
  const lastSegment =
    (withoutScheme.split(/[?#]/)[0] ?? '')
      .split(/[/\\]+/)
      .filter(Boolean)
      .at(-1) ?? '';
  let decoded = lastSegment;
  try {
    decoded = decodeURIComponent(lastSegment);
  } catch {
    // a stray % is kept as it is (and replaced below)
  }
  const safe = decoded
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '');
  const own = /\.[A-Za-z0-9]{1,8}$/.exec(safe)?.[0];
  const stem = (own ? safe.slice(0, -own.length) : safe).replace(/[.-]+$/g, '').slice(0, o.maxStem) || 'resource';
  const ext = own ?? EXT_BY_MIME[(o.mimeType ?? '').split(';')[0]!.trim().toLowerCase()] ?? o.fallbackExt;
  return { stem, ext: ext.toLowerCase() };
}
