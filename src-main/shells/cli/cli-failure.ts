import { ApiError, type ApiErrorCode } from '../../../src-shared/api/errors';
import { CliError, EXIT } from './exit-codes';

export interface Failure {
  exitCode: number;
  /** The one line for stderr; undefined when commander already printed it (usage, help). */
  message: string | undefined;
}

/** Engine errors that reach the CLI, by what the person at the terminal can do about them. */
const API_ERROR_EXIT: Partial<Record<ApiErrorCode, number>> = {
  InvalidParams: EXIT.usage,
  NotFound: EXIT.usage,
  Conflict: EXIT.usage,
  ConsentRequired: EXIT.usage,
  ServerNotReady: EXIT.serverFailed,
  ConnectionLost: EXIT.serverFailed,
  Unauthorized: EXIT.serverFailed,
  Cancelled: EXIT.cancelled,
};

function isCommanderError(e: unknown): e is { code: string; exitCode: number; message: string } {
  return !!e && typeof e === 'object' && 'exitCode' in e && 'code' in e && String((e as { code: unknown }).code).startsWith('commander.');
}

/**
 * The one place an error thrown out of a verb becomes an exit code and a line on stderr. Nothing
 * here prints a stack: a CI log wants the reason, not our internals (MCP_LAB_DEBUG=1 adds it).
 */
export function describeFailure(e: unknown): Failure {
  if (e instanceof CliError) return { exitCode: e.exitCode, message: e.message };
  // commander printed its own message (help, version, a usage error) before throwing.
  if (isCommanderError(e)) return { exitCode: e.exitCode === 0 ? EXIT.ok : EXIT.usage, message: undefined };
  if (e instanceof ApiError) return { exitCode: API_ERROR_EXIT[e.code] ?? EXIT.internal, message: e.message };
  const text = e instanceof Error ? e.message : String(e);
  return {
    exitCode: EXIT.internal,
    message: `unexpected error: ${text} (a bug in MCP Lab: run again with MCP_LAB_DEBUG=1 for the details and report it)`,
  };
}

/** The stack of an unexpected error, only when asked for. */
export function debugDetail(e: unknown): string | undefined {
  if (process.env.MCP_LAB_DEBUG !== '1') return undefined;
  return e instanceof Error ? e.stack : undefined;
}
