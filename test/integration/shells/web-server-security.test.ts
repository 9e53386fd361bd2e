import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../src-main/engine/create-engine';
import { MemorySecretStore } from '../../../src-main/engine/workspace/secret-store';
import { startWebServer, WS_MAX_PAYLOAD, type WebServer } from '../../../src-main/shells/web/web-server';
import { openSession } from '../../helpers/ws-client-port';

let root: string;
let engine: Engine;
let web: WebServer;
let base: string;
let cookie: string;
/** The session's key for the WebSocket hello (never the one-time link token). */
let helloKey: string;
const logLines: string[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-web-'));
  const rendererDir = path.join(root, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>MCP Lab UI</title>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(root, 'secret.txt'), 'do not serve me');
  engine = await createEngine({
    workspaceDir: path.join(root, 'ws'),
    appDataDir: path.join(root, 'app'),
    host: 'test',
    secrets: new MemorySecretStore(),
  });
  web = await startWebServer({ handlers: engine.handlers, streams: engine.streams, rendererDir, onLog: (l) => logLines.push(l) });
  base = `http://127.0.0.1:${web.port}`;
  ({ cookie, token: helloKey } = await openSession(base, web.token));
});
afterAll(async () => {
  await web.close();
  await engine.shutdown();
  await rm(root, { recursive: true, force: true });
});

/** Raw HTTP so we control Host and Origin exactly (fetch would set them itself). */
function raw(
  pathname: string,
  headers: Record<string, string>,
  method = 'GET',
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: web.port, path: pathname, method, headers, setHost: false }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

const host = () => `127.0.0.1:${web.port}`;

function wsConnect(headers: Record<string, string>): Promise<{ ws?: WebSocket; status?: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${web.port}/ws`, { headers });
    ws.on('open', () => resolve({ ws }));
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
    ws.on('error', () => resolve({}));
  });
}

function nextClose(ws: WebSocket): Promise<{ code: number; messages: unknown[] }> {
  const messages: unknown[] = [];
  ws.on('message', (d) => messages.push(JSON.parse(d.toString())));
  return new Promise((resolve) => ws.on('close', (code) => resolve({ code, messages })));
}

describe('browser mode refuses what it must', () => {
  it('refuses to bind beyond loopback unless forced', async () => {
    await expect(
      startWebServer({ handlers: engine.handlers, streams: engine.streams, rendererDir: root, host: '0.0.0.0' }),
    ).rejects.toThrow(/refusing to listen on 0\.0\.0\.0/);
  });

  it('checks Host on every route, the HTML page included (DNS rebinding)', async () => {
    for (const p of ['/', '/index.html', '/boot.js', '/assets/app.js', '/api/session']) {
      const r = await raw(p, { Host: `evil.example:${web.port}`, Cookie: cookie });
      expect(r.status, p).toBe(421);
    }
    expect((await raw('/', { Host: host(), Cookie: cookie })).status).toBe(200);
    expect((await raw('/', { Host: `localhost:${web.port}`, Cookie: cookie })).status).toBe(200);
  });

  it('serves only the boot page without a session; the app and the token need the cookie', async () => {
    const boot = await raw('/', { Host: host() });
    expect(boot.status).toBe(200);
    expect(boot.body).toContain('/boot.js');
    expect(boot.body).not.toContain(web.token);
    expect((await raw('/assets/app.js', { Host: host() })).status).toBe(401);
    expect((await raw('/api/session', { Host: host() })).status).toBe(401);
    expect((await raw('/api/session', { Host: host(), Cookie: 'mcp_lab_session_1=nope' })).status).toBe(401);
    const s = await raw('/api/session', { Host: host(), Cookie: cookie });
    expect(JSON.parse(s.body).token).toBe(helloKey);
    // The link's token is spent: it opens nothing, neither as a cookie nor as a hello key.
    expect(helloKey).not.toBe(web.token);
    expect(cookie).not.toContain(web.token);
    expect((await raw('/api/session', { Host: host(), Cookie: `mcp_lab_session_${web.port}=${web.token}` })).status).toBe(401);
  });

  it('requires an allowed Origin and the right token to open a session', async () => {
    const fresh = new URL(web.newLink()).hash.slice('#token='.length);
    const auth = { Authorization: `Bearer ${fresh}` };
    expect((await raw('/session', { Host: host(), ...auth }, 'POST')).status).toBe(403);
    expect((await raw('/session', { Host: host(), Origin: 'http://evil.example', ...auth }, 'POST')).status).toBe(403);
    expect((await raw('/session', { Host: host(), Origin: base, Authorization: 'Bearer wrong' }, 'POST')).status).toBe(401);
    expect((await raw('/session', { Host: host(), Origin: base }, 'POST')).status).toBe(401);
    const ok = await raw('/session', { Host: host(), Origin: base, ...auth }, 'POST');
    expect(ok.status).toBe(204);
    expect(String(ok.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
  });

  it('trades a link once: the cookie is a fresh random id, a second trade is refused and says how to get a new link', async () => {
    const first = new URL(web.newLink()).hash.slice('#token='.length);
    const auth = { Host: host(), Origin: base, Authorization: `Bearer ${first}` };
    const ok = await raw('/session', auth, 'POST');
    expect(ok.status).toBe(204);
    const sessionId = /=([^;]+)/.exec(String(ok.headers['set-cookie']))![1]!;
    expect(sessionId).not.toBe(first);
    expect(sessionId).not.toBe(web.token);
    const again = await raw('/session', auth, 'POST');
    expect(again.status).toBe(410);
    expect(again.body).toMatch(/already used.*type n and press Enter to print a new link/);
    // A newer link retires an unused older one.
    const older = new URL(web.newLink()).hash.slice('#token='.length);
    const newer = new URL(web.newLink()).hash.slice('#token='.length);
    expect((await raw('/session', { ...auth, Authorization: `Bearer ${older}` }, 'POST')).status).toBe(401);
    expect((await raw('/session', { ...auth, Authorization: `Bearer ${newer}` }, 'POST')).status).toBe(204);
  });

  it('never serves files outside the UI folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00index.html']) {
      const r = await raw(p, { Host: host(), Cookie: cookie });
      expect(r.body, p).not.toContain('do not serve me');
      expect(r.status, p).toBe(404);
    }
  });

  it('sends a strict CSP with no inline script and no eval', async () => {
    const r = await raw('/', { Host: host(), Cookie: cookie });
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it("serves an MCP App's frame without a session, under the App's own policy only, and still checks Host", async () => {
    const decl = encodeURIComponent(JSON.stringify({ connectDomains: ['https://api.example.com', 'https://x.example; connect-src *'] }));
    const r = await raw(`/app-sandbox.html?csp=${decl}`, { Host: host() });
    expect(r.status).toBe(200);
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('connect-src https://api.example.com;');
    expect(csp).not.toContain('connect-src *');
    expect(csp).not.toContain("'self' ");
    expect(csp).toContain("frame-ancestors 'self'");
    // The UI's own pages keep their policy, and the frame is no way around the Host check.
    expect(String((await raw('/', { Host: host(), Cookie: cookie })).headers['content-security-policy'])).toContain(
      "frame-ancestors 'none'",
    );
    expect((await raw('/app-sandbox.html', { Host: 'evil.example:80' })).status).toBe(421);
  });

  it('refuses WebSocket upgrades with a foreign or missing Origin, a foreign Host, or no session', async () => {
    expect((await wsConnect({ Origin: 'http://evil.example', Cookie: cookie })).status).toBe(403);
    expect((await wsConnect({ Cookie: cookie })).status).toBe(403);
    expect((await wsConnect({ Origin: base })).status).toBe(403);
    expect((await wsConnect({ Origin: base, Cookie: cookie, Host: `evil.example:${web.port}` })).status).toBe(403);
  });

  it('closes a socket whose hello lacks the token or has the wrong one, and says why', async () => {
    for (const hello of [
      { t: 'hello', v: 1 },
      { t: 'hello', v: 1, token: 'x'.repeat(43) },
      { t: 'call', id: 1, method: 'app.info', params: {} },
    ]) {
      const { ws } = await wsConnect({ Origin: base, Cookie: cookie });
      const closed = nextClose(ws!);
      ws!.send(JSON.stringify(hello));
      const { messages } = await closed;
      expect(messages).toEqual([expect.objectContaining({ t: 'goodbye', error: expect.objectContaining({ code: 'Unauthorized' }) })]);
    }
  });

  it('closes oversized and malformed frames with the right codes and keeps serving others', async () => {
    const a = (await wsConnect({ Origin: base, Cookie: cookie })).ws!;
    const big = nextClose(a);
    a.send('x'.repeat(WS_MAX_PAYLOAD + 1));
    expect((await big).code).toBe(1009);

    const b = (await wsConnect({ Origin: base, Cookie: cookie })).ws!;
    const notJson = nextClose(b);
    b.send('{not json');
    expect((await notJson).code).toBe(1007);

    const c = (await wsConnect({ Origin: base, Cookie: cookie })).ws!;
    const binary = nextClose(c);
    c.send(Buffer.from([1, 2, 3]));
    expect((await binary).code).toBe(1003);

    const d = (await wsConnect({ Origin: base, Cookie: cookie })).ws!;
    const reply = new Promise<unknown[]>((resolve) => {
      const got: unknown[] = [];
      d.on('message', (m) => {
        got.push(JSON.parse(m.toString()));
        if (got.length === 2) resolve(got);
      });
    });
    d.send(JSON.stringify({ t: 'hello', v: 1, token: helloKey }));
    d.send(JSON.stringify({ t: 'call', id: 1, method: 'app.info', params: {} }));
    const [welcome, result] = await reply;
    expect(welcome).toMatchObject({ t: 'welcome' });
    expect(result).toMatchObject({ t: 'result', id: 1, ok: true });
    d.close();
  });

  it('offers no way to spawn an arbitrary command: starting takes a configured server id only', async () => {
    const { ws } = await wsConnect({ Origin: base, Cookie: cookie });
    const got: Array<{ t: string; id?: number; ok?: boolean; error?: { code: string } }> = [];
    const done = new Promise<void>((resolve) =>
      ws!.on('message', (m) => {
        got.push(JSON.parse(m.toString()));
        if (got.length === 3) resolve();
      }),
    );
    ws!.send(JSON.stringify({ t: 'hello', v: 1, token: helloKey }));
    ws!.send(
      JSON.stringify({ t: 'call', id: 1, method: 'servers.start', params: { serverId: 'x', command: 'touch', args: ['/tmp/pwned'] } }),
    );
    ws!.send(JSON.stringify({ t: 'call', id: 2, method: 'process.spawn', params: { command: 'touch' } }));
    await done;
    expect(got.find((m) => m.id === 1)).toMatchObject({ ok: false, error: { code: 'NotFound' } });
    expect(got.find((m) => m.id === 2)).toMatchObject({ ok: false, error: { code: 'UnknownMethod' } });
    ws!.close();
  });

  it('never writes the token to its log', () => {
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('\n')).not.toContain(web.token);
  });
});
