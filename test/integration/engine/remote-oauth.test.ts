/**
 * OAuth 2.1 against a protected server built with the SDK's server-side auth: discovery, dynamic
 * client registration, PKCE, the loopback redirect, refresh and sign-out. The test plays the
 * person: it opens (fetches) the URL the engine published and follows the redirect.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { startHarness, waitForEvent, waitForLog, type Harness } from '../../helpers/harness';
import { startProtectedServer, type ProtectedServer } from '../../fixtures/remote/oauth-server';
import { startFixture, unsafeOAuthMetadata, type FixtureServer } from '../../fixtures/remote/mcp-http';

let h: Harness;
let server: ProtectedServer;
beforeEach(async () => {
  server = await startProtectedServer();
  h = await startHarness();
});
afterEach(async () => {
  await h.dispose();
  await server.close();
});

const pendingUrl = (id: string) =>
  waitForEvent<ServerSummary[]>(
    (cb) => h.api.subscribe('servers.changed', {}, cb),
    (l) => !!l.find((s) => s.config.id === id)?.oauth?.pending,
  ).then((l) => l.find((s) => s.config.id === id)!.oauth!.pending!);

/** What the person does: open the page, approve, and the browser follows the redirect to MCP Lab. */
async function approveInBrowser(url: string): Promise<Response> {
  const authorize = await fetch(url, { redirect: 'manual' });
  expect(authorize.status).toBe(302);
  const callback = authorize.headers.get('location')!;
  expect(callback).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback\?code=/);
  return fetch(callback);
}

async function signIn(id: string): Promise<ServerSummary> {
  const pending = pendingUrl(id);
  const started = h.api.call('servers.start', { serverId: id });
  const p = await pending;
  expect(p.url.startsWith(`${server.base}/authorize?`)).toBe(true);
  expect(p.authorizationServer).toBe(server.base);
  const page = await approveInBrowser(p.url);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('Signed in');
  return started;
}

describe('OAuth sign-in', () => {
  it('runs discovery, registration and PKCE, waits for the person, then connects and calls a tool', async () => {
    const added = await h.api.call('servers.add', { name: 'protected', transport: 'http', url: server.url, headers: [] });
    const id = added.config.id;
    const ready = await signIn(id);
    expect(ready.status.state).toBe('ready');
    expect(ready.oauth).toMatchObject({ signedIn: true, scopes: ['mcp:tools'], expiresAt: expect.any(Number) });
    expect(ready.oauth!.pending).toBeUndefined();
    expect(server.provider.clients.size).toBe(1); // dynamic client registration
    const [client] = [...server.provider.clients.values()];
    expect(client!.redirect_uris[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);

    const out = await h.api.call('tools.call', { serverId: id, toolName: 'whoami', arguments: {} });
    expect(out.status).toBe('ok');
    // The access token went to the server, and the log blanks it out.
    const token = [...server.provider.access.keys()][0]!;
    const log = await waitForLog(h, id, (e) => e.source === 'protocol' && e.protocol?.method === 'tools/call' && e.protocol.dir === 'in');
    expect(JSON.stringify(log)).not.toContain(token);
    expect(JSON.stringify(log)).toContain('you sent: Bearer •••');
    // Tokens live in the secret store, never in the workspace file.
    expect(await readFile(path.join(h.workspaceDir, 'mcp-lab.json'), 'utf8')).not.toContain(token);

    // A restart reuses the tokens: no second sign-in.
    await h.api.call('servers.stop', { serverId: id });
    const again = await h.api.call('servers.start', { serverId: id });
    expect(again.status.state).toBe('ready');
    expect(server.provider.authorizeCalls).toBe(1);
  });

  it('refreshes an expired access token without asking the person', async () => {
    const added = await h.api.call('servers.add', { name: 'protected', transport: 'http', url: server.url, headers: [] });
    const id = added.config.id;
    expect((await signIn(id)).status.state).toBe('ready');
    await h.api.call('servers.stop', { serverId: id });
    server.provider.expireAll();
    const again = await h.api.call('servers.start', { serverId: id });
    expect(again.status.state).toBe('ready');
    expect(server.provider.refreshCalls).toBe(1);
    expect(server.provider.authorizeCalls).toBe(1);
  });

  it('signs out: the tokens are gone, the connection closes, and the next start asks again', async () => {
    const added = await h.api.call('servers.add', { name: 'protected', transport: 'http', url: server.url, headers: [] });
    const id = added.config.id;
    await signIn(id);
    const out = await h.api.call('servers.signOut', { serverId: id });
    expect(out.status.state).toBe('stopped');
    expect(out.oauth).toBeUndefined();
    const pending = pendingUrl(id);
    const started = h.api.call('servers.start', { serverId: id });
    await pending;
    const stopped = await h.api.call('servers.stop', { serverId: id }); // calling the sign-in off
    expect(stopped.status.state).toBe('stopped');
    expect((await started).status.state).toBe('stopped');
  });
});

describe('OAuth metadata that is not http(s)', () => {
  let bad: FixtureServer | undefined;
  afterEach(async () => {
    await bad?.close();
    bad = undefined;
  });

  it.each([
    ['authorization_endpoint', 'javascript:alert(document.cookie)'],
    ['authorization_endpoint', 'file:///etc/passwd'],
    ['token_endpoint', 'data:text/html,<script>alert(1)</script>'],
    ['registration_endpoint', 'file:///tmp/register'],
  ] as const)('refuses %s %s, and nothing is opened or used', async (field, value) => {
    bad = await startFixture(unsafeOAuthMetadata(field, value));
    const published: string[] = [];
    const sub = h.api.subscribe('servers.changed', {}, (l) => l.forEach((s) => s.oauth?.pending && published.push(s.oauth.pending.url)));
    const added = await h.api.call('servers.add', { name: 'unsafe', transport: 'http', url: `${bad.base}/mcp`, headers: [] });
    const s = await h.api.call('servers.start', { serverId: added.config.id });
    sub.dispose();
    expect(s.status).toMatchObject({ state: 'failed', kind: 'signInFailed' });
    expect(s.status.state === 'failed' && s.status.message).toContain(`its ${field} is "${value.slice(0, 20)}`);
    expect(s.status.state === 'failed' && s.status.message).toContain('nothing was opened');
    expect(published).toEqual([]);
    expect(bad.hits.filter((x) => /authorize|register|token/.test(x))).toEqual([]);
  });
});
