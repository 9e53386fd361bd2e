import type { RequestFailure } from '../../../../src-shared/api/schemas/request';

type Failure = Pick<RequestFailure, 'status' | 'durationMs'> &
  Partial<{ code: number; message: string; timeoutMs: number; stderrTail: string[] }>;

/**
 * The one-line reason on stderr for a request or tool call that did not succeed. `subject` is what
 * was asked: a tool name, or an MCP method.
 */
export function failureLine(subject: string, o: Failure): string {
  switch (o.status) {
    case 'protocolError':
      // 2026-07-28 MissingRequiredClientCapability: the flags are what declares a client feature here.
      return `protocol error ${o.code} from ${subject}: ${o.message}${o.code === -32021 ? ' (declare it with --sampling-reply, --elicit or --root)' : ''}`;
    case 'timeout':
      return `${subject} did not answer within ${o.timeoutMs} ms (use --timeout-ms to wait longer)`;
    case 'cancelled':
      return `${subject} was cancelled after ${Math.round(o.durationMs)} ms`;
    case 'crashed':
      return `the server crashed during ${subject}: ${o.message}${o.stderrTail?.length ? ` — last stderr: ${o.stderrTail.at(-1)}` : ''}`;
  }
}
