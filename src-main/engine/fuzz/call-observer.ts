import { randomUUID } from 'node:crypto';
import { boundedWait } from '../base/bounded-wait';
import type { Clock } from '../base/clock';
import type { LogService } from '../logs/log-service';
import * as req from '../mcp/server-requests';
import type { ServerSession } from '../servers/server-session';
import { hasTracebackMarker, type CallObservation } from './judge';

/** How long into a call the event-loop probe sends its ping, and how long the call must run past it to count. */
const PING_AFTER_MS = 150;
const BLOCKED_MARGIN_MS = 250;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Call a tool once and watch what happens around it: the outcome, the stderr lines written while
 * it ran (tracebacks arrive in bursts: wait until stderr is quiet), and whether a ping sent during
 * the call was answered only after it (the event loop was blocked). A call that keeps reporting
 * progress is cancelled at the timeout: slow but alive is no hang.
 */
export async function observeCall(
  session: ServerSession,
  logs: LogService,
  clock: Clock,
  call: { toolName: string; args: Record<string, unknown>; timeoutMs: number },
  signal: AbortSignal,
): Promise<CallObservation | undefined> {
  const seq = logs.lastSeq;
  const ac = new AbortController();
  const onAbort = () => ac.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  // A call that reports progress resets its own timeout: at the deadline it is alive but slow, so
  // it is cancelled and counted as slow instead of holding the run for minutes.
  let progressed = false;
  const cap = setTimeout(() => progressed && ac.abort(), call.timeoutMs);
  let pingSentAt: number | undefined;
  let pingDoneAt: number | undefined;
  let ping: Promise<unknown> | undefined;
  const pingTimer = setTimeout(() => {
    const conn = session.readyConnection;
    if (!conn) return;
    pingSentAt = clock.monotonic();
    ping = req.ping(conn, { timeoutMs: call.timeoutMs + 1000, signal: ac.signal }).then(() => (pingDoneAt = clock.monotonic()));
  }, PING_AFTER_MS);
  try {
    const pending = session.callTool(
      { callId: `fuzz-${randomUUID()}`, toolName: call.toolName, arguments: call.args, timeoutMs: call.timeoutMs },
      ac.signal,
      () => (progressed = true),
    );
    if (!pending) return undefined;
    const outcome = await pending;
    const callDoneAt = clock.monotonic();
    clearTimeout(pingTimer);
    if (ping) await boundedWait(ping, 300, undefined);
    const pingBlocked =
      outcome.status !== 'timeout' &&
      outcome.status !== 'crashed' &&
      pingSentAt !== undefined &&
      callDoneAt - pingSentAt > BLOCKED_MARGIN_MS &&
      (pingDoneAt === undefined || pingDoneAt >= callDoneAt);
    const stderr = await collectStderr(logs, session.id, seq);
    const obs: CallObservation = { outcome, stderr, pingBlocked };
    if (outcome.status === 'timeout') {
      const conn = session.readyConnection;
      obs.aliveAfterTimeout = conn ? (await req.ping(conn, { timeoutMs: 2000 })).status === 'ok' : false;
    }
    return obs;
  } finally {
    clearTimeout(cap);
    clearTimeout(pingTimer);
    signal.removeEventListener('abort', onAbort);
    ac.abort(); // ends a probe ping still waiting
  }
}

async function collectStderr(logs: LogService, serverId: string, afterSeq: number): Promise<string[]> {
  const read = () =>
    logs
      .since(serverId, afterSeq)
      .entries.filter((e) => e.source === 'stderr')
      .map((e) => e.text);
  await sleep(30);
  let lines = read();
  if (!hasTracebackMarker(lines)) return lines;
  // A traceback is being written: wait until stderr has been quiet for a moment (bounded).
  for (let i = 0; i < 8; i++) {
    await sleep(100);
    const next = read();
    if (next.length === lines.length) break;
    lines = next;
  }
  return lines;
}
