import path from 'node:path';
import { ApiError } from '../../../src-shared/api/errors';
import { Disposable } from '../../../src-shared/base/lifecycle';
import type { ServerConfig } from '../../../src-shared/api/schemas/server';
import type { CaseResult, Suite, TestRun, TestRunRequest } from '../../../src-shared/api/schemas/testing';
import { TestRunRequestSchema } from '../../../src-shared/api/schemas/testing';
import type { Clock } from '../base/clock';
import { JobRegistry, type JobControl } from '../jobs/job-registry';
import type { ServerManager } from '../servers/server-manager';
import type { ServerSession } from '../servers/server-session';
import { assertionLabel, checkAssertion } from './assertions';
import { describeRequest, executeRequest, notRunning } from './case-executor';
import { SnapshotFile, type LoadedSuite, type SuiteStore } from './suite-store';

const DEFAULT_TIMEOUT_MS = 30_000;
const KEEP_RUNS = 20;

export interface RunOptions {
  /** Suite files or folders instead of the workspace's tests folder (the CLI). */
  paths?: string[];
  /**
   * Whether suites may start their own command. Only the CLI (a person at a terminal, or CI) may:
   * a UI request must not be a way to spawn a command no one configured (DESIGN §6).
   */
  allowCommands: boolean;
}

/** Answers of mismatched (or written) snapshots of one run, for "accept". */
type RunSnapshots = Map<string, { file: string; key: string; value: unknown }>;

interface ActiveRun {
  run: TestRun;
  abort: AbortSignal;
  snapshots: RunSnapshots;
  publish(): void;
}

/** Run the suite's setup steps; the reason the first failing one failed, or undefined. */
async function runSetup(session: ServerSession, suite: Suite, signal: AbortSignal): Promise<string | undefined> {
  const suiteTimeout = suite.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  for (const [i, step] of suite.setup.entries()) {
    const x = await executeRequest(session, step, step.timeoutMs ?? suiteTimeout, signal);
    const why = !x.ok
      ? x.error
      : x.answer.status !== 'ok'
        ? `${x.answer.status}${x.answer.message ? `: ${x.answer.message}` : x.answer.text ? `: ${x.answer.text.split('\n')[0]}` : ''}`
        : undefined;
    if (why) return `setup step ${i + 1} (${describeRequest(step)}) failed: ${why}`;
  }
  return undefined;
}

/** The request saw the process exit; the session learns of it from the same exit a moment later. */
function leftReady(session: ServerSession): Promise<void> {
  if (session.status.state !== 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const sub = session.onDidChange(() => {
      if (session.status.state === 'ready') return;
      sub.dispose();
      resolve();
    });
  });
}

function crashMessage(session: ServerSession): string {
  const s = session.status;
  return 'message' in s ? s.message : s.state;
}

/** Start a crashed server again and run the suite's setup on it; says how that went, for the crashed case's message. */
async function restartAfterCrash(session: ServerSession, suite: Suite, signal: AbortSignal): Promise<string> {
  await session.start();
  if (!session.readyConnection) return `restarting it failed (${notRunning(session)}), so the cases after it fail too`;
  const setupFailed = await runSetup(session, suite, signal);
  return setupFailed ? `it was restarted, but ${setupFailed}` : 'it was restarted for the next case';
}

const refKey = (suiteId: string, caseIndex: number) => `${suiteId}#${caseIndex}`;

/**
 * The one test runner, for the UI and `mcp-lab test`. Runs suites one after another, cases in file
 * order, against a workspace server or a command the suite starts itself. It never hangs: every
 * request is bounded, and a server that crashes fails that case and is started again for the next.
 */
export class TestRunner extends Disposable {
  private readonly jobs: JobRegistry<TestRun, RunSnapshots>;
  readonly onDidChange;

  constructor(
    private readonly suites: SuiteStore,
    private readonly servers: ServerManager,
    private readonly clock: Clock,
  ) {
    super();
    this.jobs = this._register(
      new JobRegistry<TestRun, RunSnapshots>({
        kind: 'test',
        noun: 'test run',
        keepFinished: KEEP_RUNS,
        clock,
        markCrashed: (run, message) => {
          for (const r of run.results)
            if (r.status === 'pending' || r.status === 'running') settleResult(run, r, 'failed', `the runner failed: ${message}`);
          run.state = 'done';
          run.endedAt ??= this.clock.now();
        },
      }),
    );
    this.onDidChange = this.jobs.onDidChange;
  }

  async start(input: TestRunRequest, options: RunOptions): Promise<TestRun> {
    const request = TestRunRequestSchema.parse(input);
    const { suites, problems } = await this.suites.load(options.paths);
    const selected = this.select(suites, request);
    const now = this.clock.now();
    const runId = this.jobs.newId();
    const results: CaseResult[] = selected.flatMap(({ suite, indexes }) =>
      indexes.map((i) => ({
        suiteId: suite.info.id,
        caseIndex: i,
        name: suite.info.cases[i]!.name,
        status: 'pending' as const,
        failures: [],
      })),
    );
    const run: TestRun = {
      runId,
      state: 'running',
      startedAt: now,
      total: results.length,
      passed: 0,
      failed: 0,
      skipped: 0,
      results,
      problems,
    };
    const snapshots: RunSnapshots = new Map();
    const execute = (job: JobControl<TestRun>) =>
      this.execute({ run: job.snapshot, abort: job.signal, snapshots, publish: job.publish }, selected, request.bail, options);
    return this.jobs.start(runId, run, execute, snapshots);
  }

  /** Stop a run; a run that has just ended answers with its final state. */
  stop(runId: string): TestRun {
    return this.jobs.cancel(runId);
  }

  running(): TestRun[] {
    return this.jobs.running();
  }

  finished(runId: string): Promise<TestRun> {
    return this.jobs.result(runId);
  }

  /** Write what a case answered in a run as its snapshot. */
  async acceptSnapshot(runId: string, suiteId: string, caseIndex: number): Promise<{ written: boolean; file: string }> {
    if (!this.jobs.has(runId)) throw new ApiError('NotFound', `no test run "${runId}" (runs are kept in memory; run the case again)`);
    const a = this.jobs.live(runId);
    const s = a.details.get(refKey(suiteId, caseIndex));
    if (!s) throw new ApiError('NotFound', `case #${caseIndex} of ${suiteId} recorded no snapshot in run ${runId}`);
    const snap = new SnapshotFile(s.file);
    await snap.open();
    snap.set(s.key, s.value);
    const written = await snap.save();
    const r = a.snapshot.results.find((x) => x.suiteId === suiteId && x.caseIndex === caseIndex);
    if (r?.snapshot) {
      r.snapshot.state = 'matched';
      r.failures = r.failures.filter((f) => !f.assertion.startsWith('snapshot'));
      if (r.status === 'failed' && r.failures.length === 0 && !r.error) {
        r.status = 'passed';
        a.snapshot.failed--;
        a.snapshot.passed++;
      }
      this.jobs.publish(runId);
    }
    return { written, file: snap.file };
  }

  private select(
    suites: LoadedSuite[],
    r: ReturnType<typeof TestRunRequestSchema.parse>,
  ): Array<{ suite: LoadedSuite; indexes: number[] }> {
    let wanted: Map<string, Set<number>> | undefined;
    if (r.rerunFailedOf) {
      const prev = this.jobs.get(r.rerunFailedOf);
      if (!prev) throw new ApiError('NotFound', `no test run "${r.rerunFailedOf}" to re-run`);
      wanted = new Map();
      for (const x of prev.results)
        if (x.status === 'failed') (wanted.get(x.suiteId) ?? wanted.set(x.suiteId, new Set()).get(x.suiteId)!).add(x.caseIndex);
    } else if (r.cases?.length) {
      wanted = new Map();
      for (const c of r.cases) (wanted.get(c.suiteId) ?? wanted.set(c.suiteId, new Set()).get(c.suiteId)!).add(c.caseIndex);
    } else if (r.suiteIds?.length) {
      wanted = new Map(r.suiteIds.map((id) => [id, new Set<number>()]));
      const missing = r.suiteIds.filter((id) => !suites.some((s) => s.info.id === id));
      if (missing.length) throw new ApiError('NotFound', `no suite ${missing.map((m) => `"${m}"`).join(', ')} in ${this.suites.dir}`);
    }
    return suites
      .filter((s) => !wanted || wanted.has(s.info.id))
      .map((suite) => {
        const only = wanted?.get(suite.info.id);
        const all = suite.info.cases.map((_, i) => i);
        return { suite, indexes: only && only.size ? all.filter((i) => only.has(i)) : all };
      })
      .filter((x) => x.indexes.length > 0);
  }

  private async execute(
    a: ActiveRun,
    selected: Array<{ suite: LoadedSuite; indexes: number[] }>,
    bail: boolean,
    options: RunOptions,
  ): Promise<void> {
    const { run } = a;
    let bailed = false;
    for (const { suite, indexes } of selected) {
      const results = indexes.map((i) => run.results.find((r) => r.suiteId === suite.info.id && r.caseIndex === i)!);
      if (a.abort.aborted || bailed) {
        for (const r of results)
          this.settle(a, r, 'skipped', a.abort.aborted ? 'the run was stopped' : 'not run: an earlier case failed (bail)');
        continue;
      }
      const failed = await this.runSuite(a, suite, results, bail, options);
      if (failed && bail) bailed = true;
    }
    run.state = a.abort.aborted ? 'stopped' : 'done';
    run.endedAt = this.clock.now();
  }

  /** Returns whether any case failed. */
  private async runSuite(a: ActiveRun, loaded: LoadedSuite, results: CaseResult[], bail: boolean, options: RunOptions): Promise<boolean> {
    const { run } = a;
    let suite: Suite;
    try {
      suite = await this.suites.read(loaded.info.file);
    } catch (e) {
      for (const r of results) this.settle(a, r, 'failed', (e as Error).message);
      return true;
    }
    const snapshots = new SnapshotFile(loaded.info.file);
    const server = await this.acquire(loaded, suite, options);
    if ('error' in server) {
      for (const r of results) this.settle(a, r, 'failed', server.error);
      return true;
    }
    let anyFailed = false;
    try {
      await snapshots.open();
      const suiteTimeout = suite.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const setupFailed = await runSetup(server.session, suite, a.abort);
      if (setupFailed) {
        for (const r of results) this.settle(a, r, 'failed', setupFailed);
        return true;
      }
      for (const r of results) {
        if (a.abort.aborted) {
          this.settle(a, r, 'skipped', 'the run was stopped');
          continue;
        }
        if (bail && anyFailed) {
          this.settle(a, r, 'skipped', 'not run: an earlier case failed (bail)');
          continue;
        }
        const c = suite.cases[r.caseIndex]!;
        if (c.skip) {
          this.settle(a, r, 'skipped', 'skip: true in the suite file');
          continue;
        }
        r.status = 'running';
        a.publish();
        if (!server.session.readyConnection) {
          this.settle(a, r, 'failed', notRunning(server.session));
          anyFailed = true;
          continue;
        }
        const x = await executeRequest(server.session, c, c.timeoutMs ?? suiteTimeout, a.abort);
        if (!x.ok) {
          this.settle(a, r, 'failed', x.error);
          anyFailed = true;
          continue;
        }
        r.durationMs = x.answer.durationMs;
        r.outcomeStatus = x.answer.status;
        const expect = c.expect.length ? c.expect : [{ status: 'ok' as const }];
        const outputSchema = c.tool !== undefined ? server.session.tools?.tools.find((t) => t.name === c.tool)?.outputSchema : undefined;
        for (const assertion of expect) {
          let failure;
          try {
            failure = checkAssertion(assertion, x.answer, {
              ...(outputSchema ? { outputSchema } : {}),
              caseName: c.name,
              readSnapshot: (k) => snapshots.get(k),
              writeSnapshot: (k, v) => snapshots.set(k, v),
              noteSnapshot: (key, state, value) => {
                r.snapshot = { key, state };
                a.snapshots.set(refKey(r.suiteId, r.caseIndex), { file: loaded.info.file, key, value });
              },
            });
          } catch (e) {
            failure = { assertion: assertionLabel(assertion), message: `could not check: ${(e as Error).message}` };
          }
          if (failure) r.failures.push(failure);
        }
        const failed = r.failures.length > 0;
        // A crash explains the failure better than any assertion: say it first. The next cases get
        // a fresh server (and the suite's setup again), so one crash fails one case, not the rest.
        if (x.answer.status === 'crashed') await leftReady(server.session);
        const crashed = server.session.status.state === 'crashed';
        if (crashed && !a.abort.aborted) {
          const restart = await restartAfterCrash(server.session, suite, a.abort);
          if (failed)
            r.error = `the server crashed during this case: ${x.answer.status === 'crashed' ? x.answer.message : crashMessage(server.session)}; ${restart}`;
        }
        anyFailed ||= failed;
        this.settle(a, r, failed ? 'failed' : 'passed');
      }
    } catch (e) {
      for (const r of results)
        if (r.status === 'pending' || r.status === 'running') this.settle(a, r, 'failed', `the runner failed: ${(e as Error).message}`);
      anyFailed = true;
    } finally {
      await snapshots.save().catch((e) => {
        run.problems.push({ file: snapshots.file, line: 1, column: 1, message: `could not save snapshots: ${(e as Error).message}` });
      });
      await server.release();
    }
    return anyFailed;
  }

  private settle(a: ActiveRun, r: CaseResult, status: 'passed' | 'failed' | 'skipped', error?: string): void {
    settleResult(a.run, r, status, error);
    a.publish();
  }

  /** The suite's server, started if needed; `release` stops what this run started on its own. */
  private async acquire(
    loaded: LoadedSuite,
    suite: Suite,
    options: RunOptions,
  ): Promise<{ session: ServerSession; release(): Promise<void> } | { error: string }> {
    const s = suite.server;
    if (typeof s === 'string') {
      if (!this.servers.has(s))
        return {
          error: `the suite names server "${s}", which is not in this workspace (mcp-lab.json). Add it, or give the suite its own {"command": …}.`,
        };
      const session = this.servers.get(s);
      if (session.status.state !== 'ready') await session.start();
      if (session.status.state !== 'ready') return { error: `server "${s}" did not start: ${notRunning(session)}` };
      return { session, release: async () => {} };
    }
    if (!options.allowCommands) {
      return {
        error: `this suite starts its own command (${s.command} ${s.args.join(' ')}): run it with \`mcp-lab test\` in a terminal, or point "server" at a workspace server id`,
      };
    }
    const config: ServerConfig = {
      id: `suite-${
        loaded.info.id
          .replace(/[^A-Za-z0-9_-]+/g, '-')
          .replace(/^-+/, '')
          .slice(0, 50) || 'x'
      }`,
      name: loaded.info.name,
      transport: 'stdio',
      command: s.command,
      args: s.args,
      cwd: path.resolve(loaded.dir, s.cwd ?? '.'),
      env: Object.entries(s.env).map(([key, value]) => ({ key, value, secret: false })),
    };
    const session = this.servers.createDetachedSession(config);
    const release = async () => {
      await session.stop('the suite finished');
      session.dispose();
    };
    await session.start();
    if (session.status.state !== 'ready') {
      const why = notRunning(session);
      const tail =
        session.status.state === 'failed' && session.status.stderrTail.length ? `\n${session.status.stderrTail.slice(-5).join('\n')}` : '';
      await release();
      return { error: `the suite's server did not start: ${why.replace(/^the server failed to start: /, '')}${tail}` };
    }
    return { session, release };
  }
}

function settleResult(run: TestRun, r: CaseResult, status: 'passed' | 'failed' | 'skipped', error?: string): void {
  r.status = status;
  if (error) r.error = error;
  if (status === 'passed') run.passed++;
  else if (status === 'failed') run.failed++;
  else run.skipped++;
}
