import { protocol } from 'electron';
import { APP_SANDBOX_HTML, APP_SANDBOX_PATH, appSandboxCspFor } from '../../../src-shared/security/app-sandbox';
import { readStatic } from '../common/static-files';
import { APP_CSP, APP_SCHEME } from './app-origin';

export { APP_CSP, APP_ORIGIN, APP_SCHEME } from './app-origin';

/** Must run before `app.ready`: makes app:// a standard, secure origin (not file://). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serve the built renderer from app://mcp-lab/, rejecting other hosts and any path outside the bundle. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (req) => {
    const url = new URL(req.url);
    if (url.host !== 'mcp-lab') return new Response('not found', { status: 404 });
    // An MCP App's relay frame, with the App's declared policy (the UI embeds it without allow-same-origin).
    if (url.pathname === APP_SANDBOX_PATH) {
      return new Response(APP_SANDBOX_HTML, {
        headers: {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': appSandboxCspFor(url.search),
          'X-Content-Type-Options': 'nosniff',
        },
      });
    }
    const file = await readStatic(rendererDir, url.pathname);
    if (!file) return new Response('not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { 'Content-Type': file.type, 'Content-Security-Policy': APP_CSP, 'X-Content-Type-Options': 'nosniff' },
    });
  });
}
