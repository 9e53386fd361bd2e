import type { ServerStatus } from '../../../src-shared/api/schemas/server';
import type { ExitFacts } from '../mcp/mcp-connection';
import { mcpErrorParts } from '../mcp/outcome-errors';
import { BothUnanswered, EraRefused } from './era-connect';
import type { ShellWording } from '../base/shell-wording';

/**
 * What a person reads when a start fails before the server is ready: which request went
 * unanswered or failed, and what to try next. Pure, so every wording is testable on its own.
 */

/** The process ended while we waited for the handshake. */
export class ExitedError extends Error {}

/** Wait for `p`, but fail with ExitedError as soon as the process ends (instead of waiting for a timeout). */
export function raceExit<T>(p: Promise<T>, exited: Promise<ExitFacts>): Promise<T> {
  return Promise.race([p, exited.then(() => Promise.reject(new ExitedError('exited')))]);
}

export function exitedBeforeHandshake(f: ExitFacts, now: number): ServerStatus {
  return {
    state: 'failed',
    since: now,
    kind: 'exitedBeforeHandshake',
    message: `the server exited before the MCP handshake (${f.message})`,
    hint: f.stderrTail.length
      ? 'Its last stderr lines are shown below and in the log.'
      : 'It wrote nothing to stderr. Run the command in a terminal to see what it does.',
    stderrTail: f.stderrTail,
  };
}

/** A handshake that was refused, failed or timed out while the process kept running. */
export function handshakeFailed(
  e: unknown,
  handshakeTimeoutMs: number,
  now: number,
  stderrTail: string[],
  wording: ShellWording,
): ServerStatus & { state: 'failed' } {
  const secs = (handshakeTimeoutMs / 1000).toFixed(0);
  const parts = mcpErrorParts(e);
  const refused = e instanceof EraRefused ? e : undefined;
  const timedOut = parts?.code === -32001 || e instanceof BothUnanswered || (refused?.timedOut ?? false);
  const asked = refused ? 'server/discover' : e instanceof BothUnanswered ? 'server/discover nor initialize' : 'initialize';
  const message =
    refused && !refused.timedOut
      ? `the MCP handshake failed: ${refused.message}`
      : timedOut
        ? `the server did not answer the MCP ${asked} request within ${secs} s`
        : `the MCP handshake failed: ${parts?.message ?? (e instanceof Error ? e.message : String(e))}`;
  return {
    state: 'failed',
    since: now,
    kind: timedOut ? 'handshakeTimeout' : 'handshakeError',
    message,
    hint: refused
      ? wording.unpinStateless
      : timedOut
        ? 'Is this an MCP server speaking over stdio? A server that serves HTTP instead waits for connections and never answers on stdin.'
        : 'Check that the server speaks MCP over stdio and look at its stderr in the log.',
    stderrTail,
  };
}
