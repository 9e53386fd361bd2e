/**
 * A remote server that goes away and comes back (killed, then started again on the same port):
 * the engine says "connection lost" (no exit code: there is no process of ours) and reconnects on
 * its own with the restart policy's backoff.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { addAndStart, startHarness, waitForEvent, waitForLog, type Harness } from '../../helpers/harness';
import { startEverythingHttp, type RunningHttpServer } from '../../helpers/remote-servers';

let h: Harness | undefined;
let server: RunningHttpServer | undefined;
afterEach(async () => {
  await h?.dispose();
  await server?.kill();
  h = undefined;
  server = undefined;
});

const summaryOf = (id: string) => (list: ServerSummary[]) => list.find((s) => s.config.id === id)!;

describe.each([
  ['Streamable HTTP', 'streamableHttp', 'http'],
  ['HTTP+SSE', 'sse', 'sse'],
] as const)('reconnecting over %s', (_label, mode, transport) => {
  it('reports the lost connection, then reconnects when the server is back on its port', async () => {
    server = await startEverythingHttp(mode);
    h = await startHarness();
    const api = h.api;
    const s = await addAndStart(h, { name: 'everything', transport, url: server.url, headers: [] });
    expect(s.status.state).toBe('ready');
    const id = s.config.id;

    const lost = waitForEvent<ServerSummary[]>(
      (cb) => api.subscribe('servers.changed', {}, cb),
      (l) => summaryOf(id)(l).status.state === 'crashed',
      15_000,
    );
    const port = server.port;
    // A call in flight when the server goes away ends as an outcome that says so.
    const inFlight = api.call('tools.call', {
      serverId: id,
      toolName: 'trigger-long-running-operation',
      arguments: { duration: 30, steps: 30 },
    });
    await waitForLog(h, id, (e) => e.protocol?.dir === 'out' && e.protocol.method === 'tools/call');
    await server.kill();
    const cut = await inFlight;
    expect(cut).toMatchObject({ status: 'crashed', exitCode: null, message: expect.stringMatching(/^connection lost: /) });
    const crashed = summaryOf(id)(await lost).status;
    expect(crashed).toMatchObject({ state: 'crashed', exitCode: null, signal: null, stderrTail: [] });
    expect(crashed.state === 'crashed' && crashed.message).toMatch(/^connection lost: /);

    // A call while it is down is an outcome, not an exception.
    const during = await api
      .call('tools.call', { serverId: id, toolName: 'echo', arguments: { message: 'hi' } })
      .catch((e: { code: string }) => e);
    expect(during).toMatchObject({ code: 'ServerNotReady' });

    const back = waitForEvent<ServerSummary[]>(
      (cb) => api.subscribe('servers.changed', {}, cb),
      (l) => summaryOf(id)(l).status.state === 'ready',
      30_000,
    );
    server = await startEverythingHttp(mode, port);
    const ready = summaryOf(id)(await back);
    expect(ready.restartCount).toBeGreaterThanOrEqual(1);
    const out = await api.call('tools.call', { serverId: id, toolName: 'echo', arguments: { message: 'back again' } });
    expect(out.status === 'ok' && out.result.content?.[0]).toMatchObject({ text: 'Echo: back again' });
  });
});
