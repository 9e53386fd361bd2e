import { formatMs } from '../../../../src-shared/base/format';
import { runRequestCommand, type CommandIo, type RequestCommandOptions } from './request-command';

/** `mcp-lab ping -- <command>`: start the server, ping it once, print the round trip. */
export function pingCommand(o: RequestCommandOptions, io: CommandIo): Promise<number> {
  return runRequestCommand(
    o,
    io,
    (s) => s.api.call('servers.ping', { serverId: s.serverId, timeoutMs: o.timeoutMs }, { signal: io.signal }),
    (_r, s, outcome) => void io.out.write(`pong from ${s.summary.info?.name ?? 'server'} in ${formatMs(outcome.durationMs)}\n`),
  );
}
