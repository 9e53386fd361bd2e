import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FuzzRun } from '../../src-shared/api/schemas/fuzz';
import type { LoadRun } from '../../src-shared/api/schemas/load';
import { fixtureServer } from '../helpers/fixtures';
import { waitForEvent } from '../helpers/harness';
import { connections, type ContractConnection } from './connections';

/** Load runs, fuzz runs, test runs and setup jobs share one lifecycle: Stop behaves the same for each, over every port. */
describe.each(Object.keys(connections))('stopping jobs over the %s port', (kind) => {
  let c: ContractConnection;
  let serverId: string;
  beforeEach(async () => {
    c = await connections[kind]!();
    serverId = (await c.api.call('servers.add', fixtureServer('echo-server.ts'))).config.id;
    await c.api.call('servers.start', { serverId });
  });
  afterEach(async () => {
    await c.dispose();
  });

  it('stops a load run, cancels its calls in flight and counts each once; a Stop after the end gets the final run', async () => {
    const ended = (r: LoadRun) => r.state !== 'running' && r.state !== 'stopping';
    const started = await c.api.call('load.start', {
      serverId,
      toolName: 'slow',
      args: { mode: 'fixed', arguments: { ms: 60_000, steps: 100 } },
      concurrency: 3,
      durationSeconds: 120,
    });
    const progress = (cb: (r: LoadRun) => void) => c.api.subscribe('load.progressed', { runId: started.runId }, cb);
    const final = waitForEvent(progress, ended, 20_000);
    // The run's once-a-second snapshot shows its three calls in flight.
    await waitForEvent(progress, (r) => r.timeline.at(-1)?.inFlight === 3);
    expect((await c.api.call('load.stop', { runId: started.runId })).state).toBe('stopping');
    const run = await final;
    expect(run).toMatchObject({ state: 'stopped', reason: 'stopped by user', issued: 3, completed: 3, byStatus: { cancelled: 3 } });
    // A Stop that arrives just after the end (a second click, a slow connection) is answered, not refused.
    expect(await c.api.call('load.stop', { runId: started.runId })).toMatchObject({ state: 'stopped', completed: 3 });
    await expect(c.api.call('load.stop', { runId: 'load-20260101T000000-none-000000' })).rejects.toMatchObject({ code: 'NotFound' });
  });

  it('stops a fuzz run; a Stop after the end gets the final run, an unknown run is NotFound', async () => {
    const started = await c.api.call('fuzz.start', { serverId, toolName: 'add', runs: 1000, shrink: false });
    const final = waitForEvent<FuzzRun>(
      (cb) => c.api.subscribe('fuzz.progressed', { runId: started.runId }, cb),
      (r) => r.state !== 'running',
      20_000,
    );
    await c.api.call('fuzz.stop', { runId: started.runId });
    const run = await final;
    expect(run.state).toBe('stopped');
    expect(run.done).toBeLessThan(run.total);
    expect(await c.api.call('fuzz.stop', { runId: started.runId })).toMatchObject({ state: 'stopped', done: run.done });
    await expect(c.api.call('tests.stop', { runId: 'test-20260101T000000-000000' })).rejects.toMatchObject({ code: 'NotFound' });
  });
});
