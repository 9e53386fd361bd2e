import { DebugService } from './debug/debug-service';
import { BreakpointStore, breakpointFileFor } from './debug/breakpoint-store';
import { createDebugHandlers, createDebugStreams } from './handlers/debug-handlers';
import path from 'node:path';
import type { ApiHandlers, ApiStreams, AppInfo } from '../../src-shared/api/contract';
import type { ServerConfigInput } from '../../src-shared/api/schemas/server';
import { APP_VERSION } from '../../src-shared/version';
import { systemClock, type Clock } from './base/clock';
import { createApiHandlers } from './handlers/api-handlers';
import { markAppRequests } from './handlers/app-requests';
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
import { wordingFor } from './base/shell-wording';
import { describeStaleProcesses, ProcessLedger, type StaleProcessReport } from './servers/process-ledger';
import { ServerManager } from './servers/server-manager';
import { ConsentStore } from './servers/consent-store';
import { PendingClientRequests } from './client-requests/pending-client-requests';
import { createClientRequestHandlers, createClientRequestStreams } from './handlers/client-request-handlers';
import { FileSecretStore, type SecretStore } from './workspace/secret-store';
import { WorkspaceFile } from './workspace/workspace-file';
import { workspaceKey } from './workspace/workspace-key';
import { ConfigFileWatcher } from './workspace/config-file-watcher';
import { sessionSecrets } from './servers/server-secrets';
import { createConfigHandlers, createConfigStreams } from './handlers/config-handlers';
import { WorkspaceService } from './workspace/workspace-service';
import { createTestingHandlers, createTestingStreams } from './handlers/testing-handlers';
import { FuzzRunner } from './fuzz/fuzz-runner';
import { LintConfig } from './lint/lint-config';
import { Linter } from './lint/linter';
import { SuiteExporter } from './testing/export/suite-exporter';
import { SuiteStore } from './testing/suite-store';
import { TestRunner } from './testing/test-runner';
import { createWorkspaceHandlers, createWorkspaceStreams } from './handlers/workspace-handlers';
import { createProjectHandlers, createProjectStreams } from './handlers/project-handlers';
import { ProjectService } from './projects/project-service';
import { createReloadStreams, createToolBuilderHandlers } from './handlers/tool-builder-handlers';
import { HotReload } from './reload/hot-reload';
import { OAuthTraceStore } from './remote/oauth-trace-store';
import { createDeprecationHandlers } from './handlers/deprecation-handlers';
import { createNetworkHandlers, createNetworkStreams } from './handlers/network-handlers';
import { NetworkStore } from './remote/network-store';
import { createOAuthStreams } from './handlers/oauth-handlers';
import { ToolBuilderService } from './tool-builder/tool-builder-service';
import { createRemoteHandlers } from './handlers/remote-handlers';
import { HistoryService, type HistoryLimits } from './history/history-service';
import { recordHistory, type HistoryRecorder } from './history/record-history';
import { createHistoryHandlers, createHistoryStreams } from './handlers/history-handlers';
import { createServerListHandlers } from './handlers/server-list-handlers';
import { createTaskHandlers, createTaskStreams } from './handlers/task-handlers';
import { TaskRegistry } from './tasks/task-registry';
import { SurfaceService } from './surface/surface-service';
import { SurfaceStore, surfaceDirFor } from './surface/surface-store';
import { createSurfaceHandlers, createSurfaceStreams } from './handlers/surface-handlers';
import { createSessionHandlers } from './handlers/session-handlers';

export interface EngineOptions {
  workspaceDir: string;
  /** App-level state: secrets for non-desktop hosts, consent, call history, recent workspaces. */
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
  /**
   * Ask a person before running a command that is new to this machine (default: in the desktop app
   * and browser mode; the CLI runs what its user points it at).
   */
  requireConsent?: boolean;
  /** No call outlives this, whatever progress it reports (default 10 minutes; tests shorten it). */
  hardMaxCallMs?: number;
  /** The secret store (shared by the engines of one desktop app); the engine uses its workspace's part. */
  secrets?: SecretStore;
  /** Follow outside edits of mcp-lab.json (default: yes, except the CLI's short-lived engines). */
  watchWorkspaceFile?: boolean;
  /** PATH from the user's login shell (desktop launches only). */
  loginShellPath?: string;
  processEnv?: NodeJS.ProcessEnv;
  /** Servers to add when the workspace has no file yet (the ready example for a first run). */
  seedServers?: ServerConfigInput[];
  processTable?: ProcessTable;
  /** Where resources too large to send inline are saved (default `<appDataDir>/downloads`). */
  downloadsDir?: string;
  /** How long a sampling or elicitation request waits for a person (default 10 minutes). */
  clientRequestTimeoutMs?: number;
  /** Folders the UI may open as workspaces (browser mode: `serve --allow-root`). Empty = any. */
  allowedRoots?: string[];
  /** How long an OAuth sign-in of a remote server waits for the person (default 5 minutes). */
  signInTimeoutMs?: number;
  /** Switch the host to another workspace folder (workspace.open); hosts without it refuse. */
  openWorkspace?: (dir: string) => Promise<void>;
  /** Bounds of the call history (default: the newest 5,000 entries within 50 MB per workspace). */
  history?: Partial<HistoryLimits>;
  /** Keep a call history at all (default yes; the CLI's throwaway engine for `-- <command>` says no). */
  recordHistory?: boolean;
  /** Where `.mcp-lab/lint.json` (rules switched off) is read and written (default the workspace; the CLI's `--config`). */
  lintConfigDir?: string;
}

/** What a shell gets: the contract's handlers and streams, and a way to stop. Nothing else crosses. */
export interface Engine {
  readonly handlers: ApiHandlers;
  readonly streams: ApiStreams;
  /** Stop every server (bounded), then release everything. */
  shutdown(): Promise<void>;
}

/**
 * The services behind the handlers, for tests and benchmarks that arrange or observe what a contract
 * call cannot (a fake process table, a log line injected, a runner's internal state). Shells never see them.
 */
export interface EngineServices {
  readonly servers: ServerManager;
  readonly logs: LogService;
  readonly metrics: MetricsService;
  readonly load: LoadRunner;
  readonly workspace: WorkspaceService;
  /** Saved tests, fuzzing and linting. */
  readonly testing: { store: SuiteStore; runner: TestRunner; fuzz: FuzzRunner; linter: Linter; exporter: SuiteExporter };
  readonly projects: ProjectService;
  readonly reload: HotReload;
  /** The workspace's call history. */
  readonly history: HistoryService;
  /** Each server's recorded surfaces (the Info tab's changes). */
  readonly surfaces: SurfaceService;
  /** Remote servers' OAuth sign-ins, step by step (the sign-in debugger). */
  readonly oauthTraces: OAuthTraceStore;
  /** Remote servers' HTTP traffic (the Network view). */
  readonly network: NetworkStore;
  /** Breakpoints and the servers running under the debugger. */
  readonly debug: DebugService;
  /** Leftover server processes of an earlier run found at start (and what was done about them; app.info's notice). */
  readonly staleProcesses: StaleProcessReport[];
}

/** Build the engine: plain Node, no shell-specific code. Every shell serves `handlers` and `streams`. */
export async function createEngine(options: EngineOptions): Promise<Engine> {
  const { handlers, streams, shutdown } = await createEngineWithServices(options);
  return { handlers, streams, shutdown };
}

/** The engine with its services in view: for tests and benchmarks only (shells use `createEngine`). */
export async function createEngineWithServices(options: EngineOptions): Promise<Engine & EngineServices> {
  const clock = options.clock ?? systemClock;
  const logs = new LogService(clock, options.logs);
  const processTable = options.processTable ?? createProcessTable();
  const metrics = new MetricsService(clock, processTable, options.metrics);
  const active = new ActiveCalls();
  const tasks = new TaskRegistry();
  // Servers a dead MCP Lab (and its dead lifeline) left running are stopped before anything starts.
  const stale = await ProcessLedger.reapStale(options.appDataDir);
  const ledger = new ProcessLedger(options.appDataDir);
  const lifeline = ledger.wrap(startLifeline());
  const secretStore = options.secrets ?? (await FileSecretStore.open(options.appDataDir));
  // Secrets belong to a workspace and a server together, never to a server id alone.
  const secrets = secretStore.forWorkspace(await workspaceKey(options.workspaceDir));
  const file = new WorkspaceFile(options.workspaceDir);
  const oauthTraces = new OAuthTraceStore();
  const network = new NetworkStore();
  // Breakpoints are kept with the workspace's other state in the app-data folder (a one-shot CLI run keeps none).
  const breakpoints = await BreakpointStore.open(
    options.host === 'cli' ? undefined : breakpointFileFor(options.appDataDir, options.workspaceDir),
  );
  const debug = new DebugService(options.workspaceDir, clock, breakpoints);
  const envSource = {
    processEnv: options.processEnv ?? process.env,
    ...(options.loginShellPath ? { loginShellPath: options.loginShellPath } : {}),
  };
  const clientRequests = new PendingClientRequests(
    clock,
    (id, level, text) => logs.append(id, { source: 'app', level, text }),
    options.clientRequestTimeoutMs,
  );
  const servers = new ServerManager(
    {
      clock,
      logs,
      lifeline,
      processTable,
      envSource,
      secrets: sessionSecrets(secrets),
      metrics,
      workspaceDir: options.workspaceDir,
      clientRequests,
      handshakeTimeoutMs: options.handshakeTimeoutMs ?? 30_000,
      wording: wordingFor(options.host),
      maxMessageBytes: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
      ...(options.hardMaxCallMs !== undefined ? { hardMaxCallMs: options.hardMaxCallMs } : {}),
      ...(options.signInTimeoutMs !== undefined ? { signInTimeoutMs: options.signInTimeoutMs } : {}),
      oauthTraces,
      network,
      debugger: debug,
    },
    file,
    secrets,
    (options.requireConsent ?? (options.host === 'electron' || options.host === 'web'))
      ? await ConsentStore.open(options.appDataDir, options.workspaceDir)
      : undefined,
  );
  const { existed } = await servers.load();
  if (!existed && options.seedServers?.length) {
    for (const s of options.seedServers) await servers.add(s);
  }
  const configWatcher =
    (options.watchWorkspaceFile ?? options.host !== 'cli')
      ? new ConfigFileWatcher(options.workspaceDir, () => void servers.reloadFromDisk().catch(() => undefined))
      : undefined;
  // A new workspace's folder appears with its first save: follow the file from then on.
  if (configWatcher) servers.onDidSaveFile(() => configWatcher.ensure());

  const appInfo = (): AppInfo => ({
    name: 'MCP Lab',
    version: APP_VERSION,
    host: options.host,
    workspaceDir: options.workspaceDir,
    platform: process.platform,
    ...(stale.length ? { notices: [describeStaleProcesses(stale)] } : {}),
  });

  const downloads = new DownloadStore(options.downloadsDir ?? path.join(options.appDataDir, 'downloads'));
  const loadStore = new LoadRunStore(options.workspaceDir);
  const load = new LoadRunner(servers, processTable, metrics, loadStore, clock, logs);
  const health = new HealthMonitor(servers, clock, { intervalMs: 15_000, timeoutMs: 5_000, ...options.health });

  const workspace = await WorkspaceService.open({
    workspaceDir: options.workspaceDir,
    appDataDir: options.appDataDir,
    clock,
    allowedRoots: options.allowedRoots ?? [],
  });
  if (options.host !== 'cli') await workspace.recent.touch(options.workspaceDir, clock.now()).catch(() => undefined);

  const projects = new ProjectService({
    servers,
    workspaceDir: options.workspaceDir,
    allowedRoots: options.allowedRoots ?? [],
    clock,
    env: { ...(options.processEnv ?? process.env), ...(options.loginShellPath ? { PATH: options.loginShellPath } : {}) },
  });

  const suites = new SuiteStore(options.workspaceDir);
  const testing = {
    store: suites,
    runner: new TestRunner(suites, servers, clock),
    fuzz: new FuzzRunner(servers, logs, clock),
    linter: new Linter(
      servers,
      logs,
      new LintConfig(options.lintConfigDir ?? options.workspaceDir),
      clock,
      options.workspaceDir,
      oauthTraces,
    ),
    exporter: new SuiteExporter(suites, servers, options.workspaceDir),
  };

  const reload = new HotReload(servers, options.workspaceDir, clock);
  // Each run's surface, kept per server in the app-data folder (the CLI's one-shot engines keep none).
  const surfaces = new SurfaceService(
    servers,
    new SurfaceStore(options.host === 'cli' ? undefined : surfaceDirFor(options.appDataDir, options.workspaceDir)),
    clock,
    reload.onDidReload,
  );

  // Call history: recorded where the request handlers produce outcomes, in one place.
  const history = await HistoryService.open({
    appDataDir: options.appDataDir,
    workspaceDir: options.workspaceDir,
    downloadsDir: downloads.dir,
    clock,
    secretsOf: (id) => logs.secretsOf(id),
    ...(options.history ? { limits: options.history } : {}),
  });
  const serverLists = createServerListHandlers({ servers, workspaceDir: options.workspaceDir, env: options.processEnv ?? process.env });
  const serverName = (id: string) => (servers.has(id) ? servers.get(id).config.name : id);
  // Every handler; the history kinds among them come back wrapped so that each outcome is recorded.
  const all = markAppRequests(
    {
      ...createHistoryHandlers(history, () => recorder),
      ...serverLists,
      ...createApiHandlers({ servers, logs, metrics, active, appInfo, downloads, tasks, clock }),
      ...createTaskHandlers(tasks, servers),
      ...createLoadHandlers(load, loadStore),
      ...createRequestHandlers(servers, downloads),
      ...createClientRequestHandlers(clientRequests),
      ...createWorkspaceHandlers(workspace, options.openWorkspace),
      ...createProjectHandlers(projects),
      ...createToolBuilderHandlers(new ToolBuilderService(servers, options.workspaceDir, options.allowedRoots)),
      ...createTestingHandlers(testing),
      ...createRemoteHandlers(servers),
      ...createDeprecationHandlers(servers, logs, oauthTraces),
      ...createNetworkHandlers(network),
      ...createSurfaceHandlers(surfaces),
      ...createSessionHandlers({ servers, logs, history, loadRuns: loadStore, network, secrets: sessionSecrets(secrets), clock }),
      ...createConfigHandlers(servers, secretStore),
      ...createDebugHandlers(debug, servers, { workspaceDir: options.workspaceDir, envSource }),
    } satisfies ApiHandlers,
    logs,
  );
  const recorder: HistoryRecorder = recordHistory(all, history, serverName);

  let shutdown: Promise<void> | undefined;
  return {
    handlers: options.recordHistory === false ? all : recorder.handlers,
    streams: {
      ...createApiStreams({ servers, logs, metrics, active }),
      ...createLoadStreams(load),
      ...createRequestStreams(servers),
      ...createClientRequestStreams(clientRequests, servers),
      ...createWorkspaceStreams(workspace),
      ...createProjectStreams(projects),
      ...createReloadStreams(reload),
      ...createTestingStreams(testing),
      ...createHistoryStreams(history),
      ...createOAuthStreams(oauthTraces, servers),
      ...createNetworkStreams(network, servers),
      ...createSurfaceStreams(surfaces, servers),
      ...createConfigStreams(servers),
      ...createTaskStreams(tasks, servers),
      ...createDebugStreams(debug, servers),
    } satisfies ApiStreams,
    servers,
    logs,
    metrics,
    load,
    staleProcesses: stale,
    workspace,
    testing,
    projects,
    reload,
    history,
    surfaces,
    oauthTraces,
    network,
    debug,
    shutdown: () =>
      (shutdown ??= (async () => {
        configWatcher?.dispose();
        load.dispose();
        testing.runner.dispose();
        testing.fuzz.dispose();
        projects.dispose();
        reload.dispose();
        surfaces.dispose();
        health.dispose();
        await servers.stopAll('MCP Lab is shutting down');
        debug.dispose();
        clientRequests.dispose();
        oauthTraces.dispose();
        network.dispose();
        logs.flush();
        servers.dispose();
        metrics.dispose();
        active.dispose();
        tasks.dispose();
        logs.dispose();
        lifeline.dispose();
        history.dispose();
        await history.close();
        await surfaces.whenRecorded();
        await breakpoints.flushed();
        await ledger.flushed(); // its file is removed last: nothing may write into app data after shutdown
        await workspace.shutdown();
      })()),
  };
}
