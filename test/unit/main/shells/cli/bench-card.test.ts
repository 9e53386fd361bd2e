import { describe, expect, it } from 'vitest';
import type { LoadRun } from '../../../../../src-shared/api/schemas/load';
import { resultCard } from '../../../../../src-main/shells/cli/commands/bench';

const run = (self: LoadRun['self']): LoadRun => ({
  runId: 'r',
  spec: {
    serverId: 's',
    toolName: 'greet',
    args: { mode: 'fixed', arguments: {} },
    concurrency: 32,
    calls: 100,
    rampUpSeconds: 0,
    timeoutMs: 30_000,
    kind: 'load',
  },
  state: 'completed',
  startedAt: 0,
  endedAt: 1,
  issued: 100,
  completed: 100,
  byStatus: { ok: 100 },
  latency: { count: 100, p50: 1, p95: 2, p99: 3, max: 4, mean: 1 } as LoadRun['latency'],
  callsPerSecond: 1000,
  rssStartBytes: null,
  rssPeakBytes: null,
  rssEndBytes: null,
  rssGrowthPer1000Calls: null,
  timeline: [],
  ...(self ? { self } : {}),
});

describe('the bench result card', () => {
  it("shows MCP Lab's own event loop, and warns when MCP Lab was the limit", () => {
    const limited = resultCard(run({ eventLoopUtilization: 0.97, lagP99Ms: 42.5, limitedByMcpLab: true }));
    expect(limited).toMatch(/MCP Lab +event loop busy 97 % +lag p99 42\.5 ms/);
    expect(limited).toMatch(/warning +MCP Lab, not the server, was the limit of this run/);
  });

  it('says nothing of a limit when the loop had room, and nothing at all for a run saved without the figures', () => {
    const fine = resultCard(run({ eventLoopUtilization: 0.35, lagP99Ms: 11, limitedByMcpLab: false }));
    expect(fine).toMatch(/event loop busy 35 %/);
    expect(fine).not.toMatch(/warning/);
    expect(resultCard(run(undefined))).not.toMatch(/event loop/);
  });
});
