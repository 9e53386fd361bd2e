import type { RequestOk, RequestOutcome } from '../../../../src-shared/api/schemas/request';
import { startAdhocServer, type AdhocOptions, type AdhocSession } from '../adhoc-server';
import { exitCodeFor } from '../exit-codes';
import { failureLine } from './outcome-lines';

/** Options of every command that sends one request to a server started from `-- <command>`. */
export interface RequestCommandOptions extends AdhocOptions {
  json: boolean;
  timeoutMs: number;
}

export interface CommandIo {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  signal: AbortSignal;
}

/**
 * Start the server, send one request, print the result (or with --json the whole outcome), and
 * return the exit code: 0 ok, else the code of the failure with a one-line reason on stderr.
 */
export async function runRequestCommand<T>(
  o: RequestCommandOptions,
  io: CommandIo,
  send: (s: AdhocSession) => Promise<RequestOutcome<T>>,
  print: (result: T, s: AdhocSession, outcome: RequestOk<T>) => void | Promise<void>,
): Promise<number> {
  const s = await startAdhocServer(o, io.signal);
  try {
    const outcome = await send(s);
    if (o.json) io.out.write(JSON.stringify(outcome, null, 2) + '\n');
    else if (outcome.status === 'ok') await print(outcome.result, s, outcome);
    if (outcome.status !== 'ok') io.err.write(`mcp-lab: ${failureLine(outcome.method, outcome)}\n`);
    return exitCodeFor(outcome.status);
  } finally {
    await s.dispose();
  }
}
