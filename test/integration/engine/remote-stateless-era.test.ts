/**
 * The 2026-07-28 era over Streamable HTTP against a real server (the SDK's 2.x HTTP entry, which
 * refuses a request whose standard headers are missing or do not match its body): MCP Lab asks
 * server/discover first, speaks the stateless era, mirrors `Mcp-Method`/`Mcp-Name` into headers
 * (Base64 when the name is not plain ASCII), and the Network view shows them. An initialize-era
 * HTTP server still gets initialize, on the same run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { openMcp, startFixture, type FixtureServer } from '../../fixtures/remote/mcp-http';
import { CAFE_PROMPT, NOTE_URI, startModernHttp, type ModernHttpServer } from '../../fixtures/remote/modern-http';
import { startHarness, type Harness } from '../../helpers/harness';

let h: Harness | undefined;
let modern: ModernHttpServer | undefined;
let legacy: FixtureServer | undefined;
afterEach(async () => {
  await h?.dispose();
  await modern?.close();
  await legacy?.close();
  h = modern = legacy = undefined;
});

async function addRemote(url: string): Promise<{ harness: Harness; summary: ServerSummary }> {
  const harness = await startHarness();
  h = harness;
  await harness.api.call('servers.add', { id: 'remote', name: 'remote', transport: 'http', url });
  const summary = await harness.api.call('servers.start', { serverId: 'remote' });
  return { harness, summary };
}

const postsFor = (m: ModernHttpServer, rpcMethod: string) => m.seen.filter((s) => s.method === 'POST' && s.rpcMethod === rpcMethod);

describe('a 2026-07-28 server over Streamable HTTP', () => {
  it('is detected by server/discover and every request carries MCP-Protocol-Version, Mcp-Method and (where it names something) Mcp-Name', async () => {
    modern = await startModernHttp();
    const { harness, summary } = await addRemote(modern.url);
    expect(summary.status.state, JSON.stringify(summary.status)).toBe('ready');
    expect(summary.info).toMatchObject({ name: 'modern-http-fixture', protocolVersion: '2026-07-28', era: 'stateless' });
    expect(modern.seen.some((s) => s.rpcMethod === 'initialize')).toBe(false);

    const call = await harness.api.call('tools.call', { serverId: 'remote', toolName: 'echo', arguments: { text: 'over the wire' } });
    expect(call.status).toBe('ok');
    const prompt = await harness.api.call('prompts.get', { serverId: 'remote', name: 'greet', arguments: { who: 'Bo' } });
    expect(prompt.status).toBe('ok');
    const cafe = await harness.api.call('prompts.get', { serverId: 'remote', name: CAFE_PROMPT });
    expect(cafe.status, JSON.stringify(cafe)).toBe('ok');
    const read = await harness.api.call('resources.read', { serverId: 'remote', uri: NOTE_URI });
    expect(read.status, JSON.stringify(read)).toBe('ok');

    // What the server received: the SDK's HTTP entry would have answered 400 / -32020 to any of these otherwise.
    const discover = postsFor(modern, 'server/discover')[0]!;
    expect(discover.headers).toMatchObject({ 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'server/discover' });
    expect(discover.headers['mcp-name']).toBeUndefined();
    expect(postsFor(modern, 'tools/list')[0]!.headers).toMatchObject({ 'mcp-method': 'tools/list' });
    expect(postsFor(modern, 'tools/call')[0]!.headers).toMatchObject({ 'mcp-method': 'tools/call', 'mcp-name': 'echo' });
    expect(postsFor(modern, 'prompts/get')[0]!.headers).toMatchObject({ 'mcp-method': 'prompts/get', 'mcp-name': 'greet' });
    // A name that is not plain ASCII travels as the Base64 sentinel of its UTF-8 bytes.
    expect(postsFor(modern, 'prompts/get')[1]!.headers['mcp-name']).toBe(
      `=?base64?${Buffer.from(CAFE_PROMPT, 'utf8').toString('base64')}?=`,
    );
    expect(postsFor(modern, 'resources/read')[0]!.headers).toMatchObject({ 'mcp-method': 'resources/read', 'mcp-name': NOTE_URI });
    for (const s of modern.seen.filter((x) => x.method === 'POST' && x.rpcMethod))
      expect(s.headers['mcp-method'], s.rpcMethod).toBe(s.rpcMethod);

    // The Network view keeps the same headers with each request.
    const kept = harness.engine.network.list('remote');
    const keptCall = kept.find((e) => e.requestBody?.text.includes('over the wire'))!;
    expect(keptCall.requestHeaders).toEqual(
      expect.arrayContaining([
        ['mcp-method', 'tools/call'],
        ['mcp-name', 'echo'],
        ['mcp-protocol-version', '2026-07-28'],
      ]),
    );
  });

  it('pinned to 2026-07-28, it is spoken without falling back', async () => {
    modern = await startModernHttp();
    const harness = await startHarness();
    h = harness;
    await harness.api.call('servers.add', { id: 'remote', name: 'remote', transport: 'http', url: modern.url, protocol: '2026-07-28' });
    const s = await harness.api.call('servers.start', { serverId: 'remote' });
    expect(s.status.state, JSON.stringify(s.status)).toBe('ready');
    expect(s.info).toMatchObject({ era: 'stateless', eraReason: 'pinned to 2026-07-28' });
  });
});

describe('an initialize-era server over Streamable HTTP', () => {
  it('refuses server/discover with an HTTP status; MCP Lab says so and sends initialize on the same run, without the 2026-07-28 headers', async () => {
    legacy = await startFixture(openMcp);
    const { harness, summary } = await addRemote(`${legacy.base}/mcp`);
    expect(summary.status.state, JSON.stringify(summary.status)).toBe('ready');
    expect(summary.info?.era).toBe('initialize');
    expect(summary.info?.eraReason).toMatch(/server\/discover answered HTTP 4\d\d/);
    const posts = harness.engine.network.list('remote').filter((e) => e.method === 'POST');
    const init = posts.find((e) => e.requestBody?.text.includes('"initialize"'))!;
    expect(init.requestHeaders.map(([k]) => k)).not.toContain('mcp-method');
  });
});
