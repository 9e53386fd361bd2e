import type { HttpExchange } from '../../../src-shared/api/schemas/http-exchange';
import type { OAuthTrace } from '../../../src-shared/api/schemas/oauth-trace';
import type { ServerConfig } from '../../../src-shared/api/schemas/server';
import type { Clock } from '../base/clock';
import type { PendingClientRequests } from '../client-requests/pending-client-requests';
import type { LogService } from '../logs/log-service';
import type { ProcessTable } from '../metrics/process-table';
import type { DebugLauncher } from '../debug/debug-service';
import type { Lifeline } from './lifeline';
import type { EnvSource } from './spawn-env';
import type { ShellWording } from '../base/shell-wording';

/** What a session needs from the engine; one object so tests can build a session on its own. */
export interface SessionDeps {
  clock: Clock;
  logs: LogService;
  lifeline: Lifeline;
  processTable: ProcessTable;
  envSource: EnvSource;
  /** This workspace's secret env and header values; OAuth tokens of remote servers are written here too (`set`). */
  secrets: {
    get(serverId: string, key: string): string | undefined;
    set?(serverId: string, key: string, value: string): Promise<void>;
    /** Why the server may not start because of its secrets (the store is re-read first); undefined when it may. */
    startProblem?(config: ServerConfig): Promise<string | undefined>;
  };
  metrics: {
    track(serverId: string, pid: number): void;
    untrack(serverId: string): void;
    mark(serverId: string, kind: 'start' | 'stop' | 'crash' | 'restart' | 'reload', label: string): void;
  };
  workspaceDir: string;
  /** Sampling and elicitation requests waiting for a person (engine-wide). */
  clientRequests: PendingClientRequests;
  handshakeTimeoutMs: number;
  /** Messages that name a setting name it as this shell does (a menu in the app, a flag in the CLI). */
  wording: ShellWording;
  maxMessageBytes: number;
  /** No call outlives this, whatever progress it reports. */
  hardMaxCallMs?: number;
  /** How long an OAuth sign-in of a remote server waits for the person (default 5 minutes). */
  signInTimeoutMs?: number;
  /** Where remote servers' OAuth sign-ins are published step by step (the sign-in debugger). */
  oauthTraces?: { publish(t: OAuthTrace): void };
  /** Where remote servers' HTTP requests are kept for the Network view. */
  network?: { record(serverId: string, x: HttpExchange): number; update(serverId: string, id: number, x: HttpExchange): void };
  /** Runs a server under its language's debugger (Debug instead of Start); absent: no debugging. */
  debugger?: DebugLauncher;
}
