import type { LogEntry } from '../../../../src-shared/api/schemas/log';
import type { ServerSummary } from '../../../../src-shared/api/schemas/server';
import type { ToolCallOutcome } from '../../../../src-shared/api/schemas/tool';

export function serverSummary(id: string, state: 'stopped' | 'ready' = 'ready', extra: Partial<ServerSummary> = {}): ServerSummary {
  return {
    config: { id, name: `Server ${id}`, transport: 'stdio', command: 'node', args: ['server.js'], env: [] },
    status: state === 'ready' ? { state: 'ready', since: 1000, pid: 4242 } : { state: 'stopped' },
    toolCount: 0,
    restartCount: 0,
    hints: [],
    ...extra,
  };
}

let seq = 0;
export function logEntry(partial: Partial<LogEntry> = {}): LogEntry {
  seq++;
  return { seq, ts: 1_700_000_000_000 + seq, serverId: 'a', source: 'stderr', level: 'info', text: `line ${seq}`, ...partial };
}

const base = {
  callId: 'c1',
  serverId: 's',
  toolName: 't',
  arguments: {},
  startedAt: 1_700_000_000_000,
  durationMs: 12.5,
  requestBytes: 100,
};

export function outcome<S extends ToolCallOutcome['status']>(status: S, extra: Record<string, unknown> = {}): ToolCallOutcome {
  switch (status) {
    case 'ok':
    case 'toolError':
      return { ...base, status, responseBytes: 200, result: { content: [] }, ...extra } as ToolCallOutcome;
    case 'protocolError':
      return { ...base, status, code: -32602, message: 'Invalid params', ...extra } as ToolCallOutcome;
    case 'timeout':
      return { ...base, status, timeoutMs: 60_000, ...extra } as ToolCallOutcome;
    case 'cancelled':
      return { ...base, status, ...extra } as ToolCallOutcome;
    default:
      return {
        ...base,
        status: 'crashed',
        exitCode: 3,
        signal: null,
        message: 'the server exited during the call',
        stderrTail: ['fatal: boom'],
        ...extra,
      } as ToolCallOutcome;
  }
}
