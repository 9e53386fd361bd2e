import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { DisposableStore, IDisposable } from '../../../src-shared/base/lifecycle';
import type { Clock } from '../base/clock';
import type { StdioServerConfig } from '../../../src-shared/api/schemas/server';
import type { PreparedDebug } from '../debug/debug-service';
import { DebugLaunchError } from '../debug/python-launch';
import type { ExitFacts } from '../mcp/mcp-connection';
import type { PauseGate } from './pause-gate';
import type { ServerProcess } from './server-process';
import { raceExit } from './start-failure';
import type { StdioHost } from './stdio-start';

/**
 * The debugger's part of a start. Undefined: a plain start; null: it cannot run under the debugger
 * (the status says why and what to do).
 */
export async function prepareDebug(
  host: StdioHost,
  cfg: StdioServerConfig,
  cwd: string,
  env: Record<string, string>,
): Promise<PreparedDebug | undefined | null> {
  const hooks = host.debugHooks();
  if (!hooks) return undefined;
  const { clock, debugger: launcher } = host.deps;
  try {
    if (!launcher) throw new DebugLaunchError('this MCP Lab has no debugger', 'Start the server without the debugger.');
    return await launcher.prepare(host.id, cfg, cwd, env, hooks);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    host.lifecycle('error', `not started under the debugger: ${message}`);
    host.setStatus({
      state: 'failed',
      since: clock.now(),
      kind: e instanceof DebugLaunchError && e.missing ? 'debuggerMissing' : 'debuggerUnavailable',
      message,
      ...(e instanceof DebugLaunchError ? { hint: e.hint } : {}),
      stderrTail: [],
    });
    return null;
  }
}

/** Connect the debugger before the handshake: the program waits for it and runs only once breakpoints are set. */
export async function attachDebugger(
  host: StdioHost,
  gen: number,
  debug: PreparedDebug,
  proc: ServerProcess,
  exited: Promise<ExitFacts>,
  run: DisposableStore,
): Promise<boolean> {
  const { clock } = host.deps;
  host.setStatus({ state: 'starting', since: clock.now(), phase: 'debugger', pid: proc.pid });
  try {
    run.add(await raceExit(debug.attach(exited), exited));
    host.lifecycle('info', 'the debugger is attached');
    return host.isCurrent(gen);
  } catch (e) {
    if (!host.isCurrent(gen)) return false;
    const facts = proc.hasExited ? await exited : undefined;
    const message = `the debugger could not attach: ${facts ? facts.message : e instanceof Error ? e.message : String(e)}`;
    host.lifecycle('error', message, facts ? { stderrTail: facts.stderrTail } : undefined);
    host.setStatus({
      state: 'failed',
      since: clock.now(),
      kind: 'debuggerUnavailable',
      message,
      hint: 'Its stderr lines in the log say what the debugger met.',
      stderrTail: facts?.stderrTail ?? proc.stderrTail(),
    });
    await proc.stop({ eofGraceMs: 200, termGraceMs: 1000 });
    host.cleanupRun();
    return false;
  }
}

/** The handshake's own timeouts under the debugger: long enough never to end it (the deadline below does). */
export const UNBOUNDED_HANDSHAKE_MS = 24 * 60 * 60_000;

/**
 * The handshake's deadline under the debugger: it does not run while the debugger holds the
 * program paused (a breakpoint on a line that runs at import or startup), and starts over when the
 * program runs on. `expired` rejects as an unanswered initialize would.
 */
export function pausableDeadline(gate: PauseGate, clock: Clock, ms: number): IDisposable & { expired: Promise<never> } {
  let timer: IDisposable | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    const arm = () => {
      const pauses = gate.pauses;
      timer = clock.setTimeout(() => {
        if (gate.pausedAt !== undefined || gate.pauses !== pauses) return arm();
        reject(new McpError(ErrorCode.RequestTimeout, 'Request timed out'));
      }, ms);
    };
    arm();
  });
  expired.catch(() => undefined);
  return { expired, dispose: () => timer?.dispose() };
}
