import { Emitter } from '../../../src-shared/base/event';
import { Disposable } from '../../../src-shared/base/lifecycle';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import type { ProcessSample, TimelineMark, ToolStats } from '../../../src-shared/api/schemas/metrics';
import type { ToolCallOutcome } from '../../../src-shared/api/schemas/tool';
import type { Clock } from '../base/clock';
import { LatencyHistogram } from './latency-histogram';
import type { ProcessTable } from './process-table';

interface Tracked {
  pid: number;
  /** CPU ms per pid at the previous sample, to compute per-process deltas. */
  lastCpu: Map<number, number> | undefined;
  lastAt: number;
}

interface ToolAccumulator {
  calls: number;
  errors: number;
  byStatus: Record<string, number>;
  histogram: LatencyHistogram;
  lastCallAt?: number;
}

export interface MetricsOptions {
  intervalMs?: number;
  /** Samples kept per server (one hour at 1 Hz). */
  keepSamples?: number;
}

/**
 * Samples memory and CPU of each running server's whole process tree at 1 Hz, and keeps per-tool
 * call statistics. The first sample of a process has no CPU figure: there is no interval to divide by.
 */
export class MetricsService extends Disposable {
  private readonly _onDidSample = this._register(new Emitter<ProcessSample[]>());
  readonly onDidSample = this._onDidSample.event;
  private readonly _onDidChangeToolStats = this._register(new Emitter<void>());
  readonly onDidChangeToolStats = this._onDidChangeToolStats.event;
  private readonly _onDidMark = this._register(new Emitter<TimelineMark>());
  readonly onDidMark = this._onDidMark.event;
  private readonly marksList: TimelineMark[] = [];

  private readonly tracked = new Map<ServerId, Tracked>();
  private readonly samples = new Map<ServerId, ProcessSample[]>();
  private readonly tools = new Map<string, ToolAccumulator>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private sampling = false;
  private statsTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly intervalMs: number;
  private readonly keep: number;

  constructor(
    private readonly clock: Clock,
    private readonly table: ProcessTable,
    options: MetricsOptions = {},
  ) {
    super();
    this.intervalMs = options.intervalMs ?? 1000;
    this.keep = options.keepSamples ?? 3600;
    this._register({
      dispose: () => {
        clearInterval(this.timer);
        clearTimeout(this.statsTimer);
      },
    });
  }

  track(serverId: ServerId, pid: number): void {
    this.tracked.set(serverId, { pid, lastCpu: undefined, lastAt: 0 });
    void this.sampleOne(serverId);
    if (!this.timer) {
      this.timer = setInterval(() => void this.sampleAll(), this.intervalMs);
      this.timer.unref?.();
    }
  }

  untrack(serverId: ServerId): void {
    this.tracked.delete(serverId);
    if (this.tracked.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  recent(serverId?: ServerId): ProcessSample[] {
    if (serverId !== undefined) return [...(this.samples.get(serverId) ?? [])];
    return [...this.samples.values()].flat().sort((a, b) => a.ts - b.ts);
  }

  forget(serverId: ServerId): void {
    this.samples.delete(serverId);
    for (const k of this.tools.keys()) if (k.startsWith(`${serverId}\u0000`)) this.tools.delete(k);
    for (let i = this.marksList.length - 1; i >= 0; i--) if (this.marksList[i]!.serverId === serverId) this.marksList.splice(i, 1);
  }

  private async sampleAll(): Promise<void> {
    if (this.sampling) return; // a slow /proc read must not pile up samplers
    this.sampling = true;
    try {
      const out: ProcessSample[] = [];
      for (const id of [...this.tracked.keys()]) {
        const s = await this.takeSample(id);
        if (s) out.push(s);
      }
      if (out.length) this._onDidSample.fire(out);
    } finally {
      this.sampling = false;
    }
  }

  private async sampleOne(serverId: ServerId): Promise<void> {
    const s = await this.takeSample(serverId);
    if (s) this._onDidSample.fire([s]);
  }

  private async takeSample(serverId: ServerId): Promise<ProcessSample | undefined> {
    const t = this.tracked.get(serverId);
    if (!t) return undefined;
    const procs = await this.table.tree(t.pid);
    if (this.tracked.get(serverId) !== t) return undefined;
    const now = this.clock.monotonic();
    const cpu = new Map(procs.map((p) => [p.pid, p.cpuMs]));
    let cpuPercent: number | null = null;
    if (t.lastCpu && now > t.lastAt) {
      let used = 0;
      // Per-process deltas: a child that exited between samples must not make CPU go negative.
      for (const [pid, ms] of cpu) used += Math.max(0, ms - (t.lastCpu.get(pid) ?? 0));
      cpuPercent = Math.round((used / (now - t.lastAt)) * 1000) / 10;
    }
    t.lastCpu = cpu;
    t.lastAt = now;
    // No running process holds zero resident memory: a total of 0 is a process caught between fork
    // and exec (or already gone), so it is reported as missing, never as 0 bytes.
    const rss = procs.reduce((a, p) => a + p.rssBytes, 0);
    const sample: ProcessSample = {
      ts: this.clock.now(),
      serverId,
      rssBytes: rss > 0 ? rss : null,
      cpuPercent: procs.length ? cpuPercent : null,
      processCount: procs.length,
    };
    let list = this.samples.get(serverId);
    if (!list) this.samples.set(serverId, (list = []));
    list.push(sample);
    if (list.length > this.keep) list.splice(0, list.length - this.keep);
    return sample;
  }

  /** Note a moment for the time axis (kept: the last 500). */
  mark(serverId: ServerId, kind: TimelineMark['kind'], label: string): void {
    const m: TimelineMark = { at: this.clock.now(), serverId, kind, label };
    this.marksList.push(m);
    if (this.marksList.length > 500) this.marksList.shift();
    this._onDidMark.fire(m);
  }

  marks(serverId?: ServerId): TimelineMark[] {
    return this.marksList.filter((m) => serverId === undefined || m.serverId === serverId);
  }

  recordCall(outcome: ToolCallOutcome): void {
    const key = `${outcome.serverId}\u0000${outcome.toolName}`;
    let acc = this.tools.get(key);
    if (!acc) this.tools.set(key, (acc = { calls: 0, errors: 0, byStatus: {}, histogram: new LatencyHistogram() }));
    acc.calls++;
    if (outcome.status !== 'ok') acc.errors++;
    acc.byStatus[outcome.status] = (acc.byStatus[outcome.status] ?? 0) + 1;
    acc.histogram.record(outcome.durationMs);
    acc.lastCallAt = outcome.startedAt;
    // Under load, thousands of calls a second: tell listeners at most every 200 ms.
    this.statsTimer ??= setTimeout(() => {
      this.statsTimer = undefined;
      this._onDidChangeToolStats.fire();
    }, 200);
  }

  toolStats(serverId?: ServerId): ToolStats[] {
    const out: ToolStats[] = [];
    for (const [key, acc] of this.tools) {
      const [sid, toolName] = key.split('\u0000') as [string, string];
      if (serverId !== undefined && sid !== serverId) continue;
      out.push({
        serverId: sid,
        toolName,
        calls: acc.calls,
        errors: acc.errors,
        byStatus: { ...acc.byStatus },
        latency: acc.histogram.summary(),
        buckets: acc.histogram.buckets(),
        ...(acc.lastCallAt !== undefined ? { lastCallAt: acc.lastCallAt } : {}),
      });
    }
    return out.sort((a, b) => a.serverId.localeCompare(b.serverId) || a.toolName.localeCompare(b.toolName));
  }
}
