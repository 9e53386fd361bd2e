import type { ToolCallStatus } from '../../../src-shared/api/schemas/tool';

/**
 * Exit codes of `mcp-lab`: the table in the README's "Exit codes", one per kind of failure, the
 * same for every verb. CI scripts branch on them, so a code never changes meaning.
 */
export const EXIT = {
  ok: 0,
  /** What was checked failed: a tool error, findings, failed tests, a declined import. */
  toolError: 1,
  usage: 2,
  /** The server could not be started or reached (or did not finish its handshake). */
  serverFailed: 3,
  protocolError: 4,
  timeout: 5,
  crashed: 6,
  /** A bug in MCP Lab itself: the message says so; MCP_LAB_DEBUG=1 adds the stack. */
  internal: 70,
  /** Ctrl+C (SIGINT). */
  cancelled: 130,
} as const;

/** The names `--json` puts in `error.kind`, one per exit code. */
export const ERROR_KIND = {
  1: 'failed',
  2: 'usage',
  3: 'serverFailed',
  4: 'protocolError',
  5: 'timeout',
  6: 'crashed',
  70: 'internal',
  130: 'interrupted',
} as const satisfies Record<Exclude<(typeof EXIT)[keyof typeof EXIT], 0>, string>;
export type ErrorKind = (typeof ERROR_KIND)[keyof typeof ERROR_KIND];

export function errorKindFor(exitCode: number): ErrorKind {
  return ERROR_KIND[exitCode as keyof typeof ERROR_KIND] ?? 'failed';
}

export function exitCodeFor(status: ToolCallStatus): number {
  return EXIT[status];
}

/** A failure the CLI reports in one line on stderr and turns into an exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** Ctrl+C arrived: the run stops wherever it was, servers are stopped, the exit code is 130. */
export class InterruptedError extends CliError {
  constructor(what: string) {
    super(`interrupted (Ctrl+C) ${what}`, EXIT.cancelled);
  }
}

/**
 * Wait for `p`, unless Ctrl+C comes first: a handshake or a start can take up to its timeout,
 * and nobody who pressed Ctrl+C wants to wait that long.
 */
export function unlessInterrupted<T>(p: Promise<T>, signal: AbortSignal | undefined, what: string): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) {
    p.catch(() => {}); // it fails when the session is disposed: nobody waits for it any more
    return Promise.reject(new InterruptedError(what));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new InterruptedError(what));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
