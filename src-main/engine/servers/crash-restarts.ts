import type { IDisposable } from '../../../src-shared/base/lifecycle';
import type { ServerConfig, ServerStatus } from '../../../src-shared/api/schemas/server';
import type { Clock } from '../base/clock';
import type { ExitFacts } from '../mcp/request-outcome';
import { DEFAULT_RESTART, RestartPolicy, type RestartSettings } from './restart-policy';
import type { ExitInfo, ServerProcess } from './server-process';

/** What bringing a crashed server back does to its session. */
export interface CrashRestartHost {
  readonly clock: Clock;
  config(): ServerConfig;
  status(): ServerStatus;
  setStatus(s: ServerStatus): void;
  lifecycle(level: 'info' | 'error', text: string, data?: unknown): void;
  /** A crash mark on the server's charts. */
  markCrash(text: string): void;
  /** Let go of the run that ended. */
  cleanupRun(): void;
  /** The restart policy's own start (counted as a restart). */
  restart(): void;
}

/** How a process ended, in words, with its last stderr lines. */
export function exitFactsOf(x: ExitInfo, proc: ServerProcess, status: ServerStatus): ExitFacts {
  const how = x.signal ? `killed by ${x.signal}` : `exit code ${x.code}`;
  const why = status.state === 'stopping' ? 'the server was stopped' : 'the server process exited';
  return { exitCode: x.code, signal: x.signal, message: `${why} (${how})`, stderrTail: proc.stderrTail() };
}

/**
 * A server that went away unasked (its process exited, a remote connection was lost) crashed.
 * Bring a crashed server back, with backoff; after too many crashes, stop trying and say why.
 * A person's start or stop starts the count over and cancels a restart that is due.
 */
export class CrashRestarts implements IDisposable {
  private policy: RestartPolicy;
  private timer: IDisposable | undefined;

  constructor(private readonly host: CrashRestartHost) {
    this.policy = new RestartPolicy(restartSettings(host.config()));
  }

  /** Whether an automatic restart is due. */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  /** The configuration changed: its restart settings apply from now. */
  configChanged(): void {
    this.policy = new RestartPolicy(restartSettings(this.host.config()));
  }

  /** A person acted: the crash count starts over. */
  reset(): void {
    this.policy.reset();
  }

  cancel(): void {
    this.timer?.dispose();
    this.timer = undefined;
  }

  /** The run's process exited (a stop, a failed start and a stale run are no crash). */
  processExited(x: ExitInfo, proc: ServerProcess): void {
    const status = this.host.status();
    if (status.state === 'stopping' || status.state === 'failed') return;
    // Exit during the handshake is reported by the start; only a running server "crashes".
    if (status.state === 'starting' && status.phase !== 'listing') return;
    const facts = exitFactsOf(x, proc, status);
    this.host.lifecycle('error', `the server crashed: ${facts.message}`, { stderrTail: facts.stderrTail });
    const since = this.host.clock.now();
    this.host.setStatus({
      state: 'crashed',
      since,
      exitCode: x.code,
      signal: x.signal,
      message: facts.message,
      stderrTail: facts.stderrTail,
    });
    this.host.markCrash(`crashed: ${x.signal ?? `exit ${x.code}`}`);
    this.host.cleanupRun();
    this.afterCrash();
  }

  /** A remote server's connection was lost. */
  connectionLost(message: string): void {
    this.host.setStatus({ state: 'crashed', since: this.host.clock.now(), exitCode: null, signal: null, message, stderrTail: [] });
    this.host.markCrash('connection lost');
    this.host.cleanupRun();
    this.afterCrash();
  }

  /** The server crashed (its status says so): restart it later, or give up on a crash loop. */
  private afterCrash(): void {
    const status = this.host.status();
    if (status.state !== 'crashed') return;
    const stdio = this.host.config().transport === 'stdio';
    const now = status.since; // the crash's own time: announced restart times line up with it
    const decision = this.policy.onCrash(now);
    if (decision.kind === 'restart') {
      this.host.lifecycle(
        'info',
        stdio
          ? `restarting in ${decision.inMs / 1000} s (crash ${decision.attempt} within a minute)`
          : `reconnecting in ${decision.inMs / 1000} s (connection lost ${decision.attempt} time${decision.attempt === 1 ? '' : 's'} within a minute)`,
      );
      this.host.setStatus({ ...status, restartingAt: now + decision.inMs });
      this.timer = this.host.clock.setTimeout(() => {
        this.timer = undefined;
        if (this.host.status().state !== 'crashed') return; // a person acted meanwhile
        this.host.restart();
      }, decision.inMs);
    } else if (decision.kind === 'giveUp') {
      const secs = Math.round(decision.windowMs / 1000);
      const message = stdio
        ? `${status.message}; it crashed ${decision.crashes} times within ${secs} s, so MCP Lab stopped restarting it. Fix the cause (see its last stderr lines) and start it again.`
        : `${status.message}; the connection was lost ${decision.crashes} times within ${secs} s, so MCP Lab stopped reconnecting. Check that the server is up, then start it again.`;
      this.host.lifecycle('error', `crash loop: ${decision.crashes} crashes within ${secs} s, not restarting`);
      this.host.setStatus({ ...status, message, crashLoop: true });
    }
  }

  dispose(): void {
    this.cancel();
  }
}

function restartSettings(config: ServerConfig): RestartSettings {
  const r = config.restart;
  return r ? { onCrash: r.onCrash, maxRestarts: r.maxRestarts, windowMs: r.windowSeconds * 1000 } : DEFAULT_RESTART;
}
