import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { LogLevel } from '../../../src-shared/api/schemas/log';
import type { Clock } from '../base/clock';
import { ChildProcessTransport } from '../mcp/child-process-transport';
import { RecordingTransport } from '../mcp/recording-transport';
import type { LogService } from '../logs/log-service';
import type { ServerProcess } from './server-process';

export const STDOUT_HINT =
  'This server writes text that is not MCP to stdout. Over stdio, stdout carries the protocol only: send logs and prints to stderr (Python: print(..., file=sys.stderr) or logging; Node: console.error).';

/**
 * The pipes between a server process and its MCP connection, with everything they tell the log:
 * stdout lines that are not protocol, oversize lines, and every message both ways (the tap).
 */
export function wireStdio(
  proc: ServerProcess,
  o: { serverId: string; logs: LogService; clock: Clock; maxMessageBytes: number; onFirstStdoutNoise: () => void },
): RecordingTransport {
  const { serverId, logs } = o;
  let sawNoise = false;
  const transport = new ChildProcessTransport(
    proc,
    {
      onStdoutLine: (line, why) => {
        logs.append(serverId, { source: 'stdout', level: 'warning', text: line });
        if (sawNoise) return;
        sawNoise = true;
        logs.append(serverId, {
          source: 'app',
          level: 'warning',
          text: `${STDOUT_HINT} (first line: ${why === 'notJson' ? 'not JSON' : 'JSON but not JSON-RPC'})`,
        });
        o.onFirstStdoutNoise();
      },
      onOversizeLine: (chars, id) =>
        logs.append(serverId, {
          source: 'app',
          level: 'error',
          text: `discarded a stdout line of ${chars} characters (limit ${o.maxMessageBytes} bytes)${id !== undefined ? ` — the response to request #${id}` : ''}`,
        }),
    },
    o.maxMessageBytes,
  );
  return recordInto(transport, serverId, logs, o.clock);
}

/** Every message both ways, as protocol log entries (the traffic view), for any transport. */
export function recordInto(transport: Transport, serverId: string, logs: LogService, clock: Clock): RecordingTransport {
  return new RecordingTransport(
    transport,
    (r) =>
      logs.append(serverId, {
        source: 'protocol',
        level: r.isError ? 'error' : r.quiet ? 'debug' : 'info',
        text: r.text,
        data: r.data,
        protocol: r.meta,
      }),
    clock,
    () => logs.protocolSampler(serverId),
  );
}

/** Where a connection's own messages go: server log notifications and MCP Lab's remarks. */
export function connectionLogHooks(serverId: string, logs: LogService) {
  return {
    onServerLog: (level: LogLevel, logger: string | undefined, data: unknown) =>
      logs.append(serverId, { source: 'notification', level, text: logMessageText(data), data, ...(logger ? { logger } : {}) }),
    log: (level: 'info' | 'warning' | 'error', text: string) => logs.append(serverId, { source: 'app', level, text }),
  };
}

/**
 * The line a person reads for a server's log message. Frameworks wrap the message: Python FastMCP
 * sends `{msg, extra}`, TypeScript fastmcp `{context, message}`; the text is the message, the whole
 * data stays on the entry for its detail view.
 */
export function logMessageText(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const o = data as Record<string, unknown>;
    const message = typeof o.message === 'string' ? o.message : typeof o.msg === 'string' ? o.msg : undefined;
    if (message !== undefined) return message;
  }
  return JSON.stringify(data) ?? String(data);
}
