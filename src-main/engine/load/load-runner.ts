import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { ApiError } from '../../../src-shared/api/errors';
import { Disposable } from '../../../src-shared/base/lifecycle';
import {
  LoadRunSpecSchema,
  MAX_LOAD_SECONDS,
  type LoadRun,
  type LoadRunSelf,
  type LoadRunSpec,
  type LoadRunSpecInput,
} from '../../../src-shared/api/schemas/load';
import type { ToolCallOutcome } from '../../../src-shared/api/schemas/tool';
import type { Clock } from '../base/clock';
import { JobRegistry, type JobControl } from '../jobs/job-registry';
import { LatencyHistogram } from '../metrics/latency-histogram';
import type { LogService } from '../logs/log-service';
import type { MetricsService } from '../metrics/metrics-service';
import type { ProcessTable } from '../metrics/process-table';
import { createRandom, sampleArguments } from '../../../src-shared/json-schema/sample-values';
import type { ServerManager } from '../servers/server-manager';
import { leakVerdict } from './leak-verdict';
import type { LoadRunStore } from './load-run-store';
import { linearFit } from './regression';

/** Above this share of busy time, MCP Lab's own loop (not the server) set the pace of a run. */
export const SELF_LIMIT_UTILIZATION = 0.9;

/** How long calls still running at a run's deadline may finish before they are cancelled. */
const DEADLINE_GRACE_MS = 1000;

/** Finished runs kept in memory besides the files on disk (a late Stop, `finished()`). */
const KEEP_FINISHED = 10;

interface ActiveRun {
  run: LoadRun;
  abort: AbortSignal;
  histogram: LatencyHistogram;
  tick: LatencyHistogram;
  lastCompleted: number;
  inFlight: number;
  rssPoints: Array<[number, number]>;
  publish(): void;
}

/**
 * Runs a tool under load (or calls it again and again to hunt a leak) through the same session
 * the console uses, so what a run measures is what a user gets. Every issued call is counted once
 * by its outcome, and no run outlives its bound: at the deadline no call starts, and calls still
 * in flight after a one-second grace are cancelled (the server is told) and counted as cancelled.
 */
export class LoadRunner extends Disposable {
  private readonly jobs: JobRegistry<LoadRun>;
  readonly onDidChange;

  constructor(
    private readonly servers: ServerManager,
    private readonly table: ProcessTable,
    private readonly metrics: MetricsService,
    private readonly runs: LoadRunStore,
    private readonly clock: Clock,
    private readonly logs: LogService,
  ) {
    super();
    this.jobs = this._register(
      new JobRegistry<LoadRun>({
        kind: 'load',
        noun: 'load run',
        keepFinished: KEEP_FINISHED,
        clock,
        markCancelling: (run) => {
          if (run.state !== 'running') return;
          run.state = 'stopping';
          run.reason = 'stopped by user';
        },
        markCrashed: (run, message) => {
          run.state = 'failed';
          run.reason = `the run failed: ${message}`;
          run.endedAt ??= this.clock.now();
        },
      }),
    );
    this.onDidChange = this.jobs.onDidChange;
  }

  start(input: LoadRunSpecInput): LoadRun {
    const spec = LoadRunSpecSchema.parse(input);
    if (spec.durationSeconds === undefined && spec.calls === undefined) {
      throw new ApiError('InvalidParams', 'a run needs a bound: give a duration in seconds, a number of calls, or both');
    }
    if (spec.kind === 'leak' && spec.calls === undefined)
      throw new ApiError('InvalidParams', 'a leak hunt needs a number of calls (e.g. 2000)');
    const session = this.servers.get(spec.serverId);
    if (session.status.state !== 'ready')
      throw new ApiError('ServerNotReady', `server "${session.config.name}" is not running: start it before a load run`);
    const tool = session.tools?.tools.find((t) => t.name === spec.toolName);
    if (!tool) throw new ApiError('NotFound', `server "${session.config.name}" has no tool "${spec.toolName}"`);

    const now = this.clock.now();
    const runId = this.jobs.newId(spec.toolName);
    const run: LoadRun = {
      runId,
      spec,
      state: 'running',
      startedAt: now,
      issued: 0,
      completed: 0,
      byStatus: {},
      latency: new LatencyHistogram().summary(),
      callsPerSecond: 0,
      rssStartBytes: null,
      rssPeakBytes: null,
      rssEndBytes: null,
      rssGrowthPer1000Calls: null,
      timeline: [],
    };
    const random = createRandom(spec.args.mode === 'generated' ? spec.args.seed : 1);
    const nextArgs = (i: number): Record<string, unknown> =>
      spec.args.mode === 'fixed'
        ? spec.args.arguments
        : spec.args.mode === 'list'
          ? spec.args.list[i % spec.args.list.length]!
          : sampleArguments(tool.inputSchema, { random });
    this.metrics.mark(spec.serverId, 'loadStart', `${spec.kind === 'leak' ? 'leak hunt' : 'load run'}: ${spec.toolName}`);
    return this.jobs.start(runId, run, (job) => this.execute(this.activeRun(job), spec, nextArgs));
  }

  /** Stop a run; a run that has just ended answers with its final state. */
  stop(runId: string): LoadRun {
    return this.jobs.cancel(runId);
  }

  /** Runs in progress, for a subscriber's first snapshot. */
  running(): LoadRun[] {
    return this.jobs.running();
  }

  /** Resolves with the finished run (tests and the CLI); older runs come from the files on disk. */
  finished(runId: string): Promise<LoadRun> {
    if (this.jobs.has(runId)) return this.jobs.result(runId);
    return this.runs.get(runId).then((r) => r ?? Promise.reject(new ApiError('NotFound', `no load run "${runId}"`)));
  }

  private activeRun(job: JobControl<LoadRun>): ActiveRun {
    return {
      run: job.snapshot,
      abort: job.signal,
      histogram: new LatencyHistogram(),
      tick: new LatencyHistogram(),
      lastCompleted: 0,
      inFlight: 0,
      rssPoints: [],
      publish: job.publish,
    };
  }

  private async execute(a: ActiveRun, spec: LoadRunSpec, nextArgs: (i: number) => Record<string, unknown>): Promise<void> {
    const { run } = a;
    const session = this.servers.get(spec.serverId);
    const deadlineMs = (spec.durationSeconds ?? MAX_LOAD_SECONDS) * 1000;
    // The deadline and a crash end the run as a Stop does, without saying the user stopped it.
    const own = new AbortController();
    const abortRun = () => own.abort();
    const signal = AbortSignal.any([a.abort, own.signal]);
    // At the deadline no new call starts; calls in flight get a short grace, then are cancelled.
    let issuing = true;
    let grace: ReturnType<typeof setTimeout> | undefined;
    const deadline = setTimeout(() => {
      issuing = false;
      grace = setTimeout(() => abortRun(), DEADLINE_GRACE_MS);
    }, deadlineMs);
    const t0 = this.clock.monotonic();
    const self = watchOwnLoop();
    // The run's own traffic is counted and sampled in the protocol log, not kept call by call.
    const sampling = this.logs.sampleProtocol(spec.serverId, `${spec.kind === 'leak' ? 'leak hunt' : 'load run'} ${run.runId}`);
    run.rssStartBytes = await this.readRss(session.pid);
    const ticker = setInterval(() => void this.tick(a, session.pid), 1000);
    const concurrency = spec.kind === 'leak' ? 1 : spec.concurrency;
    // A leak hunt reads memory after every batch: 50 readings over the run.
    const leakBatch = spec.kind === 'leak' ? Math.max(1, Math.floor((spec.calls ?? 1000) / 50)) : 0;

    const more = () => issuing && !signal.aborted && (spec.calls === undefined || run.issued < spec.calls);
    const worker = async (i: number) => {
      if (spec.rampUpSeconds > 0 && i > 0) await abortableSleep((spec.rampUpSeconds * 1000 * i) / concurrency, signal);
      while (more()) {
        const index = run.issued++;
        a.inFlight++;
        // One signal per call, linked to the run's: the SDK adds an abort listener to the signal it
        // is given and never removes it, so a shared signal would collect one per call.
        const callAbort = linkedAbort(signal);
        const pending = session.callTool(
          { callId: `${run.runId}-${index}`, toolName: spec.toolName, arguments: nextArgs(index), timeoutMs: spec.timeoutMs },
          callAbort.signal,
          () => {},
        );
        if (!pending) {
          callAbort.unlink();
          a.inFlight--;
          this.count(a, 'crashed');
          if (run.state === 'running') run.reason = 'the server stopped during the run';
          abortRun();
          break;
        }
        const outcome = await pending;
        callAbort.unlink();
        a.inFlight--;
        this.record(a, outcome);
        if (leakBatch && run.completed % leakBatch === 0) {
          const rss = await this.readRss(session.pid);
          if (rss !== null) a.rssPoints.push([run.completed, rss]);
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i)));
    } finally {
      sampling.dispose();
    }
    clearTimeout(deadline);
    clearTimeout(grace);
    clearInterval(ticker);

    const elapsedS = (this.clock.monotonic() - t0) / 1000;
    run.callsPerSecond = Math.round((run.completed / Math.max(elapsedS, 1e-3)) * 10) / 10;
    run.rssEndBytes = await this.readRss(session.pid);
    for (const v of [run.rssEndBytes, ...a.rssPoints.map(([, rss]) => rss)])
      if (v !== null) run.rssPeakBytes = Math.max(run.rssPeakBytes ?? 0, v);
    run.latency = a.histogram.summary();
    run.self = self.end();
    run.endedAt = this.clock.now();
    const points =
      spec.kind === 'leak'
        ? a.rssPoints
        : run.timeline.filter((t) => t.rssBytes !== null).map((t) => [t.completed, t.rssBytes!] as [number, number]);
    const fit = linearFit(points);
    run.rssGrowthPer1000Calls = fit ? Math.round(fit.slope * 1000) : null;
    if (spec.kind === 'leak') run.leak = leakVerdict(a.rssPoints, run.completed);
    run.state = run.reason === 'stopped by user' ? 'stopped' : run.reason ? 'failed' : 'completed';
    this.metrics.mark(spec.serverId, 'loadEnd', `${run.state}: ${run.completed} calls`);
    await this.runs.save(run).catch((e) => {
      run.reason = `${run.reason ? `${run.reason}; ` : ''}could not save the run: ${(e as Error).message}`;
    });
  }

  private record(a: ActiveRun, o: ToolCallOutcome): void {
    this.count(a, o.status);
    a.histogram.record(o.durationMs);
    a.tick.record(o.durationMs);
    this.metrics.recordCall(o);
  }

  private count(a: ActiveRun, status: string): void {
    a.run.completed++;
    a.run.byStatus[status] = (a.run.byStatus[status] ?? 0) + 1;
  }

  private async tick(a: ActiveRun, pid: number | undefined): Promise<void> {
    const { run } = a;
    const rss = await this.readRss(pid);
    const summary = a.tick.summary();
    a.tick = new LatencyHistogram();
    const completed = run.completed;
    const errors = completed - (run.byStatus.ok ?? 0);
    run.timeline.push({
      t: this.clock.now(),
      completed,
      errors,
      inFlight: a.inFlight,
      callsPerSecond: completed - a.lastCompleted,
      p50: summary.p50,
      p95: summary.p95,
      rssBytes: rss,
    });
    a.lastCompleted = completed;
    if (rss !== null) run.rssPeakBytes = Math.max(run.rssPeakBytes ?? 0, rss);
    run.latency = a.histogram.summary();
    a.publish();
  }

  private async readRss(pid: number | undefined): Promise<number | null> {
    if (pid === undefined) return null;
    const procs = await this.table.tree(pid).catch(() => []);
    return procs.length ? procs.reduce((s, p) => s + p.rssBytes, 0) : null;
  }
}

/**
 * Watch this process's event loop for the length of a run: how much of the time it was busy and
 * how late its timers ran. The runner shares the loop with the transport and the tap, so a loop
 * busy nearly all the time means the run measured MCP Lab.
 */
function watchOwnLoop(): { end(): LoadRunSelf } {
  const start = performance.eventLoopUtilization();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  return {
    end() {
      delay.disable();
      const eventLoopUtilization = Math.round(performance.eventLoopUtilization(start).utilization * 1000) / 1000;
      const lag = delay.count > 0 ? Math.round((delay.percentile(99) / 1e6) * 10) / 10 : null;
      return { eventLoopUtilization, lagP99Ms: lag, limitedByMcpLab: eventLoopUtilization >= SELF_LIMIT_UTILIZATION };
    },
  };
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });
}

/** A child abort signal that follows `parent`, and can be detached from it once the call is over. */
function linkedAbort(parent: AbortSignal): { signal: AbortSignal; unlink(): void } {
  const ac = new AbortController();
  const onAbort = () => ac.abort(parent.reason);
  if (parent.aborted) ac.abort(parent.reason);
  else parent.addEventListener('abort', onAbort, { once: true });
  return { signal: ac.signal, unlink: () => parent.removeEventListener('abort', onAbort) };
}
