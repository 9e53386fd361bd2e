import path from 'node:path';
import type { ApiHandlers, ApiStreams, AppInfo } from '../../src-shared/api/contract';
import type { ServerConfigInput } from '../../src-shared/api/schemas/server';
import { APP_VERSION } from '../../src-shared/version';
import { systemClock, type Clock } from './base/clock';
import { createApiHandlers } from './handlers/api-handlers';
import { createApiStreams } from './handlers/api-streams';
import { createLoadHandlers, createLoadStreams } from './handlers/load-handlers';
import { createRequestHandlers, createRequestStreams } from './handlers/request-handlers';
import { DownloadStore } from './downloads/download-store';
import { LoadRunner } from './load/load-runner';
import { LoadRunStore } from './load/load-run-store';
import { HealthMonitor, type HealthOptions } from './servers/health-monitor';
import { LogService, type LogServiceOptions } from './logs/log-service';
import { DEFAULT_MAX_MESSAGE_BYTES } from './mcp/child-process-transport';
import { MetricsService, type MetricsOptions } from './metrics/metrics-service';
import { createProcessTable, type ProcessTable } from './metrics/process-table';
import { ActiveCalls } from './servers/active-calls';
import { startLifeline } from './servers/lifeline';
import { ServerManager } from './servers/server-manager';
import { FileSecretStore, type SecretStore } from './workspace/secret-store';
import { WorkspaceFile } from './workspace/workspace-file';

export interface EngineOptions {
  workspaceDir: string;
  /** App-level state (secrets for non-desktop hosts, later history and recent workspaces). */
  appDataDir: string;
  host: AppInfo['host'];
  clock?: Clock;
  logs?: LogServiceOptions;
  metrics?: MetricsOptions;
  /** The periodic health ping (default every 15 s, 5 s to answer). */
  health?: HealthOptions;
  /** How long a server gets to answer `initialize`. `uv run` and `npx` can be slow on a first start. */
  handshakeTimeoutMs?: number;
  maxMessageBytes?: number;
  secrets?: SecretStore;
  /** PATH from the user's login shell (desktop launches only). */
  loginShellPath?: string;
  processEnv?: NodeJS.ProcessEnv;
  /** Servers to add when the workspace has no file yet (the ready example for a first run). */
  seedServers?: ServerConfigInput[];
  processTable?: ProcessTable;
  /** Where resources too large to send inline are saved (default `<appDataDir>/downloads`). */
  downloadsDir?: string;
}

export interface Engine {
  readonly handlers: ApiHandlers;
  readonly streams: ApiStreams;
  readonly servers: ServerManager;
  readonly logs: LogService;
  readonly metrics: MetricsService;
  readonly load: LoadRunner;
  /** Stop every server (bounded), then release everything. */
  shutdown(): Promise<void>;
}

/** Build the engine: plain Node, no shell-specific code. Every shell serves `handlers` and `streams`. */
export async function createEngine(options: EngineOptions): Promise<Engine> {
  const clock = options.clock ?? systemClock;
  const logs = new LogService(clock, options.logs);
  const processTable = options.processTable ?? createProcessTable();
  const metrics = new MetricsService(clock, processTable, options.metrics);
  const active = new ActiveCalls();
  const lifeline = startLifeline();
  const secrets = options.secrets ?? (await FileSecretStore.open(options.appDataDir));
  const file = new WorkspaceFile(options.workspaceDir);
  const servers = new ServerManager(
    {
      clock,
      logs,
      lifeline,
      processTable,
      envSource: { processEnv: options.processEnv ?? process.env, ...(options.loginShellPath ? { loginShellPath: options.loginShellPath } : {}) },
      secrets,
      metrics,
      workspaceDir: options.workspaceDir,
      handshakeTimeoutMs: options.handshakeTimeoutMs ?? 30_000,
      maxMessageBytes: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
    },
    file,
    secrets,
  );
  const { existed } = await servers.load();
  if (!existed && options.seedServers?.length) {
    for (const s of options.seedServers) await servers.add(s);
  }

  const appInfo = (): AppInfo => ({
    name: 'MCP Lab',
    version: APP_VERSION,
    host: options.host,
    workspaceDir: options.workspaceDir,
    platform: process.platform,
  });

  const downloads = new DownloadStore(options.downloadsDir ?? path.join(options.appDataDir, 'downloads'));
  const loadStore = new LoadRunStore(options.workspaceDir);
  const load = new LoadRunner(servers, processTable, metrics, loadStore, clock);
  const health = new HealthMonitor(servers, clock, { intervalMs: 15_000, timeoutMs: 5_000, ...options.health });

  let shutdown: Promise<void> | undefined;
  return {
    handlers: { ...createApiHandlers({ servers, logs, metrics, active, appInfo }), ...createLoadHandlers(load, loadStore), ...createRequestHandlers(servers, downloads) } satisfies ApiHandlers,
    streams: { ...createApiStreams({ servers, logs, metrics, active }), ...createLoadStreams(load), ...createRequestStreams(servers) } satisfies ApiStreams,
    servers,
    logs,
    metrics,
    load,
    shutdown: () =>
      (shutdown ??= (async () => {
        load.dispose();
        health.dispose();
        await servers.stopAll('MCP Lab is shutting down');
        logs.flush();
        servers.dispose();
        metrics.dispose();
        active.dispose();
        logs.dispose();
        lifeline.dispose();
      })()),
  };
}
