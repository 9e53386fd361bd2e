import { afterEach, describe, expect, it } from 'vitest';
import type { MetricsBatch } from '../../../src-shared/api/schemas/metrics';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { fixtureServer } from '../../helpers/fixtures';
import { startHarness, waitForEvent, type Harness } from '../../helpers/harness';

let h: Harness;
afterEach(async () => {
  await h.dispose();
});

describe('health ping', () => {
  it('marks a server whose event loop is blocked as unresponsive, then ok again', async () => {
    h = await startHarness({ health: { intervalMs: 250, timeoutMs: 300 } });
    const { config } = await h.api.call('servers.add', fixtureServer('echo-server.ts'));
    await h.api.call('servers.start', { serverId: config.id });
    const healthOf = (cb: (s: ServerSummary) => void) => h.api.subscribe('servers.changed', {}, (l) => l[0] && cb(l[0]));
    const ok = await waitForEvent(healthOf, (s) => s.health?.state === 'ok');
    expect(ok.health!.lastLatencyMs).toBeGreaterThanOrEqual(0);

    const blocking = h.api.call('tools.call', { serverId: config.id, toolName: 'block', arguments: { ms: 2500 } });
    const stuck = await waitForEvent(healthOf, (s) => s.health?.state === 'unresponsive');
    expect(stuck.health!.message).toContain('no answer to ping within');
    expect(stuck.health!.unresponsiveSince).toBeLessThanOrEqual(stuck.health!.lastPingAt);
    expect((await blocking).status).toBe('ok');
    const back = await waitForEvent(healthOf, (s) => s.health?.state === 'ok');
    expect(back.health!.unresponsiveSince).toBeUndefined();
  });

  it('logs its pings at debug level, not among the user\'s traffic', async () => {
    h = await startHarness({ health: { intervalMs: 200, timeoutMs: 1000 } });
    const { config } = await h.api.call('servers.add', fixtureServer('echo-server.ts'));
    await h.api.call('servers.start', { serverId: config.id });
    await waitForEvent<ServerSummary[]>((cb) => h.api.subscribe('servers.changed', {}, cb), (l) => l[0]?.health?.state === 'ok');
    const pings = h.engine.logs.since(config.id, 0).entries.filter((e) => e.protocol?.method === 'ping');
    expect(pings.length).toBeGreaterThanOrEqual(2);
    expect(new Set(pings.map((e) => e.level))).toEqual(new Set(['debug']));
  });
});

describe('timeline marks', () => {
  it('marks starts, crashes, stops and load runs on the metrics stream', async () => {
    h = await startHarness();
    const { config } = await h.api.call('servers.add', fixtureServer('echo-server.ts'));
    const kinds: string[] = [];
    const sub = h.api.subscribe('metrics.sampled', { serverId: config.id }, (b: MetricsBatch) => kinds.push(...(b.marks ?? []).map((m) => m.kind)));
    await h.api.call('servers.start', { serverId: config.id });
    const run = await h.api.call('load.start', { serverId: config.id, toolName: 'echo', args: { mode: 'fixed', arguments: { text: 'x' } }, calls: 20 });
    await h.engine.load.finished(run.runId);
    await h.api.call('tools.call', { serverId: config.id, toolName: 'crash', arguments: {} });
    await h.api.call('servers.start', { serverId: config.id });
    await h.api.call('servers.stop', { serverId: config.id });
    await new Promise((r) => setTimeout(r, 100));
    sub.dispose();
    expect(kinds).toEqual(['start', 'loadStart', 'loadEnd', 'crash', 'start', 'stop']);
    // A late subscriber gets the recent marks in its first batch.
    const first = await waitForEvent<MetricsBatch>((cb) => h.api.subscribe('metrics.sampled', { serverId: config.id }, cb), () => true);
    expect(first.marks!.map((m) => m.kind)).toEqual(kinds);
  });
});
