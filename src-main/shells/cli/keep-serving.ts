import { setUnexpectedErrorHandler } from '../../../src-shared/base/unexpected-error';

/**
 * A long-running shell (browser mode) owns running servers: if it exited on a stray error, every
 * one of them would be killed with it. So an error no caller can receive is written to the
 * terminal and the engine keeps serving; only a signal or Ctrl+C stops it.
 */
export function keepServingThroughUnexpectedErrors(err: NodeJS.WritableStream): void {
  const log = (e: unknown, where: string) => {
    const text = e instanceof Error ? (e.stack ?? e.message) : String(e);
    err.write(`mcp-lab: unexpected error in ${where} (still serving): ${text}\n`);
  };
  setUnexpectedErrorHandler(log);
  process.on('uncaughtException', (e) => log(e, 'the engine'));
  process.on('unhandledRejection', (e) => log(e, 'a promise nobody awaited'));
}
