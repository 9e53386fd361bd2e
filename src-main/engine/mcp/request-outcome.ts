import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import type { RequestFailure } from '../../../src-shared/api/schemas/request';
import { mcpErrorParts } from './outcome-errors';

/** Why a server process went away, for requests that were in flight. */
export interface ExitFacts {
  exitCode: number | null;
  signal: string | null;
  message: string;
  stderrTail: string[];
}

/** What every outcome says about the exchange on the wire. */
export interface ExchangeFacts {
  startedAt: number;
  durationMs: number;
  requestBytes: number;
  /** Known when an answer (result or error) came back. */
  responseBytes?: number;
}

type WithoutBase<T> = T extends unknown
  ? Omit<T, 'serverId' | 'method' | 'startedAt' | 'durationMs' | 'requestBytes' | 'responseBytes'>
  : never;
/** How a request failed, without the facts every outcome carries. Shared by tool calls and every other request. */
export type FailureDetail = WithoutBase<RequestFailure>;

/** One request's answer before it is judged: the raw result, or how it failed. */
export type Exchange = { facts: ExchangeFacts } & ({ answered: true; raw: unknown } | { answered: false; failure: FailureDetail });

/** A result schema: anything with zod's `safeParse` (the SDK's schemas and ours). */
export interface ResultChecker<T> {
  safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: readonly unknown[] } };
}

/** The deadline that ended a call: the caller's, or the hard maximum a chatty call can reach by resetting it with progress. */
export function effectiveTimeout(durationMs: number, timeoutMs: number, hardMaxMs: number): number {
  return durationMs >= hardMaxMs - 50 ? hardMaxMs : timeoutMs;
}

/**
 * Whether an error could mean the server process died (the SDK says "connection closed", or the
 * error is not an MCP error at all, e.g. writing to a closed pipe). Only then is it worth waiting
 * a moment for the exit facts.
 */
export function mayMeanExit(e: unknown): boolean {
  const parts = mcpErrorParts(e);
  return !parts || parts.code === ErrorCode.ConnectionClosed;
}

/**
 * Map what a request threw to a failure, in one place for every method. Cancelled wins (the user
 * asked for it), then a known exit (a crash explains any error), then the SDK's timeout, then the
 * server's JSON-RPC error; anything else is an internal error with its message.
 */
export function failureFromError(e: unknown, f: { aborted: boolean; exit: ExitFacts | undefined; timeoutMs: number }): FailureDetail {
  if (f.aborted) return { status: 'cancelled' };
  if (f.exit) return { status: 'crashed', ...f.exit };
  const parts = mcpErrorParts(e);
  if (parts?.code === ErrorCode.RequestTimeout) return { status: 'timeout', timeoutMs: f.timeoutMs };
  if (parts) return { status: 'protocolError', ...parts };
  return { status: 'protocolError', code: ErrorCode.InternalError, message: e instanceof Error ? e.message : String(e) };
}

/**
 * The server answered, but not with a valid result for the method: a protocol error (-32603) that
 * keeps what it sent and what is wrong with it. The connection stays up.
 */
export function invalidResult(method: string, raw: unknown, issues: readonly unknown[]): FailureDetail {
  const first = issues[0] as { message?: string; path?: (string | number)[] } | undefined;
  const where = first?.path?.length ? ` at ${first.path.join('.')}` : '';
  return {
    status: 'protocolError',
    code: ErrorCode.InternalError,
    message: `the server answered with an invalid ${method} result${where}: ${first?.message ?? 'wrong shape'}`,
    data: { raw, issues },
  };
}

/** Check an answered exchange against the method's result schema. */
export function judge<T>(
  method: string,
  x: Exchange,
  schema: ResultChecker<T>,
): { ok: true; result: T } | { ok: false; failure: FailureDetail } {
  if (!x.answered) return { ok: false, failure: x.failure };
  const checked = schema.safeParse(x.raw);
  if (!checked.success) return { ok: false, failure: invalidResult(method, x.raw, checked.error.issues) };
  // What the server sent, not the parsed copy: fields the schema does not know are kept for display.
  return { ok: true, result: x.raw as T };
}

/** A failure with the response size when an error response came back (only protocol errors have one). */
export function failureFields(failure: FailureDetail, facts: ExchangeFacts): FailureDetail & { responseBytes?: number } {
  return failure.status === 'protocolError' && facts.responseBytes !== undefined
    ? { ...failure, responseBytes: facts.responseBytes }
    : failure;
}
