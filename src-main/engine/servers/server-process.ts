import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { Emitter } from '../../../src-shared/base/event';
import { Disposable } from '../../../src-shared/base/lifecycle';
import { LineSplitter } from '../base/line-splitter';
import type { ProcessTable } from '../metrics/process-table';
import { endMarked, newServerMarker, SERVER_MARKER_KEY } from './escaped-processes';
import type { Lifeline } from './lifeline';
import { boundedWait } from '../base/bounded-wait';
import { groupAlive, pidAlive, signalGroup, waitUntil } from './process-group';
import { checkCwd, resolveCommand, SpawnFailure } from './resolve-command';

export interface SpawnSpec {
  command: string;
  args: string[];
  /** Absolute. */
  cwd: string;
  env: Record<string, string>;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface StopOptions {
  /** Time to exit on its own after stdin closes. */
  eofGraceMs?: number;
  /** Time to exit after SIGTERM to the group. */
  termGraceMs?: number;
}

export interface StopReport {
  how: 'alreadyExited' | 'stdinClosed' | 'terminated' | 'killed';
  afterMs: number;
  exit: ExitInfo;
  /** Processes the server left outside its group (daemons) that could not be ended. */
  survivors?: number[];
}

export interface ServerProcessDeps {
  lifeline: Lifeline;
  /** Names the process in reports about it (the server id). */
  label?: string;
  processTable: ProcessTable;
  onStderrLine: (line: string) => void;
  /** Processes the server left behind that could not be ended (the caller shows them). */
  onSurvivors?: (pids: number[]) => void;
  stderrTailLines?: number;
  /** Longest stderr line we keep whole (longer lines are cut, with the length noted). */
  maxStderrLineChars?: number;
}

const STDERR_LINE_CAP = 64 * 1024;

/**
 * One server process: spawned in its own process group with an explicit environment, stderr
 * always drained, exit taken from the direct child's `exit` event, and a bounded stop that takes
 * the whole group down. It knows nothing of MCP: the transport reads its stdout.
 */
export class ServerProcess extends Disposable {
  private readonly _onDidExit = this._register(new Emitter<ExitInfo>());
  readonly onDidExit = this._onDidExit.event;

  readonly pid: number;
  private exitInfo: ExitInfo | undefined;
  readonly exited: Promise<ExitInfo>;
  private resolveExited!: (e: ExitInfo) => void;
  private readonly tail: string[] = [];
  private readonly tailMax: number;
  private stopping: Promise<StopReport> | undefined;

  static async spawn(spec: SpawnSpec, deps: ServerProcessDeps): Promise<ServerProcess> {
    await checkCwd(spec.cwd);
    const resolved = await resolveCommand(spec.command, spec.env, spec.cwd);
    // Inherited by every descendant, even one that leaves the group: how its daemons are found.
    const marker = newServerMarker();
    const child = spawn(resolved, spec.args, {
      cwd: spec.cwd,
      env: { ...spec.env, [SERVER_MARKER_KEY]: marker },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: process.platform !== 'win32', // own process group: stop and cleanup reach grandchildren
      shell: false,
      windowsHide: true,
    });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', () => resolve());
      child.once('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT')
          reject(new SpawnFailure('commandNotFound', `command "${spec.command}" could not be started: ${e.message}`));
        else if (e.code === 'EACCES')
          reject(new SpawnFailure('notExecutable', `command "${spec.command}" is not executable: ${e.message}`));
        else reject(new SpawnFailure('spawnError', `command "${spec.command}" could not be started: ${e.message}`));
      });
    });
    return new ServerProcess(child, deps, marker);
  }

  private survivors: number[] = [];

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly deps: ServerProcessDeps,
    /** The environment marker of this server's processes. */
    readonly marker: string,
  ) {
    super();
    this.pid = child.pid!;
    this.tailMax = deps.stderrTailLines ?? 30;
    this.exited = new Promise((r) => (this.resolveExited = r));
    deps.lifeline.add(this.pid, deps.label, marker);

    const maxErr = deps.maxStderrLineChars ?? STDERR_LINE_CAP;
    const stderrLines = new LineSplitter(
      maxErr,
      (line) => this.onStderr(line),
      (head, chars) => this.onStderr(`${head.slice(0, 200)}… (line of ${chars} characters cut)`),
    );
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (c: string) => stderrLines.push(c));
    child.stderr.on('end', () => stderrLines.end());
    // An exiting server breaks the pipe under a write in flight; that is reported as the exit, not as an error.
    child.stdin.on('error', () => {});
    child.stdout.on('error', () => {});
    child.stderr.on('error', () => {});

    child.once('exit', (code, signal) => void this.onExit({ code, signal }));
  }

  get stdout() {
    return this.child.stdout;
  }

  get stdin() {
    return this.child.stdin;
  }

  get hasExited(): boolean {
    return this.exitInfo !== undefined;
  }

  get exitStatus(): ExitInfo | undefined {
    return this.exitInfo;
  }

  stderrTail(): string[] {
    return [...this.tail];
  }

  private onStderr(line: string): void {
    const cut = line.length > STDERR_LINE_CAP ? line.slice(0, STDERR_LINE_CAP) : line;
    this.tail.push(cut);
    if (this.tail.length > this.tailMax) this.tail.shift();
    this.deps.onStderrLine(cut);
  }

  private async onExit(info: ExitInfo): Promise<void> {
    // The last stderr lines (a traceback) usually arrive just after the exit: wait for the pipes to
    // end, but never long. A grandchild holding the pipe open must not delay the report.
    const ended = (s: NodeJS.ReadableStream & { readableEnded?: boolean }) =>
      s.readableEnded ? Promise.resolve() : new Promise<void>((r) => s.once('end', () => r()));
    const pipesEnded = Promise.all([ended(this.child.stderr), ended(this.child.stdout)]).then(() => true);
    if (!(await boundedWait(pipesEnded, 150, false))) {
      // The wait is wall-clock time, and a busy or descheduled MCP Lab can spend all of it without
      // reading: let one more round of I/O take what is already in the pipes before they are closed.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    this.exitInfo = info;
    this.child.stdout.destroy();
    this.child.stderr.destroy();
    this.child.stdin.destroy();
    this.resolveExited(info);
    this._onDidExit.fire(info);
    // The direct child is gone; whatever it left in its group goes too.
    if (!this.stopping) void this.sweepGroup();
  }

  /** stdin EOF → grace → SIGTERM to the group → grace → SIGKILL to the group. Bounded; safe to call twice. */
  stop(options: StopOptions = {}): Promise<StopReport> {
    this.stopping ??= this.doStop(options);
    return this.stopping;
  }

  private async doStop({ eofGraceMs = 1000, termGraceMs = 2000 }: StopOptions): Promise<StopReport> {
    const t0 = performance.now();
    const elapsed = () => Math.round(performance.now() - t0);
    if (this.exitInfo) {
      await this.sweepGroup();
      return { how: 'alreadyExited', afterMs: 0, exit: this.exitInfo };
    }
    // Descendants that left the group (setsid) are still ours: note them before anything exits.
    const descendants = (await this.deps.processTable.tree(this.pid).catch(() => [])).map((p) => p.pid).filter((p) => p !== this.pid);

    let how: StopReport['how'] = 'stdinClosed';
    this.child.stdin.end();
    if (!(await this.waitExit(eofGraceMs))) {
      how = 'terminated';
      signalGroup(this.pid, 'SIGTERM');
      for (const p of descendants) trySignal(p, 'SIGTERM');
      if (!(await this.waitExit(termGraceMs))) {
        how = 'killed';
        signalGroup(this.pid, 'SIGKILL');
        await this.waitExit(2000);
      }
    }
    await this.sweepGroup();
    for (const p of descendants) if (pidAlive(p)) trySignal(p, 'SIGKILL');
    const exit = this.exitInfo ?? { code: null, signal: 'SIGKILL' as NodeJS.Signals };
    return { how, afterMs: elapsed(), exit, ...(this.survivors.length ? { survivors: this.survivors } : {}) };
  }

  private async waitExit(ms: number): Promise<boolean> {
    if (this.exitInfo) return true;
    return boundedWait(
      this.exited.then(() => true),
      ms,
      false,
    );
  }

  private async sweepGroup(): Promise<void> {
    if (process.platform !== 'win32' && groupAlive(this.pid)) {
      signalGroup(this.pid, 'SIGTERM');
      if (!(await waitUntil(() => !groupAlive(this.pid), 500))) signalGroup(this.pid, 'SIGKILL');
      await waitUntil(() => !groupAlive(this.pid), 1000);
    }
    // Daemons that left the group (setsid) still carry the marker: they end with their server.
    this.survivors = await endMarked(this.marker).catch(() => []);
    if (this.survivors.length) this.deps.onSurvivors?.(this.survivors);
    this.deps.lifeline.remove(this.pid);
  }

  override dispose(): void {
    if (!this.exitInfo) signalGroup(this.pid, 'SIGKILL');
    super.dispose();
  }
}

function trySignal(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // gone already
  }
}

export function describeStop(r: StopReport): string {
  const secs = `${(r.afterMs / 1000).toFixed(1)} s`;
  switch (r.how) {
    case 'alreadyExited':
      return 'stopped (the process had already exited)';
    case 'stdinClosed':
      return `stopped (exited when its input closed, after ${secs})`;
    case 'terminated':
      return `stopped with SIGTERM after ${secs} (it ignored its input closing)`;
    case 'killed':
      return `force-killed after ${secs} (it ignored its input closing and SIGTERM)`;
  }
}
