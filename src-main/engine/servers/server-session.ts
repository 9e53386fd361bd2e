import path from 'node:path';
import type { Progress } from '@modelcontextprotocol/sdk/types.js';
import { Emitter } from '../../../src-shared/base/event';
import { Disposable, DisposableStore } from '../../../src-shared/base/lifecycle';
import type { ServerConfig, ServerHealth, ServerInfo, ServerStatus } from '../../../src-shared/api/schemas/server';
import type { ToolCallOutcome, ToolList } from '../../../src-shared/api/schemas/tool';
import { mcpErrorParts } from '../mcp/outcome-errors';
import { ChildProcessTransport } from '../mcp/child-process-transport';
import { McpConnection, type CallRequest, type ExitFacts } from '../mcp/mcp-connection';
import { attachClientRequests, clientCapabilities, type ClientRequestsHandle } from '../mcp/client-requests';
import { enabledClientFeatures, resolveClientFeatures, type ClientFeatureName } from '../../../src-shared/api/schemas/client-features';
import { RecordingTransport } from '../mcp/recording-transport';
import { ServerCatalog } from './server-catalog';
import { describeStop, ServerProcess, type ExitInfo } from './server-process';
import { DEFAULT_RESTART, RestartPolicy, type RestartSettings } from './restart-policy';
import { SpawnFailure } from './resolve-command';
import { buildServerEnv } from './spawn-env';
import { guessStderrLevel } from './stderr-level';
import type { SessionDeps } from './session-deps';

const STDOUT_HINT =
  'This server writes text that is not MCP to stdout. Over stdio, stdout carries the protocol only: send logs and prints to stderr (Python: print(..., file=sys.stderr) or logging; Node: console.error).';

/**
 * One configured server's life: start (spawn → handshake → list tools), ready, crash or stop.
 * Server faults never throw out of here: they become statuses and log entries a person can read.
 */
export class ServerSession extends Disposable {
  private readonly _onDidChange = this._register(new Emitter<void>());
  readonly onDidChange = this._onDidChange.event;
  private readonly _onDidChangeTools = this._register(new Emitter<ToolList>());
  readonly onDidChangeTools = this._onDidChangeTools.event;
  /** Resources, templates and prompts as last listed, and resource update notifications. */
  readonly catalog: ServerCatalog;

  private _status: ServerStatus = { state: 'stopped' };
  private _info: ServerInfo | undefined;
  private _tools: ToolList | undefined;
  private _hints: string[] = [];
  private _restartCount = 0;
  private _startedAt: number | undefined;
  private _envKeys: string[] | undefined;
  private _health: ServerHealth | undefined;

  private proc: ServerProcess | undefined;
  private conn: McpConnection | undefined;
  private clientRequests: ClientRequestsHandle | undefined;
  private _declared: ClientFeatureName[] | undefined;
  private run: DisposableStore | undefined;
  private generation = 0;
  private starting: Promise<void> | undefined;
  private stopping: Promise<void> | undefined;
  private sawStdoutNoise = false;
  private restartPolicy: RestartPolicy;
  private restartTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private _config: ServerConfig,
    private readonly deps: SessionDeps,
  ) {
    super();
    this.catalog = this._register(new ServerCatalog(_config.id, deps.clock, (level, text) => this.lifecycle(level, text)));
    this.restartPolicy = new RestartPolicy(restartSettings(_config));
    this._register({ dispose: () => this.cancelRestart() });
  }

  get id() {
    return this._config.id;
  }
  get config() {
    return this._config;
  }
  get status() {
    return this._status;
  }
  get info() {
    return this._info;
  }
  get tools() {
    return this._tools;
  }
  get hints() {
    return this._hints;
  }
  get restartCount() {
    return this._restartCount;
  }
  get startedAt() {
    return this._startedAt;
  }
  get envKeys() {
    return this._envKeys;
  }
  /** The client features this run declared in `initialize` (undefined when not running). */
  get declaredClientFeatures() {
    return this._declared;
  }
  get health() {
    return this._health;
  }

  /** The health monitor's verdict; cleared whenever the server (re)starts or stops. */
  recordHealth(h: ServerHealth | undefined): void {
    this._health = h;
    this._onDidChange.fire();
  }
  get pid() {
    return this.proc && !this.proc.hasExited ? this.proc.pid : undefined;
  }
  get isRunning() {
    return this._status.state === 'starting' || this._status.state === 'ready' || this._status.state === 'stopping';
  }

  updateConfig(config: ServerConfig): void {
    const before = this._config;
    this._config = config;
    this.restartPolicy = new RestartPolicy(restartSettings(config));
    this.clientRequests?.configChanged(resolveClientFeatures(before.clientFeatures), resolveClientFeatures(config.clientFeatures));
    this._onDidChange.fire();
  }

  /** Start, and resolve when ready or failed. Idempotent while starting or ready. */
  /** `automatic`: the restart policy bringing a crashed server back (a person's start resets its count). */
  start(options: { automatic?: boolean } = {}): Promise<void> {
    if (!options.automatic) {
      this.cancelRestart();
      this.restartPolicy.reset();
    }
    if (this._status.state === 'ready') return Promise.resolve();
    if (this.starting) return this.starting;
    const p = this.doStart().finally(() => {
      if (this.starting === p) this.starting = undefined;
    });
    this.starting = p;
    return p;
  }

  async restart(): Promise<void> {
    await this.stop('restarting');
    this._restartCount++;
    await this.start();
  }

  async stop(reason = 'stopped by user'): Promise<void> {
    if (this.stopping) return this.stopping;
    this.stopping = this.doStop(reason).finally(() => (this.stopping = undefined));
    return this.stopping;
  }

  private setStatus(s: ServerStatus): void {
    if (s.state !== 'ready') this._health = undefined;
    this._status = s;
    this._onDidChange.fire();
  }

  private lifecycle(level: 'info' | 'warning' | 'error', text: string, data?: unknown): void {
    this.deps.logs.append(this.id, { source: 'lifecycle', level, text, ...(data === undefined ? {} : { data }) });
  }

  private async doStart(): Promise<void> {
    if (this.stopping) await this.stopping;
    const gen = ++this.generation;
    const { clock, logs } = this.deps;
    const cfg = this._config;
    const cwd = path.resolve(this.deps.workspaceDir, cfg.cwd ?? '.');
    const env = buildServerEnv(cfg.env, (k) => this.deps.secrets.get(cfg.id, k), this.deps.envSource);
    this._envKeys = Object.keys(env).sort();
    // Whatever the server does with its secrets, they do not reach the log (nor exports of it).
    this.deps.logs.setSecrets(this.id, cfg.env.filter((e) => e.secret).map((e) => env[e.key] ?? '').filter(Boolean));
    this._hints = [];
    this.sawStdoutNoise = false;
    this.catalog.reset();
    this.setStatus({ state: 'starting', since: clock.now(), phase: 'spawning' });
    this.lifecycle('info', `starting: ${[cfg.command, ...cfg.args].map(quoteArg).join(' ')} (in ${cwd})`);

    const run = new DisposableStore();
    this.run = run;
    let proc: ServerProcess;
    try {
      proc = await ServerProcess.spawn(
        { command: cfg.command, args: cfg.args, cwd, env },
        {
          lifeline: this.deps.lifeline,
          label: this.id,
          processTable: this.deps.processTable,
          onStderrLine: (line) => logs.append(this.id, { source: 'stderr', level: guessStderrLevel(line), text: line }),
        },
      );
    } catch (e) {
      const f = e instanceof SpawnFailure ? e : new SpawnFailure('spawnError', e instanceof Error ? e.message : String(e));
      this.lifecycle('error', `failed to start: ${f.message}`);
      this.setStatus({ state: 'failed', since: clock.now(), kind: f.kind, message: f.message, ...(f.hint ? { hint: f.hint } : {}), stderrTail: [] });
      run.dispose();
      return;
    }
    if (gen !== this.generation) {
      await proc.stop();
      return;
    }
    this.proc = proc;
    run.add(proc);
    this._startedAt = clock.now();
    this.deps.metrics.track(this.id, proc.pid);
    run.add({ dispose: () => this.deps.metrics.untrack(this.id) });
    this.setStatus({ state: 'starting', since: clock.now(), phase: 'handshake', pid: proc.pid });

    const exited: Promise<ExitFacts> = proc.exited.then((x) => this.exitFacts(x, proc));
    const transport = new ChildProcessTransport(proc, {
      onStdoutLine: (line, why) => {
        logs.append(this.id, { source: 'stdout', level: 'warning', text: line });
        if (!this.sawStdoutNoise) {
          this.sawStdoutNoise = true;
          this._hints = [...this._hints, STDOUT_HINT];
          this.deps.logs.append(this.id, {
            source: 'app',
            level: 'warning',
            text: `${STDOUT_HINT} (first line: ${why === 'notJson' ? 'not JSON' : 'JSON but not JSON-RPC'})`,
          });
          this._onDidChange.fire();
        }
      },
      onOversizeLine: (chars, id) =>
        logs.append(this.id, {
          source: 'app',
          level: 'error',
          text: `discarded a stdout line of ${chars} characters (limit ${this.deps.maxMessageBytes} bytes)${id !== undefined ? ` — the response to request #${id}` : ''}`,
        }),
    }, this.deps.maxMessageBytes);
    const tap = new RecordingTransport(
      transport,
      (r) => logs.append(this.id, { source: 'protocol', level: r.isError ? 'error' : r.quiet ? 'debug' : 'info', text: r.text, data: r.data, protocol: r.meta }),
      clock,
    );
    const declared = enabledClientFeatures(cfg.clientFeatures);
    const conn = McpConnection.create(tap, {
      clock,
      serverId: this.id,
      exited,
      capabilities: clientCapabilities(declared),
      ...(this.deps.hardMaxCallMs !== undefined ? { hardMaxCallMs: this.deps.hardMaxCallMs } : {}),
      onServerLog: (level, logger, data) =>
        logs.append(this.id, {
          source: 'notification',
          level,
          text: typeof data === 'string' ? data : JSON.stringify(data),
          data,
          ...(logger ? { logger } : {}),
        }),
    });
    run.add(conn);
    this.conn = conn;
    this._declared = declared;
    this.clientRequests = run.add(
      attachClientRequests(conn, {
        serverId: this.id,
        declared,
        features: () => resolveClientFeatures(this._config.clientFeatures),
        workspaceDir: this.deps.workspaceDir,
        pending: this.deps.clientRequests,
        log: (level, text) => logs.append(this.id, { source: 'app', level, text }),
      }),
    );

    proc.onDidExit((x) => void this.onProcessExit(gen, x, proc));

    try {
      await raceExit(conn.handshake(this.deps.handshakeTimeoutMs), exited);
    } catch (e) {
      if (gen !== this.generation) return;
      await this.failStart(e, proc, exited);
      return;
    }
    if (gen !== this.generation) return;
    this._info = conn.serverInfo;
    this.lifecycle('info', `connected to ${this._info.name} ${this._info.version} (protocol ${this._info.protocolVersion ?? '?'})`);

    const isCurrent = () => gen === this.generation;
    run.add(conn.onDidChangeTools(() => void this.refreshTools(gen)));
    run.add(conn.onDidChangeResources(() => void this.catalog.refreshResources(conn, isCurrent)));
    run.add(conn.onDidChangePrompts(() => void this.catalog.refreshPrompts(conn, isCurrent)));
    run.add(conn.onDidUpdateResource((uri) => this.catalog.resourceUpdated(uri)));
    this.setStatus({ state: 'starting', since: clock.now(), phase: 'listing', pid: proc.pid });
    await Promise.all([this.refreshTools(gen, false), this.catalog.refreshResources(conn, isCurrent, false), this.catalog.refreshPrompts(conn, isCurrent, false)]);
    if (gen !== this.generation || proc.hasExited) return;
    this.setStatus({ state: 'ready', since: clock.now(), pid: proc.pid });
    this.deps.metrics.mark(this.id, this._restartCount > 0 ? 'restart' : 'start', this._restartCount > 0 ? `restarted (#${this._restartCount})` : 'started');
  }

  private async failStart(e: unknown, proc: ServerProcess, exited: Promise<ExitFacts>): Promise<void> {
    const { clock } = this.deps;
    const secs = (this.deps.handshakeTimeoutMs / 1000).toFixed(0);
    if (e instanceof ExitedError || proc.hasExited) {
      const f = await exited;
      this.lifecycle('error', `the server exited before the MCP handshake: ${f.message}`, { stderrTail: f.stderrTail });
      this.setStatus({
        state: 'failed',
        since: clock.now(),
        kind: 'exitedBeforeHandshake',
        message: `the server exited before the MCP handshake (${f.message})`,
        hint: f.stderrTail.length ? 'Its last stderr lines are shown below and in the log.' : 'It wrote nothing to stderr. Run the command in a terminal to see what it does.',
        stderrTail: f.stderrTail,
      });
      this.cleanupRun();
      return;
    }
    const parts = mcpErrorParts(e);
    const timedOut = parts?.code === -32001;
    const message = timedOut
      ? `the server did not answer the MCP initialize request within ${secs} s`
      : `the MCP handshake failed: ${parts?.message ?? (e instanceof Error ? e.message : String(e))}`;
    this.lifecycle('error', message);
    this.setStatus({
      state: 'failed',
      since: clock.now(),
      kind: timedOut ? 'handshakeTimeout' : 'handshakeError',
      message,
      hint: timedOut
        ? 'Is this an MCP server speaking over stdio? A server that serves HTTP instead waits for connections and never answers on stdin.'
        : 'Check that the server speaks MCP over stdio and look at its stderr in the log.',
      stderrTail: proc.stderrTail(),
    });
    await proc.stop({ eofGraceMs: 200, termGraceMs: 1000 });
    this.cleanupRun();
  }

  private async refreshTools(gen: number, emitLifecycle = true): Promise<void> {
    const conn = this.conn;
    if (!conn || gen !== this.generation) return;
    const caps = conn.serverInfo.capabilities;
    try {
      const { tools, pages } = caps.tools ? await conn.listTools() : { tools: [], pages: 0 };
      if (gen !== this.generation) return;
      this._tools = { serverId: this.id, tools, pages, listedAt: this.deps.clock.now() };
      if (emitLifecycle) this.lifecycle('info', `tool list changed: ${tools.length} tools`);
      this._onDidChangeTools.fire(this._tools);
      this._onDidChange.fire();
    } catch (e) {
      if (gen !== this.generation) return;
      const parts = mcpErrorParts(e);
      this.lifecycle('error', `tools/list failed: ${parts?.message ?? (e instanceof Error ? e.message : String(e))}`);
    }
  }

  private exitFacts(x: ExitInfo, proc: ServerProcess): ExitFacts {
    const how = x.signal ? `killed by ${x.signal}` : `exit code ${x.code}`;
    const why = this._status.state === 'stopping' ? 'the server was stopped' : 'the server process exited';
    return { exitCode: x.code, signal: x.signal, message: `${why} (${how})`, stderrTail: proc.stderrTail() };
  }

  private async onProcessExit(gen: number, x: ExitInfo, proc: ServerProcess): Promise<void> {
    if (gen !== this.generation) return;
    if (this._status.state === 'stopping' || this._status.state === 'failed') return;
    const facts = this.exitFacts(x, proc);
    // Exit during the handshake is reported by failStart; only a running server "crashes".
    if (this._status.state === 'starting' && this._status.phase !== 'listing') return;
    this.lifecycle('error', `the server crashed: ${facts.message}`, { stderrTail: facts.stderrTail });
    this.setStatus({
      state: 'crashed',
      since: this.deps.clock.now(),
      exitCode: x.code,
      signal: x.signal,
      message: facts.message,
      stderrTail: facts.stderrTail,
    });
    this.deps.metrics.mark(this.id, 'crash', `crashed: ${x.signal ?? `exit ${x.code}`}`);
    this.cleanupRun();
    this.afterCrash();
  }

  /** Bring a crashed server back, with backoff; after too many crashes, stop trying and say why. */
  private afterCrash(): void {
    const status = this._status;
    if (status.state !== 'crashed') return;
    const now = status.since; // the crash's own time: announced restart times line up with it
    const decision = this.restartPolicy.onCrash(now);
    if (decision.kind === 'restart') {
      this.lifecycle('info', `restarting in ${decision.inMs / 1000} s (crash ${decision.attempt} within a minute)`);
      this.setStatus({ ...status, restartingAt: now + decision.inMs });
      this.restartTimer = setTimeout(() => {
        this.restartTimer = undefined;
        if (this._status.state !== 'crashed') return; // a person acted meanwhile
        this._restartCount++;
        void this.start({ automatic: true });
      }, decision.inMs);
    } else if (decision.kind === 'giveUp') {
      const secs = Math.round(decision.windowMs / 1000);
      const message = `${status.message}; it crashed ${decision.crashes} times within ${secs} s, so MCP Lab stopped restarting it. Fix the cause (see its last stderr lines) and start it again.`;
      this.lifecycle('error', `crash loop: ${decision.crashes} crashes within ${secs} s, not restarting`);
      this.setStatus({ ...status, message, crashLoop: true });
    }
  }

  private cancelRestart(): void {
    clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
  }

  private async doStop(reason: string): Promise<void> {
    const proc = this.proc;
    this.generation++;
    const restartPending = this.restartTimer !== undefined;
    this.cancelRestart();
    if (reason !== 'restarting') this.restartPolicy.reset();
    if (restartPending && this._status.state === 'crashed') {
      this.setStatus({ state: 'stopped', since: this.deps.clock.now(), reason: `${reason} (the automatic restart was cancelled)` });
    }
    if (!proc || proc.hasExited) {
      this.cleanupRun();
      if (this._status.state !== 'failed' && this._status.state !== 'crashed') this.setStatus({ state: 'stopped', since: this.deps.clock.now(), reason });
      return;
    }
    this.setStatus({ state: 'stopping', since: this.deps.clock.now(), pid: proc.pid });
    const report = await proc.stop();
    const text = describeStop(report);
    this.lifecycle(report.how === 'killed' ? 'warning' : 'info', `${reason}: ${text}`);
    this.cleanupRun();
    this.setStatus({ state: 'stopped', since: this.deps.clock.now(), reason: `${reason} — ${text}` });
    if (reason !== 'restarting') this.deps.metrics.mark(this.id, 'stop', report.how === 'killed' ? 'force-killed' : 'stopped');
  }

  private cleanupRun(): void {
    const run = this.run;
    this.run = undefined;
    this.conn = undefined;
    this.clientRequests = undefined;
    this._declared = undefined;
    this.proc = undefined;
    run?.dispose();
  }

  listedTools(): ToolList {
    return this._tools ?? { serverId: this.id, tools: [], pages: 0, listedAt: 0 };
  }

  /** The connection while the server is ready; undefined otherwise (callers answer ServerNotReady). */
  get readyConnection(): McpConnection | undefined {
    return this._status.state === 'ready' ? this.conn : undefined;
  }

  /** Refuses only when there is no connection; everything else is an outcome. */
  callTool(req: CallRequest, signal: AbortSignal, onProgress: (p: Progress) => void): Promise<ToolCallOutcome> | undefined {
    if (this._status.state !== 'ready' || !this.conn) return undefined;
    return this.conn.callTool(req, signal, onProgress);
  }

  override dispose(): void {
    this.generation++;
    this.cleanupRun();
    super.dispose();
  }
}

class ExitedError extends Error {}

async function raceExit<T>(p: Promise<T>, exited: Promise<ExitFacts>): Promise<T> {
  return Promise.race([p, exited.then(() => Promise.reject(new ExitedError('exited')))]);
}

function quoteArg(a: string): string {
  return /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}

function restartSettings(config: ServerConfig): RestartSettings {
  const r = config.restart;
  return r ? { onCrash: r.onCrash, maxRestarts: r.maxRestarts, windowMs: r.windowSeconds * 1000 } : DEFAULT_RESTART;
}
