/**
 * The UI's Content Security Policy, for both shells (Electron's app:// protocol and browser mode):
 * scripts only from the bundle, no eval, inline styles for Monaco, no frames, no plugins. The page
 * carries the same policy in a <meta> tag (a test keeps the two in step).
 */
export const UI_CSP = [
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
