import type { FuzzFindingKind } from '../../../src-shared/api/schemas/fuzz';
import type { ToolCallOutcome } from '../../../src-shared/api/schemas/tool';
import { formatIssues, type SchemaIssue, validateValue } from '../../../src-shared/json-schema/validate';
import type { FuzzInput } from './generators';

/** What the fuzzer saw around one call, besides its outcome. */
export interface CallObservation {
  outcome: ToolCallOutcome;
  /** stderr lines the server wrote while the call ran (and just after). */
  stderr: string[];
  /** A ping sent while the call ran was answered only after the call itself. */
  pingBlocked: boolean;
  /** Whether the server answered a ping after a timeout. */
  aliveAfterTimeout?: boolean;
}

export interface Verdict {
  kind: FuzzFindingKind;
  severity: 'error' | 'warning';
  title: string;
  detail: string;
}

/** Exceptions a server raises on purpose to report a tool error: their tracebacks are no defect. */
const DELIBERATE = /(^|\.)(ToolError|McpError|ResourceError|PromptError|FastMCPError|NotFoundError|ValidationError)$/;
const TRACEBACK_MARKERS = [/Traceback \(most recent call last\)/, /^\s*at .+[(\s].*:\d+:\d+\)?\s*$/, /^\s*File ".+", line \d+/];
const EXCEPTION_LINE = /^[\s│|╰─╭]*([A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Fault))(?::\s|\s*$)/;

/**
 * The exception a traceback on stderr names, when the lines hold one that is not raised on purpose.
 * Python (plain and rich-rendered, as FastMCP logs it) and Node stacks.
 */
export function unexpectedTraceback(lines: string[]): string | undefined {
  if (!lines.some((l) => TRACEBACK_MARKERS.some((m) => m.test(l)))) return undefined;
  const types: string[] = [];
  for (const l of lines) {
    const m = EXCEPTION_LINE.exec(l.replace(/│\s*$/, ''));
    if (m) types.push(m[1]!);
  }
  if (types.length === 0) return 'an exception';
  // Python prints the exception last, Node first; a deliberate one anywhere in the chain excuses it.
  if (types.some((t) => DELIBERATE.test(t))) return undefined;
  return types.at(-1);
}

export function hasTracebackMarker(lines: string[]): boolean {
  return lines.some((l) => TRACEBACK_MARKERS.some((m) => m.test(l)));
}

function firstText(o: ToolCallOutcome): string {
  if (o.status !== 'ok' && o.status !== 'toolError') return '';
  const b = (o.result.content ?? []).find((c) => c.type === 'text');
  return b && b.type === 'text' ? b.text.split('\n')[0]!.slice(0, 200) : '';
}

/**
 * Judge one call. Tool errors are always fine (rejecting input is the point); what is wrong is a
 * crash, a hang, a JSON-RPC error where SEP-1303 wants a tool error, input the schema forbids
 * accepted silently, output that breaks the declared outputSchema, or an unexpected traceback.
 */
export function judgeCall(
  input: FuzzInput,
  obs: CallObservation,
  schemas: { input: Record<string, unknown>; output?: Record<string, unknown> | undefined },
): Verdict[] {
  const outputSchema = schemas.output;
  const o = obs.outcome;
  const out: Verdict[] = [];
  if (o.status === 'crashed') {
    out.push({
      kind: 'crash',
      severity: 'error',
      title: 'the server process died during the call',
      detail: `${o.message}${o.stderrTail.length ? `; last stderr: ${o.stderrTail.slice(-3).join(' | ')}` : ''}`,
    });
    return out;
  }
  if (o.status === 'timeout') {
    out.push({
      kind: 'hang',
      severity: 'error',
      title: `no answer within ${o.timeoutMs} ms`,
      detail:
        obs.aliveAfterTimeout === false
          ? 'the server did not answer a ping afterwards either: it is stuck (MCP Lab restarted it to go on)'
          : 'the server answered a ping right after, so it is alive: this call is too slow for the timeout, or never returns',
    });
    return out;
  }
  const exc = unexpectedTraceback(obs.stderr);
  if (exc) {
    out.push({
      kind: 'stderrTraceback',
      severity: 'error',
      title: `an unhandled ${exc} (traceback on stderr)`,
      detail: `the tool raised ${exc} instead of handling the input; ${o.status === 'toolError' ? `the client got a tool error: "${firstText(o)}"` : `the client got ${o.status}`}`,
    });
  }
  if (obs.pingBlocked) {
    out.push({
      kind: 'blocksEventLoop',
      severity: 'warning',
      title: 'the server answered nothing else while this call ran',
      detail: `a ping sent during the ${Math.round(o.durationMs)} ms call was answered only after it: the call blocks the event loop (a blocking call inside async code?)`,
    });
  }
  if (o.status === 'protocolError') {
    if (input.valid === false) {
      out.push({
        kind: 'validationAsProtocolError',
        severity: 'warning',
        title: `invalid input answered with JSON-RPC error ${o.code}, not a tool error`,
        detail: `SEP-1303: input validation errors should be tool results with isError: true, so the model can read them and retry. Got: ${o.message}`,
      });
    } else if (input.valid === true) {
      out.push({
        kind: 'protocolErrorOnValidInput',
        severity: 'error',
        title: `valid input answered with JSON-RPC error ${o.code}`,
        detail: o.message,
      });
    }
  }
  if (o.status === 'ok' && input.valid === false && !input.onlyUnexpected) {
    out.push({
      kind: 'invalidAccepted',
      severity: 'warning',
      title: 'input the schema forbids was accepted silently',
      detail: `the inputSchema rejects these arguments (${formatIssues(validateValue(schemas.input, input.args)) || 'see the schema'}) but the tool answered ok${firstText(o) ? `: "${firstText(o)}"` : ''}`,
    });
  }
  if (o.status === 'ok' && outputSchema) {
    const sc = (o.result as { structuredContent?: unknown }).structuredContent;
    const issues: SchemaIssue[] =
      sc === undefined
        ? [{ path: [], keyword: 'required', message: 'no structuredContent although the tool declares an outputSchema' }]
        : validateValue(outputSchema, sc);
    if (issues.length)
      out.push({
        kind: 'outputSchemaViolation',
        severity: 'error',
        title: "the result breaks the tool's outputSchema",
        detail: formatIssues(issues),
      });
  }
  return out;
}
