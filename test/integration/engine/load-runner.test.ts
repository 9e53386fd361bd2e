import { describe, expect, it } from 'vitest';
import type { LoadRun } from '../../../src-shared/api/schemas/load';
import { fixtureServer } from '../../helpers/fixtures';
import { harnessForEachTest, waitForEvent } from '../../helpers/harness';

const h = harnessForEachTest();

async function started(file: string) {
  const s = await h.api.call('servers.add', fixtureServer(file));
  expect((await h.api.call('servers.start', { serverId: s.config.id })).status.state).toBe('ready');
  return s.config.id;
}

const sum = (r: LoadRun) => Object.values(r.byStatus).reduce((a, b) => a + b, 0);

describe('load runs', () => {
  it('accounts for every issued call exactly once, and saves the run', async () => {
    const id = await started('echo-server.ts');
    const run = await h.api.call('load.start', {
      serverId: id,
      toolName: 'add',
      args: { mode: 'fixed', arguments: { a: 1, b: 2 } },
      concurrency: 8,
      calls: 400,
    });
    const done = await h.engine.load.finished(run.runId);
    expect(done.state).toBe('completed');
    expect(done.issued).toBe(400);
    expect(done.completed).toBe(400);
    expect(sum(done)).toBe(400);
    expect(done.byStatus.ok).toBe(400);
    expect(done.latency.count).toBe(400);
    expect(done.callsPerSecond).toBeGreaterThan(0);
    expect(done.rssStartBytes).toBeGreaterThan(0);
    // MCP Lab's own loop was watched for the run: how busy it was and how late its timers ran.
    expect(done.self).toBeDefined();
    expect(done.self!.eventLoopUtilization).toBeGreaterThan(0);
    expect(done.self!.eventLoopUtilization).toBeLessThanOrEqual(1);
    expect(done.self!.limitedByMcpLab).toBe(done.self!.eventLoopUtilization >= 0.9);
    const saved = await h.api.call('load.list', { serverId: id });
    expect(saved.map((r) => r.runId)).toContain(run.runId);
    expect((await h.api.call('load.get', { runId: run.runId })).completed).toBe(400);
  });

  it("keeps a sample of the run's protocol traffic one by one and counts the rest, and the log says how many were not kept", async () => {
    const id = await started('echo-server.ts');
    const run = await h.api.call('load.start', {
      serverId: id,
      toolName: 'add',
      args: { mode: 'fixed', arguments: { a: 1, b: 2 } },
      concurrency: 8,
      calls: 400,
    });
    await h.engine.load.finished(run.runId);
    const { entries } = h.engine.logs.since(id, 0);
    const began = entries.findIndex((e) => e.source === 'app' && e.text.startsWith(`load run ${run.runId}:`));
    const ended = entries.findIndex((e) => e.source === 'app' && e.text.startsWith(`load run ${run.runId} ended`));
    expect(began).toBeGreaterThanOrEqual(0);
    expect(ended).toBeGreaterThan(began);
    const counted = entries[ended]!.data as { protocolMessages: number; kept: number; notKept: number };
    const kept = entries.slice(began + 1, ended).filter((e) => e.source === 'protocol');
    // Exact: what the log holds one by one plus what it counted is every message of the run.
    expect(kept).toHaveLength(counted.kept);
    expect(counted.kept + counted.notKept).toBe(counted.protocolMessages);
    expect(counted.protocolMessages).toBeGreaterThanOrEqual(800);
    expect(counted.notKept).toBeGreaterThan(0);
    expect(entries[ended]!.text).toContain(`${counted.notKept.toLocaleString('en-US')} of them counted but not kept one by one`);
    // After the run, every message is kept again.
    await h.api.call('tools.call', { serverId: id, toolName: 'add', arguments: { a: 2, b: 2 } });
    expect(h.engine.logs.since(id, entries.at(-1)!.seq).entries.filter((e) => e.source === 'protocol')).toHaveLength(2);
  });

  it('never outlives its duration: calls still running after the grace are cancelled and counted', async () => {
    const id = await started('echo-server.ts');
    const run = await h.api.call('load.start', {
      serverId: id,
      toolName: 'slow',
      args: { mode: 'fixed', arguments: { ms: 20_000, steps: 1 } },
      concurrency: 3,
      durationSeconds: 1,
    });
    const done = await h.engine.load.finished(run.runId);
    // Each call would take 20 s: cancelled, not completed, is what shows the run did not wait for them.
    expect(done.byStatus.cancelled).toBe(3);
    expect(done.issued).toBe(done.completed);
  });

  it('streams progress while it runs and a final snapshot at the end', async () => {
    const id = await started('echo-server.ts');
    const run = await h.api.call('load.start', {
      serverId: id,
      toolName: 'echo',
      args: { mode: 'list', list: [{ text: 'a' }, { text: 'b' }] },
      concurrency: 2,
      durationSeconds: 2.5,
    });
    const ticking = await waitForEvent<LoadRun>(
      (cb) => h.api.subscribe('load.progressed', { runId: run.runId }, cb),
      (r) => r.state === 'running' && r.timeline.length >= 1,
    );
    expect(ticking.timeline[0]!.completed).toBeGreaterThan(0);
    const final = await waitForEvent<LoadRun>(
      (cb) => h.api.subscribe('load.progressed', { runId: run.runId }, cb),
      (r) => r.state === 'completed',
    );
    expect(final.byStatus.ok).toBe(final.completed);
  });

  it('generates valid arguments from the schema when asked', async () => {
    const id = await started('echo-server.ts');
    const run = await h.api.call('load.start', { serverId: id, toolName: 'add', args: { mode: 'generated', seed: 3 }, calls: 50 });
    const done = await h.engine.load.finished(run.runId);
    expect(done.byStatus).toEqual({ ok: 50 });
  });

  it('stops when asked', async () => {
    const id = await started('echo-server.ts');
    const run = await h.api.call('load.start', {
      serverId: id,
      toolName: 'echo',
      args: { mode: 'fixed', arguments: { text: 'x' } },
      durationSeconds: 60,
    });
    await waitForEvent<LoadRun>(
      (cb) => h.api.subscribe('load.progressed', { runId: run.runId }, cb),
      (r) => r.completed > 0,
    );
    await h.api.call('load.stop', { runId: run.runId });
    const done = await h.engine.load.finished(run.runId);
    expect(done.state).toBe('stopped');
    expect(done.issued).toBe(done.completed);
  });

  it('fails the run with a reason when the server dies, still counting every call', async () => {
    const id = await started('echo-server.ts');
    const run = await h.api.call('load.start', {
      serverId: id,
      toolName: 'crash',
      args: { mode: 'fixed', arguments: { code: 4 } },
      concurrency: 2,
      calls: 20,
    });
    const done = await h.engine.load.finished(run.runId);
    expect(done.state).toBe('failed');
    expect(done.reason).toContain('server stopped');
    expect(done.issued).toBe(done.completed);
    expect(done.byStatus.crashed).toBeGreaterThanOrEqual(1);
  });

  it('refuses a run without a bound, and on a server that is not running', async () => {
    const id = await started('echo-server.ts');
    await expect(
      h.api.call('load.start', { serverId: id, toolName: 'echo', args: { mode: 'fixed', arguments: {} } }),
    ).rejects.toMatchObject({ code: 'InvalidParams' });
    await h.api.call('servers.stop', { serverId: id });
    await expect(
      h.api.call('load.start', { serverId: id, toolName: 'echo', args: { mode: 'fixed', arguments: {} }, calls: 1 }),
    ).rejects.toMatchObject({ code: 'ServerNotReady' });
  });
});

describe('leak hunt', () => {
  it('tells a server that leaks from one that does not', async () => {
    const id = await started('leaky-server.ts');
    // The clean tool first, on a fresh heap: its early growth must not be mistaken for a leak. A
    // fresh Node heap keeps growing for a few thousand calls before it levels off, so the clean
    // hunt runs long enough to see that (measured: 2,000 calls read "inconclusive", 6,000 "stable").
    const clean = await h.api.call('load.start', {
      serverId: id,
      toolName: 'compute',
      args: { mode: 'fixed', arguments: {} },
      kind: 'leak',
      calls: 8000,
    });
    const stable = await h.engine.load.finished(clean.runId);
    expect(stable.leak?.verdict, stable.leak?.explanation).not.toBe('growing');

    const leak = await h.api.call('load.start', {
      serverId: id,
      toolName: 'remember',
      args: { mode: 'fixed', arguments: {} },
      kind: 'leak',
      calls: 2000,
    });
    const leaky = await h.engine.load.finished(leak.runId);
    expect(leaky.leak?.verdict, leaky.leak?.explanation).toBe('growing');
    // 64 KiB kept per call: about 64 MB per 1,000 calls.
    expect(leaky.leak!.bytesPer1000Calls!).toBeGreaterThan(30 * 1024 * 1024);
    expect(leaky.leak!.points.length).toBeGreaterThan(20);
  });
});
