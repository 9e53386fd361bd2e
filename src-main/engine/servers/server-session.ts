import type { Progress } from '@modelcontextprotocol/sdk/types.js';
import { Emitter } from '../../../src-shared/base/event';
import { Disposable, type DisposableStore } from '../../../src-shared/base/lifecycle';
import type { ServerConfig, ServerHealth, ServerInfo, ServerStatus } from '../../../src-shared/api/schemas/server';
import type { ToolCallOutcome, ToolList } from '../../../src-shared/api/schemas/tool';
import type { CallRequest, ServerConnection } from '../mcp/mcp-connection';
import type { ClientRequestsHandle } from '../mcp/client-requests';
import { enabledClientFeatures, resolveClientFeatures, type ClientFeatureName } from '../../../src-shared/api/schemas/client-features';
import { ServerCatalog } from './server-catalog';
import { describeStop } from './server-process';
import { CrashRestarts, exitFactsOf } from './crash-restarts';
import { sameRunSettings } from './config-version';
import type { SessionDeps } from './session-deps';
import { createRemoteHost, remoteOAuthStatus, signOutRemote } from './remote-host';
import type { RemoteLink } from '../remote/remote-link';
import { startStdio, type StdioHost } from './stdio-start';
import { DebugMode } from './debug-mode';
import { SessionToolList } from './session-tool-list';
import { SessionRun } from './session-run';

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
  private readonly toolList: SessionToolList;
  private _hints: string[] = [];
  private _restartCount = 0;
  private _startedAt: number | undefined;
  private _envKeys: string[] | undefined;
  private _health: ServerHealth | undefined;
  /** mcp-lab.json changed the settings while this run was going: it still runs with the old ones. */
  private _changedOnDisk = false;
  /** The settings this run started with. */
  private runConfig: ServerConfig | undefined;

  /** The process or link, connection and request answerer of the run going on now. */
  private readonly current = new SessionRun();
  /** This server exited when asked server/discover: later starts send initialize first (until its config changes). */
  private probeIntolerant = false;
  /** Whether the start in progress is the restart policy's (a failed reconnect then counts as another loss). */
  private automaticStart = false;
  private generation = 0;
  private starting: Promise<void> | undefined;
  private stopping: Promise<void> | undefined;
  private readonly restarts: CrashRestarts;
  /** Runs start under the debugger (Debug) until a plain Start; restarts and hot reloads keep it. */
  private readonly debugMode: DebugMode;

  constructor(
    private _config: ServerConfig,
    private readonly deps: SessionDeps,
  ) {
    super();
    this.catalog = this._register(new ServerCatalog(_config.id, deps.clock, (level, text) => this.lifecycle(level, text)));
    this.toolList = new SessionToolList({
      serverId: _config.id,
      clock: deps.clock,
      lifecycle: (level, text) => this.lifecycle(level, text),
      listed: (list) => {
        this._onDidChangeTools.fire(list);
        this._onDidChange.fire();
      },
    });
    this.restarts = this._register(
      new CrashRestarts({
        clock: deps.clock,
        config: () => this._config,
        status: () => this._status,
        setStatus: (s) => this.setStatus(s),
        lifecycle: (level, text, data) => this.lifecycle(level, text, data),
        markCrash: (text) => this.deps.metrics.mark(this.id, 'crash', text),
        cleanupRun: () => this.cleanupRun(),
        restart: () => {
          this._restartCount++;
          void this.start({ automatic: true });
        },
      }),
    );
    this.debugMode = new DebugMode(
      _config.id,
      deps.logs,
      () => this.current.conn,
      () => this._onDidChange.fire(),
    );
  }

  /** Held paused by the debugger: timeouts and health checks wait (see pause-gate.ts). */
  get pause() {
    return this.debugMode.pause;
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
    return this.toolList.current;
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
  /**
   * The client features this run declared in `initialize` (undefined when not running); a 2026-07-28 server
   * gets the current ones with every request.
   */
  get declaredClientFeatures() {
    const declared = this.current.declared;
    if (declared && this.current.conn?.era === 'stateless') return enabledClientFeatures(this._config.clientFeatures);
    return declared;
  }
  get health() {
    return this._health;
  }

  /** The health monitor's verdict; cleared whenever the server (re)starts or stops. */
  recordHealth(h: ServerHealth | undefined): void {
    this._health = h;
    this._onDidChange.fire();
  }
  /** OAuth sign-in state of a remote server: during a run from its link, otherwise from the secret store. */
  get oauth() {
    return remoteOAuthStatus(this._config, this.current.link, this.deps.secrets);
  }

  /** Forget this server's OAuth tokens; a running connection is closed (its token is no longer ours to use). */
  async signOut(): Promise<void> {
    await signOutRemote(this._config, this.current.link, this.deps);
    if (this.isRunning) await this.stop('signed out');
    this._onDidChange.fire();
  }

  get pid() {
    const proc = this.current.proc;
    return proc && !proc.hasExited ? proc.pid : undefined;
  }
  get isRunning() {
    return this._status.state === 'starting' || this._status.state === 'ready' || this._status.state === 'stopping';
  }

  /** Settings changed in mcp-lab.json outside MCP Lab while it runs; cleared by the next start. */
  get configChangedOnDisk(): boolean {
    return this._changedOnDisk && this.isRunning && this.runConfig !== undefined && !sameRunSettings(this.runConfig, this._config);
  }

  /** `disk`: the change came from mcp-lab.json, edited outside MCP Lab. */
  updateConfig(config: ServerConfig, source: 'app' | 'disk' = 'app'): void {
    const before = this._config;
    this._config = config;
    if (source === 'disk' && this.isRunning) this._changedOnDisk = true;
    this.probeIntolerant = false;
    this.restarts.configChanged();
    this.current.requests?.configChanged(resolveClientFeatures(before.clientFeatures), resolveClientFeatures(config.clientFeatures));
    this.toolList.forgetCacheHint();
    this.catalog.forgetCacheHints();
    this._onDidChange.fire();
  }

  /**
   * Start, and resolve when ready or failed. Idempotent while starting or ready. `automatic`: the restart policy
   * bringing a crashed server back (a person's start resets its count). `debug`: under the language's debugger
   * (true) or not (false); absent: as the last start.
   */
  start(options: { automatic?: boolean; debug?: boolean } = {}): Promise<void> {
    if (!options.automatic) {
      this.restarts.cancel();
      this.restarts.reset();
    }
    this.debugMode.choose(options.debug);
    if (this._status.state === 'ready') return Promise.resolve();
    if (this.starting) return this.starting;
    this.automaticStart = options.automatic ?? false;
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
    const { clock } = this.deps;
    const cfg = this._config;
    this._changedOnDisk = false;
    this.runConfig = cfg;
    // Fail closed: never start without a secret the store could not give (or must not give yet).
    const secretProblem = await this.deps.secrets.startProblem?.(cfg);
    if (gen !== this.generation) return;
    if (secretProblem) {
      this.lifecycle('error', `not started: ${secretProblem}`);
      this.setStatus({ state: 'failed', since: clock.now(), kind: 'secretsUnavailable', message: secretProblem, stderrTail: [] });
      return;
    }
    // A remote server: nothing to spawn; connect by URL (remote/remote-start.ts).
    // Loaded on first use: HTTP transports and OAuth are a cost a process-only run should not pay.
    if (cfg.transport !== 'stdio') {
      const { startRemote } = await import('../remote/remote-start');
      return startRemote(createRemoteHost(this, this.deps, this.remoteAccess(), this.automaticStart), gen, cfg);
    }
    const started = await startStdio(this.stdioHost(), gen, cfg);
    const run = this.current.store;
    if (!started || !run) return;
    const { conn, proc } = started;
    await this.completeStart(gen, conn, run, proc.pid, () => !proc.hasExited);
  }

  /** After the handshake, for a process or a remote server: listen for changes, list, then ready. */
  /** `keepFresh`: a remote server's new connection keeps the lists whose cache hint still holds (a process may be new code). */
  private async completeStart(
    gen: number,
    conn: ServerConnection,
    run: DisposableStore,
    pid: number | undefined,
    alive: () => boolean,
    keepFresh = false,
  ): Promise<void> {
    const { clock } = this.deps;
    this._info = conn.serverInfo;
    this.lifecycle(
      'info',
      `connected to ${this._info.name} ${this._info.version} (protocol ${this._info.protocolVersion ?? '?'}, ${this._info.era === 'stateless' ? 'stateless era' : 'initialize era'}: ${this._info.eraReason ?? 'negotiated'})`,
    );

    const isCurrent = () => gen === this.generation;
    run.add(conn.onDidChangeTools(() => void this.refreshTools(gen)));
    run.add(conn.onDidChangeResources(() => void this.catalog.refreshResources(conn, isCurrent)));
    run.add(conn.onDidChangePrompts(() => void this.catalog.refreshPrompts(conn, isCurrent)));
    run.add(conn.onDidUpdateResource((uri) => this.catalog.resourceUpdated(uri)));
    this.setStatus({ state: 'starting', since: clock.now(), phase: 'listing', ...(pid !== undefined ? { pid } : {}) });
    await Promise.all([
      this.refreshTools(gen, false, keepFresh),
      this.catalog.refreshResources(conn, isCurrent, false, keepFresh),
      this.catalog.refreshPrompts(conn, isCurrent, false, keepFresh),
    ]);
    if (gen !== this.generation || !alive()) return;
    this.setStatus({ state: 'ready', since: clock.now(), ...(pid !== undefined ? { pid } : {}) });
    this.deps.metrics.mark(
      this.id,
      this._restartCount > 0 ? 'restart' : 'start',
      this._restartCount > 0 ? `restarted (#${this._restartCount})` : 'started',
    );
  }

  /** What remote/remote-start.ts may touch of this session (see servers/remote-host.ts). */
  private remoteAccess() {
    return {
      generation: () => this.generation,
      setStatus: (s: ServerStatus) => this.setStatus(s),
      lifecycle: (level: 'info' | 'warning' | 'error', text: string) => this.lifecycle(level, text),
      changed: () => this._onDidChange.fire(),
      beginRun: (link: RemoteLink) => {
        this.cleanupRun();
        this._hints = [];
        this._envKeys = undefined;
        this.catalog.reset();
        return this.current.beginRemote(link);
      },
      adopt: (conn: ServerConnection, requests: ClientRequestsHandle, declared: ClientFeatureName[]) =>
        this.current.adoptConnection(conn, requests, declared),
      completeStart: (gen: number, conn: ServerConnection, run: DisposableStore) =>
        this.completeStart(gen, conn, run, undefined, () => true, true),
      crash: (message: string) => this.restarts.connectionLost(message),
      cleanupRun: () => this.cleanupRun(),
    };
  }

  /** What stdio-start.ts may touch of this session. */
  private stdioHost(): StdioHost {
    return {
      id: this.id,
      deps: this.deps,
      config: () => this._config,
      isCurrent: (gen) => gen === this.generation,
      status: () => this._status,
      setStatus: (s) => this.setStatus(s),
      beginStart: (envKeys) => {
        this._envKeys = envKeys;
        this._hints = [];
        this.catalog.reset();
      },
      skipsProbe: () => this.probeIntolerant,
      markSkipsProbe: () => (this.probeIntolerant = true),
      lifecycle: (level, text, data) => this.lifecycle(level, text, data),
      beginRun: () => {
        this.cleanupRun();
        return this.current.beginProcess();
      },
      adoptProcess: (proc) => {
        this.current.adoptProcess(proc);
        this._startedAt = this.deps.clock.now();
      },
      adoptConnection: (conn, requests, declared) => {
        this.current.adoptConnection(conn, requests, declared);
        this.pause.connected();
      },
      addHint: (hint) => {
        this._hints = [...this._hints, hint];
        this._onDidChange.fire();
      },
      exitFacts: (x, proc) => exitFactsOf(x, proc, this._status),
      onProcessExit: (gen, x, proc) => {
        if (gen === this.generation) this.restarts.processExited(x, proc);
      },
      cleanupRun: () => this.cleanupRun(),
      debugHooks: () => this.debugMode.hooks(),
      pause: this.pause,
    };
  }

  private async refreshTools(gen: number, emitLifecycle = true, keepFresh = false): Promise<void> {
    const conn = this.current.conn;
    if (!conn || gen !== this.generation) return;
    await this.toolList.refresh(conn, () => gen === this.generation, emitLifecycle, keepFresh);
  }

  private async doStop(reason: string): Promise<void> {
    const { proc, link } = this.current;
    this.generation++;
    const restartPending = this.restarts.pending;
    this.restarts.cancel();
    if (reason !== 'restarting') this.restarts.reset();
    if (restartPending && this._status.state === 'crashed') {
      this.setStatus({ state: 'stopped', since: this.deps.clock.now(), reason: `${reason} (the automatic restart was cancelled)` });
    }
    if (link) {
      // A remote server: end the session (bounded) and close the connection; nothing to kill.
      this.setStatus({ state: 'stopping', since: this.deps.clock.now() });
      const how = await link.close();
      this.lifecycle('info', `${reason}: ${how}`);
      this.cleanupRun();
      this.setStatus({ state: 'stopped', since: this.deps.clock.now(), reason: `${reason} — ${how}` });
      if (reason !== 'restarting') this.deps.metrics.mark(this.id, 'stop', 'disconnected');
      return;
    }
    if (!proc || proc.hasExited) {
      this.cleanupRun();
      if (this._status.state !== 'failed' && this._status.state !== 'crashed')
        this.setStatus({ state: 'stopped', since: this.deps.clock.now(), reason });
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
    this.pause.resume();
    this.current.end();
  }

  listedTools(): ToolList {
    return this.toolList.listed();
  }

  /** The connection while the server is ready; undefined otherwise (callers answer ServerNotReady). */
  get readyConnection(): ServerConnection | undefined {
    return this._status.state === 'ready' ? this.current.conn : undefined;
  }

  /** Refuses only when there is no connection; everything else is an outcome. */
  callTool(req: CallRequest, signal: AbortSignal, onProgress: (p: Progress) => void): Promise<ToolCallOutcome> | undefined {
    const conn = this.current.conn;
    if (this._status.state !== 'ready' || !conn) return undefined;
    return conn.callTool(req, signal, onProgress);
  }

  override dispose(): void {
    this.generation++;
    this.cleanupRun();
    super.dispose();
  }
}
