import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { ApiHandlers, ApiStreams } from '../../../src-shared/api/contract';
import type { IDisposable } from '../../../src-shared/base/lifecycle';
import { APP_SANDBOX_HTML, APP_SANDBOX_PATH, appSandboxCspFor } from '../../../src-shared/security/app-sandbox';
import { UI_CSP } from '../../../src-shared/security/csp';
import { serveApi } from '../../rpc/serve-api';
import { BOOT_HTML, BOOT_JS } from './boot-page';
import { RequestGuard } from './request-guard';
import { SessionLinks } from './session-links';
import { readStatic } from '../common/static-files';
import { createWsPort } from './ws-port';

export interface WebServerOptions {
  handlers: ApiHandlers;
  streams: ApiStreams;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  host?: string;
  /** Binding beyond loopback exposes a process-spawning API to the network: only when forced. */
  allowNonLoopback?: boolean;
  /** Extra allowed Origins (a Vite dev server during UI development). */
  extraOrigins?: string[];
  /** Fixed first token (tests); otherwise a fresh random one per start. */
  token?: string;
  onLog?: (line: string) => void;
}

export interface WebServer extends IDisposable {
  readonly port: number;
  /** The one-time token of the first link. */
  readonly token: string;
  /** The URL to open: the token rides in the fragment, which browsers never send to a server. */
  readonly url: string;
  /** A new one-time link (the previous one, if unused, stops working). */
  newLink(): string;
  close(): Promise<void>;
}

/** What a refused trade tells the person at the browser: where the next link comes from. */
export const NEW_LINK_HINT = 'In the terminal running mcp-lab serve, type n and press Enter to print a new link.';

/** Far below ws's 100 MiB default: the UI sends calls and subscriptions, never bulk data. */
export const WS_MAX_PAYLOAD = 4 * 1024 * 1024;
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export async function startWebServer(o: WebServerOptions): Promise<WebServer> {
  const host = o.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host) && !o.allowNonLoopback) {
    throw new Error(
      `refusing to listen on ${host}: browser mode can start processes and must stay on this machine. Use 127.0.0.1, or pass --force-host if you understand the risk.`,
    );
  }
  const links = new SessionLinks(o.token);
  const token = links.current!;
  let guard: RequestGuard | undefined;

  const server: Server = createServer((req, res) => {
    void handleHttp(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error');
    });
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const g = guard!;
    if (!g.hostAllowed(req)) return send(res, 421, 'text/plain', 'refused: unexpected Host header');
    const url = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') return send(res, 405, 'text/plain', 'method not allowed');
    // Anything that is not a plain read must show where it comes from.
    if (!g.originAllowed(req, method === 'POST')) return send(res, 403, 'text/plain', 'refused: foreign or missing Origin');

    if (method === 'POST' && url.pathname === '/session') {
      const traded = links.trade(g.bearer(req));
      if (!traded.ok && traded.reason === 'used') {
        return send(res, 410, 'text/plain', `refused: this link was already used (each link opens one browser session). ${NEW_LINK_HINT}`);
      }
      if (!traded.ok) return send(res, 401, 'text/plain', `refused: wrong or outdated access token. ${NEW_LINK_HINT}`);
      res.setHeader('Set-Cookie', `${g.cookieName}=${traded.sessionId}; HttpOnly; SameSite=Strict; Path=/`);
      return send(res, 204, 'text/plain', '');
    }
    if (method === 'POST') return send(res, 404, 'text/plain', 'not found');
    if (url.pathname === '/boot.js') return send(res, 200, 'text/javascript; charset=utf-8', BOOT_JS);
    // An MCP App's frame: no session needed (it holds nothing and can do nothing but relay), and
    // the UI embeds it sandboxed without allow-same-origin, so it never runs with our origin.
    if (url.pathname === APP_SANDBOX_PATH)
      return send(res, 200, 'text/html; charset=utf-8', APP_SANDBOX_HTML, appSandboxCspFor(url.search));

    const session = links.session(g.sessionCookie(req));
    if (!session) {
      if (url.pathname === '/' || url.pathname === '/index.html') return send(res, 200, 'text/html; charset=utf-8', BOOT_HTML);
      return send(res, 401, 'text/plain', 'refused: no session (open the URL printed by mcp-lab serve)');
    }
    if (url.pathname === '/api/session') {
      return send(res, 200, 'application/json', JSON.stringify({ token: session.helloKey, wsPath: '/ws' }));
    }
    const file = await readStatic(o.rendererDir, url.pathname);
    if (!file) return send(res, 404, 'text/plain', 'not found');
    return send(res, 200, file.type, file.body);
  }

  function send(res: ServerResponse, status: number, type: string, body: string | Buffer, csp = UI_CSP): void {
    res.writeHead(status, {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Content-Security-Policy': csp,
    });
    res.end(body);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_PAYLOAD });
  const sessions = new Set<IDisposable>();
  server.on('upgrade', (req, socket, head) => {
    const g = guard!;
    const url = new URL(req.url ?? '/', 'http://x');
    // The upgrade changes state: Host, Origin (required) and the session cookie all have to match.
    const session = links.session(g.sessionCookie(req));
    if (url.pathname !== '/ws' || !g.hostAllowed(req) || !g.originAllowed(req, true) || !session) {
      o.onLog?.(`refused a WebSocket upgrade (host=${req.headers.host ?? '-'}, origin=${req.headers.origin ?? '-'})`);
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const port = createWsPort(ws);
      const served = serveApi(port, o.handlers, o.streams, {
        origin: 'websocket',
        token: session.helloKey,
        onProtocolViolation: (why) => o.onLog?.(`closed a browser connection: ${why}`),
      });
      sessions.add(served);
      port.onClose(() => {
        served.dispose();
        sessions.delete(served);
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  guard = new RequestGuard(port, o.extraOrigins);
  const urlHost = host === '::1' ? '[::1]' : host === 'localhost' ? 'localhost' : host;

  const close = async () => {
    for (const s of sessions) s.dispose();
    for (const c of wss.clients) c.terminate();
    wss.close();
    await new Promise<void>((r) => server.close(() => r()));
    server.closeAllConnections();
  };
  const linkFor = (t: string) => `http://${urlHost}:${port}/#token=${t}`;
  return { port, token, url: linkFor(token), newLink: () => linkFor(links.issue()), close, dispose: () => void close() };
}
