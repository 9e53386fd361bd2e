/**
 * OAuth after the session started, and the sign-in debugger: a 403 `insufficient_scope` on a call
 * signs in again with the wider scope and retries the call; a step-up that cannot succeed is not
 * repeated; a sign-in that fails says where (not "offers no OAuth sign-in"); every step is traced
 * with its requests, secrets masked. The test plays the person by opening the published URL.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OAuthTrace } from '../../../src-shared/api/schemas/oauth-trace';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { startHarness, waitForEvent, type Harness } from '../../helpers/harness';
import { startProtectedServer, type ProtectedServer, type ProtectedServerOptions } from '../../fixtures/remote/oauth-server';

let h: Harness;
let server: ProtectedServer | undefined;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.dispose();
  await server?.close();
  server = undefined;
});

/** The next sign-in link the engine publishes that is not one of `seen`. */
function nextPendingUrl(id: string, seen: string[] = []): Promise<string> {
  return waitForEvent<ServerSummary[]>(
    (cb) => h.api.subscribe('servers.changed', {}, cb),
    (l) => {
      const url = l.find((s) => s.config.id === id)?.oauth?.pending?.url;
      return !!url && !seen.includes(url);
    },
  ).then((l) => l.find((s) => s.config.id === id)!.oauth!.pending!.url);
}

/** The person approves: open the page, follow the redirect to MCP Lab's loopback receiver. */
async function approve(url: string): Promise<void> {
  const authorize = await fetch(url, { redirect: 'manual' });
  expect(authorize.status).toBe(302);
  expect((await fetch(authorize.headers.get('location')!)).status).toBe(200);
}

async function addAndSignIn(o: ProtectedServerOptions, oauth?: Record<string, unknown>): Promise<{ id: string; first: string }> {
  server = await startProtectedServer(o);
  const added = await h.api.call('servers.add', {
    name: 'protected',
    transport: 'http',
    url: server.url,
    headers: [],
    ...(oauth ? { oauth } : {}),
  });
  const id = added.config.id;
  const pending = nextPendingUrl(id);
  const started = h.api.call('servers.start', { serverId: id });
  const first = await pending;
  await approve(first);
  expect((await started).status.state).toBe('ready');
  return { id, first };
}

async function traces(id: string): Promise<OAuthTrace[]> {
  return waitForEvent<{ traces: OAuthTrace[] }>(
    (cb) => h.api.subscribe('oauth.traced', { serverId: id }, cb),
    () => true,
  ).then((e) => e.traces);
}

describe('OAuth after the session started', () => {
  it('a 403 insufficient_scope signs in again for the wider scope (keeping the granted one) and the call goes through', async () => {
    const { id, first } = await addAndSignIn({ callScope: 'mcp:write' });
    const stepUp = nextPendingUrl(id, [first]);
    const call = h.api.call('tools.call', { serverId: id, toolName: 'whoami', arguments: {} });
    await approve(await stepUp);
    const out = await call;
    expect(out.status).toBe('ok');
    expect(server!.provider.requestedScopes).toEqual([['mcp:tools'], ['mcp:tools', 'mcp:write']]);

    const [atConnect, stepped] = await traces(id);
    expect(atConnect).toMatchObject({ trigger: 'connect', state: 'succeeded' });
    expect(stepped).toMatchObject({ trigger: 'insufficientScope', state: 'succeeded' });
    expect(stepped!.steps.map((s) => s.kind)).toEqual([
      'challenge',
      'resourceMetadata',
      'authServerMetadata',
      'client',
      'authorization',
      'token',
      'retry',
    ]);
    const challenge = stepped!.steps[0]!;
    expect(challenge.facts).toContainEqual(['scope of the refused token', 'mcp:tools']);
    const authorization = stepped!.steps.find((s) => s.kind === 'authorization')!;
    expect(authorization.facts).toContainEqual(['scope', 'mcp:tools mcp:write (the challenge’s scope added to the granted "mcp:tools")']);
    expect(stepped!.steps.at(-1)).toMatchObject({ kind: 'retry', state: 'ok' });
  });

  it('a step-up the authorization server never grants is tried once: the call fails with the reason, and the next call does not sign in again', async () => {
    const { id, first } = await addAndSignIn({ callScope: 'mcp:write', neverGrant: true });
    const stepUp = nextPendingUrl(id, [first]);
    const call = h.api.call('tools.call', { serverId: id, toolName: 'whoami', arguments: {} });
    await approve(await stepUp);
    const out = await call;
    expect(out.status).toBe('protocolError');
    expect(out.status === 'protocolError' && out.message).toMatch(
      /still refuses after a new sign-in \(HTTP 403 insufficient_scope, it asks for scope "mcp:tools mcp:write"\)/,
    );
    const again = await h.api.call('tools.call', { serverId: id, toolName: 'whoami', arguments: {} });
    expect(again.status).toBe('protocolError');
    expect(server!.provider.authorizeCalls).toBe(2);
    const last = (await traces(id)).at(-1)!;
    expect(last.state).toBe('failed');
    expect(last.steps.at(-1)).toMatchObject({ kind: 'retry', state: 'failed' });
    expect(last.steps.at(-1)!.problem).toMatch(/still refuses for lack of scope/);
  });
});

describe('the sign-in debugger', () => {
  it('a resource mismatch fails at the protected resource metadata with the fix, not as "offers no OAuth sign-in"', async () => {
    server = await startProtectedServer({ resource: 'https://evil.example.com/mcp' });
    const added = await h.api.call('servers.add', { name: 'mismatch', transport: 'http', url: server.url, headers: [] });
    const s = await h.api.call('servers.start', { serverId: added.config.id });
    expect(s.status).toMatchObject({ state: 'failed', kind: 'signInFailed' });
    const st = s.status.state === 'failed' ? s.status : undefined;
    expect(st?.message).toContain('sign-in failed at “Protected resource metadata”: Its resource is "https://evil.example.com/mcp"');
    expect(st?.hint).toBe(`Publish "resource": "${server.url}" (the URL clients connect to) in the protected resource metadata.`);
    expect(server.provider.authorizeCalls).toBe(0);
    const [t] = await traces(added.config.id);
    expect(t).toMatchObject({ state: 'failed', trigger: 'connect' });
    const failed = t!.steps.find((x) => x.state === 'failed')!;
    expect(failed.kind).toBe('resourceMetadata');
    expect(failed.exchanges.at(-1)).toMatchObject({ method: 'GET', status: 200 });
    expect(failed.exchanges.at(-1)!.responseBody!.text).toContain('evil.example.com');
  });

  it('a pre-registered client: no registration, its secret only in the secret store and masked in every recorded request', async () => {
    server = await startProtectedServer();
    server.provider.clients.set('pre-client', {
      client_id: 'pre-client',
      client_secret: 'pre-s3cret-value',
      redirect_uris: ['http://127.0.0.1/callback'],
      token_endpoint_auth_method: 'client_secret_post',
    });
    const added = await h.api.call('servers.add', {
      name: 'pre',
      transport: 'http',
      url: server.url,
      headers: [],
      oauth: { clientId: 'pre-client', clientSecret: { value: 'pre-s3cret-value' } },
    });
    expect(added.config.transport !== 'stdio' && added.config.oauth).toEqual({ clientId: 'pre-client', clientSecret: {} });
    const pending = nextPendingUrl(added.config.id);
    const started = h.api.call('servers.start', { serverId: added.config.id });
    const url = await pending;
    expect(new URL(url).searchParams.get('client_id')).toBe('pre-client');
    await approve(url);
    expect((await started).status.state).toBe('ready');
    expect(server.provider.clients.size).toBe(1); // nothing registered
    expect(await readFile(path.join(h.workspaceDir, 'mcp-lab.json'), 'utf8')).not.toContain('pre-s3cret-value');
    const [t] = await traces(added.config.id);
    const text = JSON.stringify(t);
    expect(text).not.toContain('pre-s3cret-value');
    expect(t!.steps.find((s) => s.kind === 'client')).toMatchObject({ title: 'Client identity: pre-registered', state: 'ok' });
    const token = t!.steps.find((s) => s.kind === 'token')!;
    expect(token.facts.find(([k]) => k === 'client authentication')![1]).toMatch(/client_secret_(post|basic)/);
    expect(token.exchanges[0]!.requestBody!.text).toMatch(/code=‹masked · \d+ chars · #[0-9a-f]{6}›/);
    expect(token.exchanges[0]!.requestBody!.text).toMatch(/code_verifier=‹masked/);
  });
});
