import { beforeEach, describe, expect, it } from 'vitest';
import { fixtureServer } from '../../helpers/fixtures';
import { harnessForEachTest, readyServerId, waitForEvent } from '../../helpers/harness';
import type { ProcessSample, ToolStats } from '../../../src-shared/api/schemas/metrics';

const h = harnessForEachTest();
let id: string;
beforeEach(async () => {
  id = await readyServerId(h, fixtureServer('echo-server.ts'));
});

describe('metrics', () => {
  it('samples memory of a running server, with CPU missing (not zero) on the first sample', async () => {
    const samples: ProcessSample[] = [];
    await waitForEvent<{ samples: ProcessSample[] }>(
      (cb) => h.api.subscribe('metrics.sampled', { serverId: id }, cb),
      (b) => {
        samples.push(...b.samples);
        return samples.length >= 2 && samples.some((s) => typeof s.cpuPercent === 'number');
      },
      5_000,
    );
    const [first] = samples;
    expect(first!.serverId).toBe(id);
    // Memory is a real figure or missing (a process caught mid-exec), never 0 bytes.
    expect(samples.every((s) => s.rssBytes === null || s.rssBytes > 1_000_000)).toBe(true); // a Node process is tens of MB
    expect(samples.some((s) => s.rssBytes !== null)).toBe(true);
    expect(first!.cpuPercent).toBeNull();
    expect(first!.processCount).toBeGreaterThanOrEqual(1);
    const later = samples.slice(1).find((s) => s.cpuPercent !== null)!;
    expect(later.cpuPercent).toBeGreaterThanOrEqual(0);
    expect(later.ts).toBeGreaterThan(first!.ts);
  });

  it('delivers a first sample from the new process after a start', async () => {
    const { config } = await h.api.call('servers.add', fixtureServer('echo-server.ts', { name: 'second' }));
    // Subscribed before the start: nothing to replay, so the sample must come from the new process.
    const sampled = waitForEvent<{ samples: ProcessSample[] }>(
      (cb) => h.api.subscribe('metrics.sampled', { serverId: config.id }, cb),
      (b) => b.samples.some((s) => (s.rssBytes ?? 0) > 0),
      13_000, // the start itself may take a while on a loaded machine
    );
    const started = await h.api.call('servers.start', { serverId: config.id });
    expect(started.status.state).toBe('ready');
    const batch = await sampled;
    expect(batch.samples.every((s) => s.serverId === config.id)).toBe(true);
  });

  it('counts calls and errors per tool, with latency percentiles', async () => {
    for (let i = 0; i < 3; i++)
      expect((await h.api.call('tools.call', { serverId: id, toolName: 'echo', arguments: { text: `n${i}` } })).status).toBe('ok');
    expect((await h.api.call('tools.call', { serverId: id, toolName: 'fail', arguments: {} })).status).toBe('toolError');
    expect((await h.api.call('tools.call', { serverId: id, toolName: 'fail', arguments: {} })).status).toBe('toolError');

    const stats = await h.api.call('metrics.toolStats', { serverId: id });
    const echo = stats.find((s) => s.toolName === 'echo')!;
    const fail = stats.find((s) => s.toolName === 'fail')!;
    expect(echo).toMatchObject({ calls: 3, errors: 0, byStatus: { ok: 3 } });
    expect(fail).toMatchObject({ calls: 2, errors: 2, byStatus: { toolError: 2 } });
    expect(echo.latency.count).toBe(3);
    expect(echo.latency.p50).not.toBeNull();
    expect(echo.latency.p50!).toBeLessThanOrEqual(echo.latency.max!);

    // The stream carries the same numbers.
    const streamed = await waitForEvent<ToolStats[]>(
      (cb) => h.api.subscribe('metrics.toolStatsChanged', { serverId: id }, cb),
      (l) => l.some((s) => s.toolName === 'fail' && s.calls === 2),
    );
    expect(streamed.find((s) => s.toolName === 'echo')!.calls).toBe(3);
  });
});
