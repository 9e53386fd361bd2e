/**
 * Remote servers: the official server-everything over Streamable HTTP and over the
 * older HTTP+SSE transport, through the engine, exactly as a user adds one by URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { addAndStart, startHarness, waitForEvent, waitForLog, type Harness } from '../../helpers/harness';
import { startEverythingHttp, type RunningHttpServer } from '../../helpers/remote-servers';

describe.each([
  ['Streamable HTTP', 'streamableHttp', 'http'],
  ['HTTP+SSE', 'sse', 'sse'],
] as const)('server-everything over %s', (_label, mode, transport) => {
  let h: Harness;
  let server: RunningHttpServer;
  let id: string;
  beforeAll(async () => {
    server = await startEverythingHttp(mode);
    h = await startHarness({ health: { intervalMs: 300, timeoutMs: 5_000 } });
    const s = await addAndStart(h, { name: `everything ${mode}`, transport, url: server.url, headers: [] });
    expect(s.status).toMatchObject({ state: 'ready' });
    expect(s.status.state === 'ready' && s.status.pid).toBeUndefined(); // no local process
    id = s.config.id;
  });
  afterAll(async () => {
    await h?.dispose();
    await server?.kill();
  });

  it('lists its tools and calls one', async () => {
    const tools = await h.api.call('tools.list', { serverId: id });
    expect(tools.tools.map((t) => t.name)).toEqual(expect.arrayContaining(['echo', 'get-sum']));
    const out = await h.api.call('tools.call', { serverId: id, toolName: 'get-sum', arguments: { a: 2, b: 40 } });
    expect(out.status).toBe('ok');
    expect(out.status === 'ok' && out.result.content?.[0]).toMatchObject({ type: 'text', text: expect.stringContaining('42') });
    expect(out.status === 'ok' && out.responseBytes).toBeGreaterThan(0);
    // Latency statistics as for a process.
    const stats = await h.api.call('metrics.toolStats', { serverId: id });
    expect(stats.find((t) => t.toolName === 'get-sum')).toMatchObject({ calls: 1, errors: 0 });
  });

  it('reads a resource and gets a prompt', async () => {
    const doc = await h.api.call('resources.read', { serverId: id, uri: 'demo://resource/dynamic/text/1' });
    expect(doc.status === 'ok' && doc.result.contents[0]).toMatchObject({ text: expect.stringMatching(/^Resource 1:/) });
    const got = await h.api.call('prompts.get', { serverId: id, name: 'args-prompt', arguments: { city: 'Paris' } });
    expect(got.status).toBe('ok');
  });

  it('records every message in the protocol log, with sizes, and shows the server’s log notifications', async () => {
    expect((await h.api.call('logging.setLevel', { serverId: id, level: 'debug' })).status).toBe('ok');
    await h.api.call('resources.subscribe', { serverId: id, uri: 'demo://resource/dynamic/text/9' });
    const log = await waitForLog(h, id, (e) => e.source === 'notification' && e.text.includes('Subscribe'));
    expect(log.at(-1)!.level).toBe('info');
    const protocol = log.filter((e) => e.source === 'protocol');
    expect(protocol.map((e) => e.protocol?.method)).toEqual(expect.arrayContaining(['initialize', 'tools/list', 'tools/call']));
    const call = protocol.find((e) => e.protocol?.method === 'tools/call' && e.protocol.dir === 'in');
    expect(call?.protocol?.bytes).toBeGreaterThan(0);
    expect(call?.protocol?.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('answers ping (and the periodic health ping), and stops cleanly', async () => {
    expect(await h.api.call('servers.ping', { serverId: id })).toMatchObject({ status: 'ok' });
    const healthy = await waitForEvent<ServerSummary[]>(
      (cb) => h.api.subscribe('servers.changed', {}, cb),
      (l) => l.find((x) => x.config.id === id)?.health?.state === 'ok',
    );
    expect(healthy.find((x) => x.config.id === id)!.health!.lastLatencyMs).toBeGreaterThanOrEqual(0);
    const stopped = await h.api.call('servers.stop', { serverId: id });
    expect(stopped.status).toMatchObject({ state: 'stopped', reason: expect.stringMatching(/disconnected/) });
  });
});
