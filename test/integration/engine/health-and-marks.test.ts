import { afterEach, describe, expect, it } from 'vitest';
import type { MetricsBatch } from '../../../src-shared/api/schemas/metrics';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { fixtureServer } from '../../helpers/fixtures';
import { startHarness, waitForEvent, type Harness } from '../../helpers/harness';
import { eventually } from '../../helpers/processes';
import { TestClock } from '../../helpers/test-clock';

let h: Harness;
afterEach(async () => {
  await h.dispose();
});

describe('health ping', () => {
  // Pings go to a real server; when they go is up to the test's clock.
  const INTERVAL = 15_000;
  let clock: TestClock;
  const healthOf = (cb: (s: ServerSummary) => void) => h.api.subscribe('servers.changed', {}, (l) => l[0] && cb(l[0]));

  /** Let the interval fall due once and return the verdict of that round. */
  async function healthRound(): Promise<ServerSummary> {
    const before = (await h.api.call('servers.list', {}))[0]!.health?.lastPingAt ?? -1;
    const verdict = waitForEvent(healthOf, (s) => (s.health?.lastPingAt ?? -1) > before);
    clock.advance(INTERVAL);
    const s = await verdict;
    // The round ends in the same turn as its verdict: let it finish before the next tick comes.
    await new Promise((r) => setImmediate(r));
    return s;
  }

  async function roundsUntil(pred: (s: ServerSummary) => boolean): Promise<ServerSummary> {
    for (let i = 0; i < 500; i++) {
      const s = await healthRound();
      if (pred(s)) return s;
    }
    throw new Error('the health verdict never came');
  }

  it('marks a server whose event loop is blocked as unresponsive, then ok again', async () => {
    clock = new TestClock();
    h = await startHarness({ clock, health: { intervalMs: INTERVAL, timeoutMs: 300 } });
    const { config } = await h.api.call('servers.add', fixtureServer('echo-server.ts'));
    await h.api.call('servers.start', { serverId: config.id });
    expect((await h.api.call('servers.list', {}))[0]!.health).toBeUndefined();
    const ok = await healthRound();
    expect(ok.health).toMatchObject({ state: 'ok', consecutiveFailures: 0 });
    expect(ok.health!.lastLatencyMs).toBeGreaterThanOrEqual(0);

    const blocking = h.api.call('tools.call', { serverId: config.id, toolName: 'block', arguments: { ms: 2500 } });
    const stuck = await roundsUntil((s) => s.health?.state === 'unresponsive');
    expect(stuck.health!.message).toContain('no answer to ping within');
    expect(stuck.health!.unresponsiveSince).toBeLessThanOrEqual(stuck.health!.lastPingAt);
    expect((await blocking).status).toBe('ok');
    const back = await roundsUntil((s) => s.health?.state === 'ok');
    expect(back.health!.unresponsiveSince).toBeUndefined();
  });

  it("logs its pings at debug level, not among the user's traffic", async () => {
    clock = new TestClock();
    h = await startHarness({ clock, health: { intervalMs: INTERVAL, timeoutMs: 1000 } });
    const { config } = await h.api.call('servers.add', fixtureServer('echo-server.ts'));
    await h.api.call('servers.start', { serverId: config.id });
    await healthRound();
    await healthRound();
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
    const sub = h.api.subscribe('metrics.sampled', { serverId: config.id }, (b: MetricsBatch) =>
      kinds.push(...(b.marks ?? []).map((m) => m.kind)),
    );
    await h.api.call('servers.start', { serverId: config.id });
    const run = await h.api.call('load.start', {
      serverId: config.id,
      toolName: 'echo',
      args: { mode: 'fixed', arguments: { text: 'x' } },
      calls: 20,
    });
    await h.engine.load.finished(run.runId);
    await h.api.call('tools.call', { serverId: config.id, toolName: 'crash', arguments: {} });
    await h.api.call('servers.start', { serverId: config.id });
    await h.api.call('servers.stop', { serverId: config.id });
    // Marks reach the stream with the next metrics batch.
    expect(await eventually(() => kinds.includes('stop'), 10_000)).toBe(true);
    sub.dispose();
    expect(kinds).toEqual(['start', 'loadStart', 'loadEnd', 'crash', 'start', 'stop']);
    // A late subscriber gets the recent marks in its first batch.
    const first = await waitForEvent<MetricsBatch>(
      (cb) => h.api.subscribe('metrics.sampled', { serverId: config.id }, cb),
      () => true,
    );
    expect(first.marks!.map((m) => m.kind)).toEqual(kinds);
  });
});
