import { afterEach, describe, expect, it } from 'vitest';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { fixtureServer } from '../../helpers/fixtures';
import { startHarness, waitForEvent, type Harness } from '../../helpers/harness';
import { TestClock } from '../../helpers/test-clock';

// The servers crash for real; the restart back-off runs on the test's clock, so nothing waits on the wall clock.
let h: Harness;
let clock: TestClock;
afterEach(async () => {
  await h.dispose();
});

const watch = (cb: (s: ServerSummary) => void) => h.api.subscribe('servers.changed', {}, (l) => l[0] && cb(l[0]));
const current = async () => (await h.api.call('servers.list', {}))[0]!;
const pendingRestart = (x: ServerSummary) => x.status.state === 'crashed' && x.status.restartingAt !== undefined;

describe('crashes and crash loops', () => {
  it('restarts a crashed server with backoff, then stops after too many crashes and says why', async () => {
    clock = new TestClock();
    h = await startHarness({ clock });
    const s = await h.api.call(
      'servers.add',
      fixtureServer('crash-soon.ts', { restart: { onCrash: true, maxRestarts: 2, windowSeconds: 60 } }),
    );
    const waits: number[] = [];
    await h.api.call('servers.start', { serverId: s.config.id });
    for (;;) {
      const x = await waitForEvent(
        watch,
        (y) => pendingRestart(y) || (y.status.state === 'crashed' && y.status.crashLoop === true),
        30_000,
      );
      if (x.status.state !== 'crashed' || x.status.restartingAt === undefined) break;
      // Each automatic restart is announced with its time; the restart happens when that time comes.
      const wait = x.status.restartingAt - x.status.since;
      waits.push(wait);
      await clock.whenTimerSet((ms) => ms === wait);
      clock.advance(wait);
      await waitForEvent(watch, (y) => y.restartCount === waits.length && !pendingRestart(y), 30_000);
    }
    const gaveUp = await current();
    expect(gaveUp.restartCount).toBe(2);
    if (gaveUp.status.state !== 'crashed') throw new Error('expected crashed');
    expect(gaveUp.status.crashLoop).toBe(true);
    expect(gaveUp.status.message).toContain('crashed 3 times within 60 s, so MCP Lab stopped restarting it');
    expect(gaveUp.status.restartingAt).toBeUndefined();
    // Backoff: the second wait is longer than the first.
    expect(waits).toEqual([1000, 2000]);
    const log = h.engine.logs.since(s.config.id, 0).entries.map((e) => e.text);
    expect(log).toContain('crash loop: 3 crashes within 60 s, not restarting');
    // Giving up leaves no restart behind.
    clock.advance(60_000);
    expect((await current()).restartCount).toBe(2);
  });

  it('brings a server back after a crash, and a stop cancels a pending restart', async () => {
    clock = new TestClock();
    h = await startHarness({ clock });
    const s = await h.api.call('servers.add', fixtureServer('echo-server.ts'));
    await h.api.call('servers.start', { serverId: s.config.id });
    await h.api.call('tools.call', { serverId: s.config.id, toolName: 'crash', arguments: {} });
    const crashed = await waitForEvent(watch, pendingRestart, 15_000);
    if (crashed.status.state !== 'crashed') throw new Error('expected crashed');
    clock.advance(crashed.status.restartingAt! - crashed.status.since);
    const back = await waitForEvent(watch, (x) => x.status.state === 'ready' && x.restartCount === 1, 15_000);
    expect((await h.api.call('tools.call', { serverId: s.config.id, toolName: 'echo', arguments: { text: 'again' } })).status).toBe('ok');
    expect(back.restartCount).toBe(1);

    await h.api.call('tools.call', { serverId: s.config.id, toolName: 'crash', arguments: {} });
    await waitForEvent(watch, pendingRestart, 15_000);
    const stopped = await h.api.call('servers.stop', { serverId: s.config.id });
    expect(stopped.status.state).toBe('stopped');
    // Long past the announced time: the cancelled restart never runs.
    clock.advance(60_000);
    const after = await current();
    expect(after.status.state).toBe('stopped');
    expect(after.restartCount).toBe(1);
  });

  it('leaves a crashed server down when restarting on crash is off', async () => {
    clock = new TestClock();
    h = await startHarness({ clock });
    const s = await h.api.call(
      'servers.add',
      fixtureServer('echo-server.ts', { restart: { onCrash: false, maxRestarts: 5, windowSeconds: 60 } }),
    );
    await h.api.call('servers.start', { serverId: s.config.id });
    await h.api.call('tools.call', { serverId: s.config.id, toolName: 'crash', arguments: {} });
    await waitForEvent(watch, (x) => x.status.state === 'crashed', 15_000);
    clock.advance(60_000);
    const x = await current();
    expect(x.status.state).toBe('crashed');
    if (x.status.state === 'crashed') expect(x.status.restartingAt).toBeUndefined();
    expect(x.restartCount).toBe(0);
  });
});
