import type { Clock } from '../base/clock';
import type { LogService } from '../logs/log-service';
import type { ProcessTable } from '../metrics/process-table';
import type { Lifeline } from './lifeline';
import type { EnvSource } from './spawn-env';

/** What a session needs from the engine; one object so tests can build a session on its own. */
export interface SessionDeps {
  clock: Clock;
  logs: LogService;
  lifeline: Lifeline;
  processTable: ProcessTable;
  envSource: EnvSource;
  secrets: { get(serverId: string, key: string): string | undefined };
  metrics: {
    track(serverId: string, pid: number): void;
    untrack(serverId: string): void;
    mark(serverId: string, kind: 'start' | 'stop' | 'crash' | 'restart' | 'reload', label: string): void;
  };
  workspaceDir: string;
  handshakeTimeoutMs: number;
  maxMessageBytes: number;
}
