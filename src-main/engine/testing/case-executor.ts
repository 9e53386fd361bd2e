import { randomUUID } from 'node:crypto';
import type { TestRequest } from '../../../src-shared/api/schemas/testing';
import * as req from '../mcp/server-requests';
import type { ServerSession } from '../servers/server-session';
import { answerFromRequestOutcome, answerFromToolOutcome, type CaseAnswer } from './case-answer';

/** How much longer than its own timeout a request may take before the runner gives up on it. */
const GUARD_MS = 5_000;

export type Executed = { ok: true; answer: CaseAnswer } | { ok: false; error: string };

/**
 * Send one case's request to a session and turn the answer into a CaseAnswer. The request has its
 * own timeout; a guard above it makes sure a wedged connection can never hang the runner.
 */
export async function executeRequest(session: ServerSession, r: TestRequest, timeoutMs: number, signal: AbortSignal): Promise<Executed> {
  const ac = new AbortController();
  const onAbort = () => ac.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  let guard: ReturnType<typeof setTimeout> | undefined;
  try {
    const work = send(session, r, timeoutMs, ac.signal);
    if (!work) return { ok: false, error: notRunning(session) };
    const timedOut = new Promise<Executed>((resolve) => {
      const arm = () => {
        const pauses = session.pause.pauses;
        guard = setTimeout(() => {
          // Held at a breakpoint, the request's own timeout waits and starts over (pause-gate.ts): so does the guard.
          if (session.pause.pausedAt !== undefined || session.pause.pauses !== pauses) return arm();
          ac.abort();
          resolve({
            ok: false,
            error: `no outcome within ${timeoutMs + GUARD_MS} ms (the request's timeout plus ${GUARD_MS / 1000} s): the connection seems stuck`,
          });
        }, timeoutMs + GUARD_MS);
      };
      arm();
    });
    return await Promise.race([work.then((answer): Executed => ({ ok: true, answer })), timedOut]);
  } finally {
    clearTimeout(guard);
    signal.removeEventListener('abort', onAbort);
  }
}

function send(session: ServerSession, r: TestRequest, timeoutMs: number, signal: AbortSignal): Promise<CaseAnswer> | undefined {
  if (r.tool !== undefined) {
    return session
      .callTool({ callId: `test-${randomUUID()}`, toolName: r.tool, arguments: r.arguments ?? {}, timeoutMs }, signal, () => {})
      ?.then(answerFromToolOutcome);
  }
  const conn = session.readyConnection;
  if (!conn) return undefined;
  if (r.resource !== undefined)
    return req.readResource(conn, r.resource, { signal, timeoutMs }).then((o) => answerFromRequestOutcome('resource', o));
  // Prompt arguments are strings in MCP: a number written in the suite is sent as its text.
  const args = Object.fromEntries(Object.entries(r.arguments ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  return req.getPrompt(conn, r.prompt!, args, { signal, timeoutMs }).then((o) => answerFromRequestOutcome('prompt', o));
}

/** Why a session cannot take requests, with the crash reason when it crashed. */
export function notRunning(session: ServerSession): string {
  const s = session.status;
  if (s.state === 'crashed')
    return `the server crashed earlier: ${s.message}${s.stderrTail.length ? ` — last stderr: ${s.stderrTail.at(-1)}` : ''}`;
  if (s.state === 'failed') return `the server failed to start: ${s.message}`;
  return `the server is ${s.state}, not ready`;
}

export function describeRequest(r: TestRequest): string {
  return r.tool !== undefined ? `tool ${r.tool}` : r.resource !== undefined ? `resource ${r.resource}` : `prompt ${r.prompt}`;
}
