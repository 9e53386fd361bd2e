import type { ToolCallStatus } from '../../../src-shared/api/schemas/tool';

/** Exit codes of `mcp-lab`: stable, documented in the README, one per kind of failure. */
export const EXIT = {
  ok: 0,
  toolError: 1,
  usage: 2,
  serverFailed: 3,
  protocolError: 4,
  timeout: 5,
  crashed: 6,
  cancelled: 130,
} as const;

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
