import { afterEach, describe, expect, it } from 'vitest';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { fixtureServer } from '../../helpers/fixtures';
import { startHarness, waitForEvent, type Harness } from '../../helpers/harness';

let h: Harness;
afterEach(async () => {
  await h.dispose();
});

const watch = (cb: (s: ServerSummary) => void) => h.api.subscribe('servers.changed', {}, (l) => l[0] && cb(l[0]));

describe('crashes and crash loops', () => {
  it('restarts a crashed server with backoff, then stops after too many crashes and says why', async () => {
    h = await startHarness();
    const s = await h.api.call('servers.add', fixtureServer('crash-soon.ts', { restart: { onCrash: true, maxRestarts: 2, windowSeconds: 60 } }));
    const seen: ServerSummary['status'][] = [];
    const sub = watch((x) => seen.push(x.status));
    await h.api.call('servers.start', { serverId: s.config.id });
    const gaveUp = await waitForEvent(watch, (x) => x.status.state === 'crashed' && x.status.crashLoop === true, 30_000);
    sub.dispose();
    expect(gaveUp.restartCount).toBe(2);
    if (gaveUp.status.state !== 'crashed') throw new Error('expected crashed');
    expect(gaveUp.status.message).toContain('crashed 3 times within 60 s, so MCP Lab stopped restarting it');
    expect(gaveUp.status.restartingAt).toBeUndefined();
    // Each automatic restart was announced with its time, the second later than the first (backoff).
    const waits = seen.filter((x) => x.state === 'crashed' && x.restartingAt !== undefined).map((x) => (x.state === 'crashed' ? x.restartingAt! - x.since : 0));
    expect(waits).toEqual([1000, 2000]);
    const log = h.engine.logs.since(s.config.id, 0).entries.map((e) => e.text);
    expect(log).toContain('crash loop: 3 crashes within 60 s, not restarting');
  });

  it('brings a server back after a crash, and a stop cancels a pending restart', async () => {
    h = await startHarness();
    const s = await h.api.call('servers.add', fixtureServer('echo-server.ts'));
    await h.api.call('servers.start', { serverId: s.config.id });
    await h.api.call('tools.call', { serverId: s.config.id, toolName: 'crash', arguments: {} });
    const back = await waitForEvent(watch, (x) => x.status.state === 'ready' && x.restartCount === 1, 15_000);
    expect((await h.api.call('tools.call', { serverId: s.config.id, toolName: 'echo', arguments: { text: 'again' } })).status).toBe('ok');
    expect(back.restartCount).toBe(1);

    await h.api.call('tools.call', { serverId: s.config.id, toolName: 'crash', arguments: {} });
    await waitForEvent(watch, (x) => x.status.state === 'crashed' && x.status.restartingAt !== undefined);
    const stopped = await h.api.call('servers.stop', { serverId: s.config.id });
    expect(stopped.status.state).toBe('stopped');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await h.api.call('servers.list', {}))[0]!.status.state).toBe('stopped');
  });

  it('leaves a crashed server down when restarting on crash is off', async () => {
    h = await startHarness();
    const s = await h.api.call('servers.add', fixtureServer('echo-server.ts', { restart: { onCrash: false, maxRestarts: 5, windowSeconds: 60 } }));
    await h.api.call('servers.start', { serverId: s.config.id });
    await h.api.call('tools.call', { serverId: s.config.id, toolName: 'crash', arguments: {} });
    await new Promise((r) => setTimeout(r, 1500));
    const [x] = await h.api.call('servers.list', {});
    expect(x!.status.state).toBe('crashed');
    if (x!.status.state === 'crashed') expect(x!.status.restartingAt).toBeUndefined();
  });
});
