/**
 * Roots are `file://` URIs. People type paths; these turn an absolute path into a URI (and
 * back for display) without Node's url module, so the UI and the CLI agree.
 */
const WINDOWS_DRIVE = /^[A-Za-z]:[\\/]/;

export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || WINDOWS_DRIVE.test(p) || p.startsWith('\\\\');
}

/** `/home/me/my project` → `file:///home/me/my%20project`; `C:\work` → `file:///C:/work`. A file:// URI passes through. */
export function toRootUri(input: string): string {
  const t = input.trim();
  if (/^file:\/\//i.test(t)) return t;
  if (t.startsWith('\\\\')) {
    const [host, ...rest] = t.slice(2).split(/[\\/]+/);
    return `file://${host}/${rest.map(encodeURIComponent).join('/')}`;
  }
  const posix = t.replace(/\\/g, '/');
  const withSlash = WINDOWS_DRIVE.test(t) ? `/${posix}` : posix;
  const encoded = withSlash
    .split('/')
    .map((seg, i) => (i === 1 && /^[A-Za-z]:$/.test(seg) ? seg : encodeURIComponent(seg)))
    .join('/');
  return `file://${encoded}`;
}

/** `file:///home/me/my%20project` → `/home/me/my project` (for display; undefined when it is not a plain file URI). */
export function rootUriToPath(uri: string): string | undefined {
  const m = /^file:\/\/([^/]*)(\/.*)?$/i.exec(uri);
  if (!m) return undefined;
  try {
    const p = decodeURIComponent(m[2] ?? '/');
    if (m[1]) return `\\\\${m[1]}${p.replace(/\//g, '\\')}`;
    return /^\/[A-Za-z]:\//.test(p) ? p.slice(1) : p;
  } catch {
    return undefined;
  }
}
