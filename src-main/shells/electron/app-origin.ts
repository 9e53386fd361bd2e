/** The desktop UI's own origin (a custom scheme, not file://). */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://mcp-lab';

/** Scripts only from the bundle; no eval; inline styles for Monaco; no frames, no plugins. */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
