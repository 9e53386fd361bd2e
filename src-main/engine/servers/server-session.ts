import path from 'node:path';
import type { Progress } from '@modelcontextprotocol/sdk/types.js';
import { Emitter } from '../../../src-shared/base/event';
import { Disposable, DisposableStore, type IDisposable } from '../../../src-shared/base/lifecycle';
import type { ServerConfig, ServerHealth, ServerInfo, ServerStatus } from '../../../src-shared/api/schemas/server';
import type { ToolCallOutcome, ToolList } from '../../../src-shared/api/schemas/tool';
import type { CallRequest, ExitFacts, ServerConnection } from '../mcp/mcp-connection';
import type { ClientRequestsHandle } from '../mcp/client-requests';
import { enabledClientFeatures, resolveClientFeatures, type ClientFeatureName } from '../../../src-shared/api/schemas/client-features';
import { ServerCatalog } from './server-catalog';
import { describeStop, ServerProcess, type ExitInfo } from './server-process';
import { DEFAULT_RESTART, RestartPolicy, type RestartSettings } from './restart-policy';
import { buildServerEnv } from './spawn-env';
import { sameRunSettings } from './config-version';
import type { SessionDeps } from './session-deps';
import { createRemoteHost, remoteOAuthStatus, signOutRemote } from './remote-host';
import type { RemoteLink } from '../remote/remote-link';
import { launchStdio, type StdioHost } from './stdio-start';
import { mcpErrorParts } from '../mcp/outcome-errors';
import { PauseGate } from './pause-gate';
import { keptFreshNote, withFreshness } from '../mcp/cache-hints';

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
  /** mcp-lab.json changed the settings while this run was going: it still runs with the old ones. */
  private _changedOnDisk = false;
  /** The settings this run started with. */
  private runConfig: ServerConfig | undefined;

  private proc: ServerProcess | undefined;
  private conn: ServerConnection | undefined;
  /** This server exited when asked server/discover: later starts send initialize first (until its config changes). */
  private probeIntolerant = false;
  private clientRequests: ClientRequestsHandle | undefined;
  private _declared: ClientFeatureName[] | undefined;
  private run: DisposableStore | undefined;
  /** A remote server's connection for this run; undefined for a process. */
  private link: RemoteLink | undefined;
  /** Whether the start in progress is the restart policy's (a failed reconnect then counts as another loss). */
  private automaticStart = false;
  private generation = 0;
  private starting: Promise<void> | undefined;
  private stopping: Promise<void> | undefined;
  private restartPolicy: RestartPolicy;
  private restartTimer: IDisposable | undefined;
  /** Runs start under the debugger (Debug) until a plain Start; restarts and hot reloads keep it. */
  private underDebugger = false;
  /** Held paused by the debugger: timeouts and health checks wait (see pause-gate.ts). */
  readonly pause = new PauseGate(
    () => this.conn,
    () => this._onDidChange.fire(),
  );

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
  /**
   * The client features this run declared in `initialize` (undefined when not running); a 2026-07-28 server
   * gets the current ones with every request.
   */
  get declaredClientFeatures() {
    if (this._declared && this.conn?.era === 'stateless') return enabledClientFeatures(this._config.clientFeatures);
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
  /** OAuth sign-in state of a remote server: during a run from its link, otherwise from the secret store. */
  get oauth() {
    return remoteOAuthStatus(this._config, this.link, this.deps.secrets);
  }

  /** Forget this server's OAuth tokens; a running connection is closed (its token is no longer ours to use). */
  async signOut(): Promise<void> {
    await signOutRemote(this._config, this.link, this.deps);
    if (this.isRunning) await this.stop('signed out');
    this._onDidChange.fire();
  }

  get pid() {
    return this.proc && !this.proc.hasExited ? this.proc.pid : undefined;
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
    this.restartPolicy = new RestartPolicy(restartSettings(config));
    this.clientRequests?.configChanged(resolveClientFeatures(before.clientFeatures), resolveClientFeatures(config.clientFeatures));
    // Another URL or other credentials may list other things: no list is kept for its cache hint.
    if (this._tools?.cache) {
      const { cache: _dropped, ...list } = this._tools;
      this._tools = list;
    }
    this.catalog.forgetCacheHints();
    this._onDidChange.fire();
  }

  /** Start, and resolve when ready or failed. Idempotent while starting or ready. */
  /** `automatic`: the restart policy bringing a crashed server back (a person's start resets its count). */
  /** `debug`: under the language's debugger (true) or not (false); absent: as the last start. */
  start(options: { automatic?: boolean; debug?: boolean } = {}): Promise<void> {
    if (!options.automatic) {
      this.cancelRestart();
      this.restartPolicy.reset();
    }
    if (options.debug !== undefined) this.underDebugger = options.debug;
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
    const cwd = path.resolve(this.deps.workspaceDir, cfg.cwd ?? '.');
    const env = buildServerEnv(cfg.env, (k) => this.deps.secrets.get(cfg.id, k), this.deps.envSource);
    this._envKeys = Object.keys(env).sort();
    // Whatever the server does with its secrets, they do not reach the log (nor exports of it).
    this.deps.logs.setSecrets(
      this.id,
      cfg.env
        .filter((e) => e.secret)
        .map((e) => env[e.key] ?? '')
        .filter(Boolean),
    );
    this._hints = [];
    this.catalog.reset();
    this.setStatus({ state: 'starting', since: clock.now(), phase: 'spawning' });
    this.lifecycle('info', `starting: ${[cfg.command, ...cfg.args].map(quoteArg).join(' ')} (in ${cwd})`);

    let attempt = await launchStdio(this.stdioHost(), gen, cfg, cwd, env, this.probeIntolerant);
    if (attempt?.kind === 'probeClosed') {
      // Some initialize-era servers end on any request before initialize: once, start it again without asking.
      const first = attempt.facts;
      this.lifecycle(
        'warning',
        `${attempt.reason} (${first.message}); starting it once more with initialize only (the handshake of 2024-11-05 … 2025-11-25)`,
        { stderrTail: first.stderrTail },
      );
      attempt = await launchStdio(this.stdioHost(), gen, cfg, cwd, env, true);
      if (attempt?.kind === 'connected') this.probeIntolerant = true;
      else if (attempt === undefined && this._status.state === 'failed' && this._status.kind === 'exitedBeforeHandshake') {
        this.lifecycle('info', 'it exited without the server/discover probe too, so the probe was not the cause');
      }
    }
    if (attempt?.kind !== 'connected' || !this.run) return;
    const { conn, proc } = attempt;
    await this.completeStart(gen, conn, this.run, proc.pid, () => !proc.hasExited);
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
        const run = new DisposableStore();
        run.add({ dispose: () => void link.close() });
        run.add(link);
        this.run = run;
        this.link = link;
        return run;
      },
      adopt: (conn: ServerConnection, requests: ClientRequestsHandle, declared: ClientFeatureName[]) => {
        this.conn = conn;
        this.clientRequests = requests;
        this._declared = declared;
      },
      completeStart: (gen: number, conn: ServerConnection, run: DisposableStore) =>
        this.completeStart(gen, conn, run, undefined, () => true, true),
      crash: (message: string) => {
        this.setStatus({ state: 'crashed', since: this.deps.clock.now(), exitCode: null, signal: null, message, stderrTail: [] });
        this.deps.metrics.mark(this.id, 'crash', 'connection lost');
        this.cleanupRun();
        this.afterCrash();
      },
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
      setStatus: (s) => this.setStatus(s),
      lifecycle: (level, text, data) => this.lifecycle(level, text, data),
      beginRun: () => {
        this.cleanupRun();
        this.run = new DisposableStore();
        return this.run;
      },
      adoptProcess: (proc) => {
        this.proc = proc;
        this._startedAt = this.deps.clock.now();
      },
      adoptConnection: (conn, requests, declared) => {
        this.conn = conn;
        this.clientRequests = requests;
        this._declared = declared;
      },
      addHint: (hint) => {
        this._hints = [...this._hints, hint];
        this._onDidChange.fire();
      },
      exitFacts: (x, proc) => this.exitFacts(x, proc),
      onProcessExit: (gen, x, proc) => void this.onProcessExit(gen, x, proc),
      cleanupRun: () => this.cleanupRun(),
      debugHooks: () =>
        this.underDebugger
          ? {
              onPause: (where) => this.pause.pause(where),
              onResume: () => this.pause.resume(),
              log: (level, text) => this.deps.logs.append(this.id, { source: 'app', level, text }),
            }
          : undefined,
    };
  }

  private async refreshTools(gen: number, emitLifecycle = true, keepFresh = false): Promise<void> {
    const conn = this.conn;
    if (!conn || gen !== this.generation) return;
    const caps = conn.serverInfo.capabilities;
    const kept = keepFresh && caps.tools ? keptFreshNote('tools/list', this._tools?.cache, this.deps.clock.now()) : undefined;
    if (kept) return this.lifecycle('info', kept);
    try {
      const { tools, pages, cache } = caps.tools ? await conn.listTools() : { tools: [], pages: 0, cache: undefined };
      if (gen !== this.generation) return;
      const listedAt = this.deps.clock.now();
      const hint = withFreshness(cache, listedAt);
      this._tools = { serverId: this.id, tools, pages, listedAt, ...(hint ? { cache: hint } : {}) };
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
      this.lifecycle(
        'info',
        this._config.transport === 'stdio'
          ? `restarting in ${decision.inMs / 1000} s (crash ${decision.attempt} within a minute)`
          : `reconnecting in ${decision.inMs / 1000} s (connection lost ${decision.attempt} time${decision.attempt === 1 ? '' : 's'} within a minute)`,
      );
      this.setStatus({ ...status, restartingAt: now + decision.inMs });
      this.restartTimer = this.deps.clock.setTimeout(() => {
        this.restartTimer = undefined;
        if (this._status.state !== 'crashed') return; // a person acted meanwhile
        this._restartCount++;
        void this.start({ automatic: true });
      }, decision.inMs);
    } else if (decision.kind === 'giveUp') {
      const secs = Math.round(decision.windowMs / 1000);
      const message =
        this._config.transport === 'stdio'
          ? `${status.message}; it crashed ${decision.crashes} times within ${secs} s, so MCP Lab stopped restarting it. Fix the cause (see its last stderr lines) and start it again.`
          : `${status.message}; the connection was lost ${decision.crashes} times within ${secs} s, so MCP Lab stopped reconnecting. Check that the server is up, then start it again.`;
      this.lifecycle('error', `crash loop: ${decision.crashes} crashes within ${secs} s, not restarting`);
      this.setStatus({ ...status, message, crashLoop: true });
    }
  }

  private cancelRestart(): void {
    this.restartTimer?.dispose();
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
    const link = this.link;
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
    const run = this.run;
    this.run = undefined;
    this.conn = undefined;
    this.clientRequests = undefined;
    this._declared = undefined;
    this.proc = undefined;
    this.link = undefined;
    run?.dispose();
  }

  listedTools(): ToolList {
    return this._tools ?? { serverId: this.id, tools: [], pages: 0, listedAt: 0 };
  }

  /** The connection while the server is ready; undefined otherwise (callers answer ServerNotReady). */
  get readyConnection(): ServerConnection | undefined {
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

function quoteArg(a: string): string {
  return /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}

function restartSettings(config: ServerConfig): RestartSettings {
  const r = config.restart;
  return r ? { onCrash: r.onCrash, maxRestarts: r.maxRestarts, windowMs: r.windowSeconds * 1000 } : DEFAULT_RESTART;
}
