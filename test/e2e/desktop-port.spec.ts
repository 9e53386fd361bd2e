/**
 * The desktop page's port to the engine, in real Chromium: Electron cannot run here, so the built
 * UI is served as app:// serves it (same files, same CSP) and an init script plays the preload,
 * handing the page a real MessagePort through window.postMessage. A tiny stand-in engine answers
 * on the other end; then main's notice that the engine's process ended arrives.
 */
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { readStatic } from '../../src-main/shells/common/static-files';
import { UI_CSP } from '../../src-shared/security/csp';

let server: Server;
let base = '';
test.beforeAll(async () => {
  const root = path.resolve(import.meta.dirname, '../../out/renderer');
  server = createServer((req, res) => {
    void readStatic(root, new URL(req.url ?? '/', 'http://x').pathname).then((file) => {
      if (!file) return res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': file.type, 'Content-Security-Policy': UI_CSP }).end(file.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('the page speaks to the engine over the port it is handed, and says so when the engine stops', async ({ page }) => {
  await page.addInitScript(() => {
    // The page's window (this file is type-checked without the DOM library).
    const win = globalThis as unknown as {
      location: { origin: string };
      postMessage(message: unknown, targetOrigin: string, transfer?: unknown[]): void;
      workbenchHost?: unknown;
      engineExits?: (code: number) => void;
    };
    win.workbenchHost = {
      kind: 'electron',
      connect: () => {
        const channel = new MessageChannel();
        // The stand-in engine: welcomes the hello, refuses the rest (the page only has to connect).
        channel.port1.addEventListener('message', (e) => {
          const m = (e as unknown as { data: { t: string; id?: number; v?: number } }).data;
          const error = { code: 'Internal', message: 'stand-in engine' };
          if (m.t === 'hello') channel.port1.postMessage({ t: 'welcome', v: m.v });
          else if (m.t === 'call') channel.port1.postMessage({ t: 'result', id: m.id, ok: false, error });
          else if (m.t === 'sub') channel.port1.postMessage({ t: 'subError', id: m.id, error });
        });
        channel.port1.start();
        win.postMessage({ mcpLabHost: 'engine-port' }, win.location.origin, [channel.port2]);
      },
    };
    win.engineExits = (code) => win.postMessage({ mcpLabHost: 'engine-exited', code }, win.location.origin);
  });
  await page.goto(`${base}/index.html`);
  await expect(page.getByRole('status', { name: 'Engine connection: Connected' })).toBeVisible();

  await page.evaluate(() => (globalThis as unknown as { engineExits(code: number): void }).engineExits(3));

  await expect(page.getByRole('heading', { name: 'The MCP Lab engine stopped' })).toBeVisible();
  await expect(page.getByText('stopped unexpectedly (exit code 3)')).toBeVisible();
  await expect(page.getByText('Restart MCP Lab to continue')).toBeVisible();
});
