import path from 'node:path';
import { DisposableStore } from '../../../src-shared/base/lifecycle';
import { enabledClientFeatures, resolveClientFeatures, type ClientFeatureName } from '../../../src-shared/api/schemas/client-features';
import type { ServerConfig, ServerStatus, StdioServerConfig } from '../../../src-shared/api/schemas/server';
import { clientCapabilities, type ClientRequestsHandle } from '../mcp/client-requests';
import type { ExitFacts, ServerConnection } from '../mcp/mcp-connection';
import { connectionLogHooks, STDOUT_HINT, wireStdio } from './connection-wiring';
import { connectEra } from './era-connect';
import { ServerProcess, type ExitInfo } from './server-process';
import { SpawnFailure } from './resolve-command';
import type { SessionDeps } from './session-deps';
import { exitedBeforeHandshake, ExitedError, handshakeFailed, raceExit } from './start-failure';
import { guessStderrLevel } from './stderr-level';
import { buildServerEnv } from './spawn-env';
import type { DebugRunHooks } from '../debug/debug-run';
import { attachDebugger, pausableDeadline, prepareDebug, UNBOUNDED_HANDSHAKE_MS } from './debug-start';
import type { PauseGate } from './pause-gate';

/** What starting a process needs from its session (the session keeps its state private). */
export interface StdioHost {
  readonly id: string;
  readonly deps: SessionDeps;
  /** The configuration now (features may be edited while the server runs). */
  config(): ServerConfig;
  isCurrent(gen: number): boolean;
  status(): ServerStatus;
  setStatus(s: ServerStatus): void;
  /** A new start: these environment keys are passed; earlier hints and lists are forgotten. */
  beginStart(envKeys: string[]): void;
  /** This server exited when asked server/discover before: starts send initialize first (until its config changes). */
  skipsProbe(): boolean;
  markSkipsProbe(): void;
  lifecycle(level: 'info' | 'warning' | 'error', text: string, data?: unknown): void;
  /** End the previous run and begin a new one that owns everything this start creates. */
  beginRun(): DisposableStore;
  adoptProcess(proc: ServerProcess): void;
  adoptConnection(conn: ServerConnection, requests: ClientRequestsHandle | undefined, declared: ClientFeatureName[]): void;
  addHint(hint: string): void;
  exitFacts(x: ExitInfo, proc: ServerProcess): ExitFacts;
  onProcessExit(gen: number, x: ExitInfo, proc: ServerProcess): void;
  cleanupRun(): void;
  /** Start this run under the debugger, with these hooks for its pauses (undefined: a plain start). */
  debugHooks(): DebugRunHooks | undefined;
  /** Held paused by the debugger: the handshake's deadline waits. */
  readonly pause: PauseGate;
}

export type LaunchResult =
  | { kind: 'connected'; conn: ServerConnection; proc: ServerProcess }
  | { kind: 'probeClosed'; reason: string; facts: ExitFacts }
  | undefined;

/**
 * Start a configured process: its environment (secrets kept out of the log), the spawn and the
 * handshake; once more without the server/discover probe when the process ended on it. Undefined
 * when the start failed (the status says why) or was overtaken.
 */
export async function startStdio(
  host: StdioHost,
  gen: number,
  cfg: StdioServerConfig,
): Promise<{ conn: ServerConnection; proc: ServerProcess } | undefined> {
  const { deps } = host;
  const cwd = path.resolve(deps.workspaceDir, cfg.cwd ?? '.');
  const env = buildServerEnv(cfg.env, (k) => deps.secrets.get(cfg.id, k), deps.envSource);
  // Whatever the server does with its secrets, they do not reach the log (nor exports of it).
  deps.logs.setSecrets(
    host.id,
    cfg.env
      .filter((e) => e.secret)
      .map((e) => env[e.key] ?? '')
      .filter(Boolean),
  );
  host.beginStart(Object.keys(env).sort());
  host.setStatus({ state: 'starting', since: deps.clock.now(), phase: 'spawning' });
  host.lifecycle('info', `starting: ${[cfg.command, ...cfg.args].map(quoteArg).join(' ')} (in ${cwd})`);

  let attempt = await launchStdio(host, gen, cfg, cwd, env, host.skipsProbe());
  if (attempt?.kind === 'probeClosed') {
    // Some initialize-era servers end on any request before initialize: once, start it again without asking.
    const first = attempt.facts;
    host.lifecycle(
      'warning',
      `${attempt.reason} (${first.message}); starting it once more with initialize only (the handshake of 2024-11-05 … 2025-11-25)`,
      { stderrTail: first.stderrTail },
    );
    attempt = await launchStdio(host, gen, cfg, cwd, env, true);
    const status = host.status();
    if (attempt?.kind === 'connected') host.markSkipsProbe();
    else if (attempt === undefined && status.state === 'failed' && status.kind === 'exitedBeforeHandshake') {
      host.lifecycle('info', 'it exited without the server/discover probe too, so the probe was not the cause');
    }
  }
  return attempt?.kind === 'connected' ? attempt : undefined;
}

/**
 * Spawn the process, pick the protocol era and complete the handshake. Undefined when the start
 * failed (the status says why) or was overtaken; `probeClosed` when the process went away while
 * asked server/discover (the caller tries once more without the probe).
 */
export async function launchStdio(
  host: StdioHost,
  gen: number,
  cfg: StdioServerConfig,
  cwd: string,
  env: Record<string, string>,
  skipProbe: boolean,
): Promise<LaunchResult> {
  const { deps, id } = host;
  const { clock, logs } = deps;
  const debug = await prepareDebug(host, cfg, cwd, env);
  if (debug === null) return undefined;
  const run = host.beginRun();
  let proc: ServerProcess;
  try {
    proc = await ServerProcess.spawn(
      debug ? { command: debug.command, args: debug.args, cwd, env: debug.env } : { command: cfg.command, args: cfg.args, cwd, env },
      {
        lifeline: deps.lifeline,
        label: id,
        processTable: deps.processTable,
        onStderrLine: (line) => {
          debug?.onStderrLine?.(line);
          logs.append(id, { source: 'stderr', level: guessStderrLevel(line), text: line });
        },
        onSurvivors: (pids) => {
          const what = `process${pids.length === 1 ? '' : 'es'} ${pids.join(', ')}`;
          logs.append(id, {
            source: 'lifecycle',
            level: 'warning',
            text: `could not end ${what} this server left running outside its process group`,
          });
          host.addHint(
            `This server left ${what} running that MCP Lab could not end (another user's, or one that changed its identity). End ${pids.length === 1 ? 'it' : 'them'} with kill.`,
          );
        },
      },
    );
  } catch (e) {
    const f = e instanceof SpawnFailure ? e : new SpawnFailure('spawnError', e instanceof Error ? e.message : String(e));
    // Where the working directory is set differs by shell: the process layer only knows it is missing.
    const hint = f.kind === 'cwdMissing' ? deps.wording.fixWorkingDirectory : f.hint;
    host.lifecycle('error', `failed to start: ${f.message}`);
    host.setStatus({ state: 'failed', since: clock.now(), kind: f.kind, message: f.message, ...(hint ? { hint } : {}), stderrTail: [] });
    run.dispose();
    return undefined;
  }
  if (!host.isCurrent(gen)) {
    await proc.stop();
    return undefined;
  }
  run.add(proc);
  host.adoptProcess(proc);
  deps.metrics.track(id, proc.pid);
  run.add({ dispose: () => deps.metrics.untrack(id) });
  host.setStatus({ state: 'starting', since: clock.now(), phase: 'handshake', pid: proc.pid });

  const exited: Promise<ExitFacts> = proc.exited.then((x) => host.exitFacts(x, proc));
  if (debug && !(await attachDebugger(host, gen, debug, proc, exited, run))) return undefined;
  const tap = wireStdio(proc, {
    serverId: id,
    logs,
    clock,
    maxMessageBytes: deps.maxMessageBytes,
    onFirstStdoutNoise: () => host.addHint(STDOUT_HINT),
  });
  const declared = enabledClientFeatures(cfg.clientFeatures);
  const hooks = connectionLogHooks(id, logs);
  proc.onDidExit((x) => host.onProcessExit(gen, x, proc));

  let result: Awaited<ReturnType<typeof connectEra>>;
  // Under the debugger a breakpoint may hold the program before it answers: its deadline waits then.
  const deadline = debug ? pausableDeadline(host.pause, clock, deps.handshakeTimeoutMs) : undefined;
  try {
    const connecting = connectEra({
      tap,
      exited,
      pin: cfg.protocol ?? 'auto',
      handshakeTimeoutMs: deadline ? UNBOUNDED_HANDSHAKE_MS : deps.handshakeTimeoutMs,
      skipProbe,
      enabledFeatures: () => enabledClientFeatures(host.config().clientFeatures),
      connection: {
        clock,
        serverId: id,
        exited,
        wording: deps.wording,
        capabilities: clientCapabilities(declared),
        ...(deps.hardMaxCallMs !== undefined ? { hardMaxCallMs: deps.hardMaxCallMs } : {}),
        ...hooks,
      },
      requests: {
        serverId: id,
        declared,
        features: () => resolveClientFeatures(host.config().clientFeatures),
        workspaceDir: deps.workspaceDir,
        pending: deps.clientRequests,
        log: hooks.log,
        wording: deps.wording,
      },
      onConnection: (conn, requests) => {
        run.add(conn);
        host.adoptConnection(conn, run.add(requests), declared);
      },
    });
    result = await raceExit(deadline ? Promise.race([connecting, deadline.expired]) : connecting, exited);
  } catch (e) {
    if (!host.isCurrent(gen)) return undefined;
    // An exit right after the probe (it answered, then ended): the probe may be why.
    if (!skipProbe && (e instanceof ExitedError || proc.hasExited) && (cfg.protocol ?? 'auto') === 'auto') {
      return { kind: 'probeClosed', reason: 'the server exited after MCP Lab asked server/discover', facts: await exited };
    }
    await failStart(host, e, proc, exited);
    return undefined;
  } finally {
    deadline?.dispose();
  }
  if (!host.isCurrent(gen)) return undefined;
  if (result.kind === 'probeClosed') return { kind: 'probeClosed', reason: result.reason, facts: await exited };
  return { kind: 'connected', conn: result.conn, proc };
}

async function failStart(host: StdioHost, e: unknown, proc: ServerProcess, exited: Promise<ExitFacts>): Promise<void> {
  const now = host.deps.clock.now();
  if (e instanceof ExitedError || proc.hasExited) {
    const f = await exited;
    host.lifecycle('error', `the server exited before the MCP handshake: ${f.message}`, { stderrTail: f.stderrTail });
    host.setStatus(exitedBeforeHandshake(f, now));
    host.cleanupRun();
    return;
  }
  // The stderr tail is taken once the process is gone: a server still booting when the handshake
  // gave up writes its first lines (often the reason) only then.
  await proc.stop({ eofGraceMs: 200, termGraceMs: 1000 });
  const status = handshakeFailed(e, host.deps.handshakeTimeoutMs, now, proc.stderrTail(), host.deps.wording);
  host.lifecycle('error', status.message);
  host.setStatus(status);
  host.cleanupRun();
}

function quoteArg(a: string): string {
  return /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}
