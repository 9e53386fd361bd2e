import { randomInt } from 'node:crypto';
import { ApiError } from '../../../src-shared/api/errors';
import { Disposable } from '../../../src-shared/base/lifecycle';
import { FuzzSpecSchema, type FuzzFinding, type FuzzRun, type FuzzSpecInput } from '../../../src-shared/api/schemas/fuzz';
import type { TestCase } from '../../../src-shared/api/schemas/testing';
import type { ToolInfo } from '../../../src-shared/api/schemas/tool';
import type { Clock } from '../base/clock';
import { JobRegistry, type JobControl } from '../jobs/job-registry';
import type { LogService } from '../logs/log-service';
import type { ServerManager } from '../servers/server-manager';
import type { ServerSession } from '../servers/server-session';
import { validateValue } from '../../../src-shared/json-schema/validate';
import { observeCall } from './call-observer';
import { addFinding } from './finding-groups';
import { generateInputs, type FuzzInput } from './generators';
import { judgeCall, type Verdict } from './judge';
import { inputSize, shrinkCandidates } from './shrink';

type Json = Record<string, unknown>;
type Observed = NonNullable<Awaited<ReturnType<typeof observeCall>>>;
/** Findings cheap to reproduce are shrunk; crashes and hangs cost a restart or a timeout per try. */
const SHRINKABLE = new Set([
  'invalidAccepted',
  'validationAsProtocolError',
  'protocolErrorOnValidInput',
  'outputSchemaViolation',
  'stderrTraceback',
]);
const MAX_SHRINK_CALLS = 25;
const MAX_RESTARTS = 10;
/** Finished runs stay findable (finished(), a late Stop, the UI's last run) until newer ones push them out. */
const KEEP_FINISHED = 10;

interface ActiveFuzz {
  run: FuzzRun;
  abort: AbortSignal;
  publish(): void;
}

/**
 * Fuzz one tool of a running server from its inputSchema: systematic valid, edge and invalid
 * inputs, then seeded random ones; every call observed and judged; a server that crashes or hangs
 * is restarted and the run goes on. Every call is bounded by the run's timeout.
 */
export class FuzzRunner extends Disposable {
  private readonly jobs: JobRegistry<FuzzRun>;
  readonly onDidChange;

  constructor(
    private readonly servers: ServerManager,
    private readonly logs: LogService,
    private readonly clock: Clock,
  ) {
    super();
    this.jobs = this._register(
      new JobRegistry<FuzzRun>({
        kind: 'fuzz',
        noun: 'fuzz run',
        keepFinished: KEEP_FINISHED,
        clock,
        markCrashed: (run, message) => {
          run.state = 'failed';
          run.reason = `the fuzzer failed: ${message}`;
          run.endedAt ??= this.clock.now();
        },
      }),
    );
    this.onDidChange = this.jobs.onDidChange;
  }

  start(input: FuzzSpecInput): FuzzRun {
    const parsed = FuzzSpecSchema.parse(input);
    const spec = { ...parsed, seed: parsed.seed ?? randomInt(0, 2 ** 31) };
    const session = this.servers.get(spec.serverId);
    if (session.status.state !== 'ready')
      throw new ApiError('ServerNotReady', `server "${session.config.name}" is not running: start it before fuzzing`);
    const tool = session.tools?.tools.find((t) => t.name === spec.toolName);
    if (!tool)
      throw new ApiError(
        'NotFound',
        `server "${session.config.name}" has no tool "${spec.toolName}" (tools: ${session.tools?.tools.map((t) => t.name).join(', ') || 'none'})`,
      );
    const now = this.clock.now();
    const runId = this.jobs.newId();
    const inputs = generateInputs(tool.inputSchema, spec.seed, spec.runs);
    const run: FuzzRun = {
      runId,
      spec,
      state: 'running',
      startedAt: now,
      done: 0,
      total: inputs.length,
      byStatus: {},
      restarts: 0,
      findings: [],
    };
    return this.jobs.start(runId, run, (job) => this.execute(activeFuzz(job), session, tool, inputs));
  }

  /** Stop a run; a run that has just ended answers with its final state. */
  stop(runId: string): FuzzRun {
    return this.jobs.cancel(runId);
  }

  running(): FuzzRun[] {
    return this.jobs.running();
  }

  finished(runId: string): Promise<FuzzRun> {
    return this.jobs.result(runId);
  }

  private async execute(a: ActiveFuzz, session: ServerSession, tool: ToolInfo, inputs: FuzzInput[]): Promise<void> {
    const { run } = a;
    const schemas = { input: tool.inputSchema, output: tool.outputSchema };
    let lastEmit = 0;
    try {
      for (const input of inputs) {
        if (a.abort.aborted) break;
        if (!(await this.ensureReady(a, session))) break;
        const obs = await observeCall(
          session,
          this.logs,
          this.clock,
          { toolName: tool.name, args: input.args, timeoutMs: run.spec.timeoutMs },
          a.abort,
        );
        if (!obs) continue;
        run.done++;
        const status = obs.outcome.status === 'cancelled' && !a.abort.aborted ? 'slow' : obs.outcome.status;
        run.byStatus[status] = (run.byStatus[status] ?? 0) + 1;
        for (const v of judgeCall(input, obs, schemas)) await this.record(a, session, tool, input, v, obs);
        if (obs.outcome.status === 'timeout' && obs.aliveAfterTimeout === false) await this.restart(a, session, true);
        if (this.clock.now() - lastEmit > 250) {
          lastEmit = this.clock.now();
          a.publish();
        }
      }
      run.state = a.abort.aborted ? 'stopped' : run.reason ? 'failed' : 'done';
    } catch (e) {
      run.state = 'failed';
      run.reason = `the fuzzer failed: ${(e as Error).message}`;
    }
    run.endedAt = this.clock.now();
  }

  private async ensureReady(a: ActiveFuzz, session: ServerSession): Promise<boolean> {
    if (session.readyConnection) return true;
    return this.restart(a, session, false);
  }

  private async restart(a: ActiveFuzz, session: ServerSession, hung: boolean): Promise<boolean> {
    if (a.run.restarts >= MAX_RESTARTS) {
      a.run.reason = `stopped after ${MAX_RESTARTS} restarts of the server`;
      return false;
    }
    a.run.restarts++;
    if (hung) await session.restart();
    else await session.start();
    if (session.readyConnection) return true;
    const s = session.status;
    a.run.reason = `the server could not be restarted: ${'message' in s ? s.message : s.state}`;
    return false;
  }

  private async record(a: ActiveFuzz, session: ServerSession, tool: ToolInfo, input: FuzzInput, v: Verdict, obs: Observed): Promise<void> {
    const family = input.generator.startsWith('valid:random') ? 'valid:random' : input.generator;
    const existing = a.run.findings.find(
      (f) => f.kind === v.kind && (f.generator === family || f.kind === 'blocksEventLoop' || f.kind === 'crash' || f.kind === 'hang'),
    );
    if (existing) {
      existing.occurrences++;
      return;
    }
    let shrunk = input.args;
    let steps = 0;
    // The answer shown is the one to the input shown: the shrunk input's own, when it was shrunk.
    let seen = obs;
    let verdict = v;
    if (a.run.spec.shrink && SHRINKABLE.has(v.kind))
      ({ args: shrunk, steps, obs: seen, verdict } = await this.shrink(a, session, tool, input, v, obs));
    const o = seen.outcome;
    const text =
      o.status === 'ok' || o.status === 'toolError'
        ? (o.result.content ?? [])
            .flatMap((c) => (c.type === 'text' ? [c.text] : []))
            .join('\n')
            .slice(0, 500)
        : undefined;
    const finding: FuzzFinding = {
      id: `${a.run.runId}-${a.run.findings.length + 1}`,
      kind: v.kind,
      severity: v.severity,
      title: verdict.title,
      detail: verdict.detail,
      generator: family,
      input: shrunk,
      ...(steps > 0 ? { originalInput: input.args } : {}),
      shrinkSteps: steps,
      occurrences: 1,
      outcome: {
        status: o.status,
        durationMs: o.durationMs,
        ...(o.status === 'protocolError' ? { code: o.code, message: o.message } : {}),
        ...(o.status === 'crashed' ? { message: o.message } : {}),
        ...(text ? { text } : {}),
      },
      ...(seen.stderr.length ? { stderr: seen.stderr.slice(-40) } : {}),
      testCase: suggestedCase(tool.name, v, shrunk),
    };
    addFinding(a.run.findings, finding);
    a.publish();
  }

  /** Smaller inputs that still show the same finding (and stay invalid when invalidity is the point). */
  private async shrink(
    a: ActiveFuzz,
    session: ServerSession,
    tool: ToolInfo,
    input: FuzzInput,
    v: Verdict,
    first: Observed,
  ): Promise<{ args: Json; steps: number; obs: Observed; verdict: Verdict }> {
    const required = new Set(((tool.inputSchema.required as string[] | undefined) ?? []).filter((x) => typeof x === 'string'));
    let best = input.args;
    let bestObs = first;
    let bestVerdict = v;
    let steps = 0;
    let calls = 0;
    const schemas = { input: tool.inputSchema, output: tool.outputSchema };
    outer: while (calls < MAX_SHRINK_CALLS) {
      for (const cand of shrinkCandidates(best, required)) {
        if (calls >= MAX_SHRINK_CALLS || a.abort.aborted) break outer;
        if (inputSize(cand) >= inputSize(best)) continue;
        const valid = validateValue(tool.inputSchema, cand).length === 0;
        if ((input.valid === false) !== !valid) continue; // the same side of the schema
        if (!session.readyConnection) break outer;
        calls++;
        const obs = await observeCall(
          session,
          this.logs,
          this.clock,
          { toolName: tool.name, args: cand, timeoutMs: a.run.spec.timeoutMs },
          a.abort,
        );
        if (!obs) break outer;
        const same = judgeCall({ ...input, args: cand, valid }, obs, schemas).find((x) => x.kind === v.kind);
        if (same) {
          best = cand;
          bestObs = obs;
          bestVerdict = same;
          steps++;
          continue outer;
        }
      }
      break;
    }
    return { args: best, steps, obs: bestObs, verdict: bestVerdict };
  }
}

function activeFuzz(job: JobControl<FuzzRun>): ActiveFuzz {
  return { run: job.snapshot, abort: job.signal, publish: job.publish };
}

/** A test case that pins the finding down: it fails until the server is fixed. */
export function suggestedCase(toolName: string, v: Verdict, args: Json): TestCase {
  const expect: TestCase['expect'] =
    v.kind === 'invalidAccepted' || v.kind === 'validationAsProtocolError'
      ? [{ status: 'toolError' }]
      : v.kind === 'outputSchemaViolation'
        ? [{ status: 'ok' }, { outputSchema: true }]
        : [{ status: ['ok', 'toolError'] }];
  const what: Record<string, string> = {
    crash: 'does not crash',
    hang: 'answers',
    blocksEventLoop: 'answers',
    validationAsProtocolError: 'rejects invalid input with a tool error',
    protocolErrorOnValidInput: 'answers valid input without a protocol error',
    invalidAccepted: 'rejects input outside its schema',
    outputSchemaViolation: 'returns output matching its outputSchema',
    stderrTraceback: 'handles this input',
  };
  return {
    name: `${toolName} ${what[v.kind] ?? 'behaves'} (fuzz: ${JSON.stringify(args).slice(0, 60)})`,
    tool: toolName,
    arguments: args,
    expect,
  };
}
