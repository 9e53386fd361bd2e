import type { RequestOk, RequestOutcome } from '../../../../src-shared/api/schemas/request';
import { startAdhocServer, type AdhocOptions, type AdhocSession } from '../adhoc-server';
import { exitCodeFor } from '../exit-codes';
import { failureLine } from './outcome-lines';
import type { JsonReport } from '../json-report';

/** Options of every command that sends one request to a server started from `-- <command>`. */
export interface RequestCommandOptions extends AdhocOptions {
  json: boolean;
  timeoutMs: number;
}

export interface CommandIo {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  signal: AbortSignal;
  /** With --json: where the verb's result goes (printed once, in the one envelope every verb shares). */
  report: JsonReport;
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
    const code = exitCodeFor(outcome.status);
    const reason = outcome.status === 'ok' ? undefined : failureLine(outcome.method, outcome);
    if (o.json) io.report.set(code, { server: s.summary.info, ...outcome }, reason);
    else if (outcome.status === 'ok') await print(outcome.result, s, outcome);
    if (reason !== undefined) io.err.write(`mcp-lab: ${reason}\n`);
    return code;
  } finally {
    await s.dispose();
  }
}
