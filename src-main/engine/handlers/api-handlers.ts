import { randomBytes } from 'node:crypto';
import type { Progress } from '@modelcontextprotocol/sdk/types.js';
import { ApiError } from '../../../src-shared/api/errors';
import type { ApiHandlers, AppInfo } from '../../../src-shared/api/contract';
import type { DownloadStore } from '../downloads/download-store';
import { trimResult } from '../downloads/result-trimmer';
import type { LogService } from '../logs/log-service';
import type { MetricsService } from '../metrics/metrics-service';
import type { ActiveCalls } from '../servers/active-calls';
import type { ServerManager } from '../servers/server-manager';
import type { Clock } from '../base/clock';
import { taskSupportOf } from '../../../src-shared/api/schemas/task';
import type { TaskRegistry } from '../tasks/task-registry';
import { notReady } from './not-ready';

export interface HandlerDeps {
  servers: ServerManager;
  logs: LogService;
  metrics: MetricsService;
  active: ActiveCalls;
  appInfo: () => AppInfo;
  downloads: DownloadStore;
  tasks: TaskRegistry;
  clock: Clock;
}

/**
 * The core methods: app, servers, tools, logs, metrics. Each other domain serves its methods from
 * its own `*-handlers.ts`; create-engine merges them and checks that the contract is covered.
 */
export type CoreMethods =
  | 'app.info'
  | 'servers.list'
  | 'servers.add'
  | 'servers.update'
  | 'servers.remove'
  | 'servers.start'
  | 'servers.stop'
  | 'servers.restart'
  | 'servers.approve'
  | 'tools.list'
  | 'tools.call'
  | 'logs.counts'
  | 'logs.clear'
  | 'metrics.toolStats'
  | 'downloads.read';

export function createApiHandlers({
  servers,
  logs,
  metrics,
  active,
  appInfo,
  downloads,
  tasks,
  clock,
}: HandlerDeps): Pick<ApiHandlers, CoreMethods> {
  return {
    'app.info': async () => appInfo(),

    'servers.list': async () => servers.list(),
    'servers.add': async (p) => servers.add(p),
    'servers.update': async (p) => servers.update(p),
    'servers.remove': async ({ serverId }) => ({ removed: await servers.remove(serverId) }),
    'servers.start': async ({ serverId }) => {
      requireConsent(servers, serverId);
      await servers.get(serverId).start({ debug: false });
      return servers.summary(serverId);
    },
    'servers.stop': async ({ serverId }) => {
      await servers.get(serverId).stop();
      return servers.summary(serverId);
    },
    'servers.restart': async ({ serverId }) => {
      requireConsent(servers, serverId);
      await servers.get(serverId).restart();
      return servers.summary(serverId);
    },
    'servers.approve': async ({ serverId, fingerprint }) => {
      await servers.approve(serverId, fingerprint);
      return servers.summary(serverId);
    },

    'tools.list': async ({ serverId }) => servers.get(serverId).listedTools(),
    'tools.call': async (p, { signal }) => {
      const session = servers.get(p.serverId);
      const callId = p.callId ?? nextCallId();
      const req = { callId, toolName: p.toolName, arguments: p.arguments, timeoutMs: p.timeoutMs };
      const onProgress = (pr: Progress) =>
        active.progress(callId, {
          progress: pr.progress,
          ...(pr.total !== undefined ? { total: pr.total } : {}),
          ...(pr.message ? { message: pr.message } : {}),
        });
      const tool = session.listedTools().tools.find((t) => t.name === p.toolName);
      const support = taskSupportOf(tool);
      if (p.asTask && support === 'forbidden') {
        throw new ApiError(
          'InvalidParams',
          `"${p.toolName}" does not declare task support (execution.taskSupport is "${support}"): call it without asTask`,
        );
      }
      const asTask = support === 'required' || (support === 'optional' && p.asTask === true);
      const conn = session.readyConnection;
      const pending =
        asTask && tool && conn
          ? // The tasks client (and the second SDK it brings) loads on the first task call, not with the engine.
            import('../tasks/run-task-call').then(({ runTaskCall }) =>
              runTaskCall(conn, tool, req, signal, onProgress, { serverId: p.serverId, clock, registry: tasks }),
            )
          : session.callTool(req, signal, onProgress);
      if (!pending) throw notReady(servers.summary(p.serverId));
      active.begin({ callId, serverId: p.serverId, toolName: p.toolName, startedAt: Date.now() });
      try {
        const outcome = await pending;
        metrics.recordCall(outcome);
        // A result too large for the caller's window: the whole one goes to disk, a trimmed view back.
        if (
          p.inlineLimitBytes !== undefined &&
          (outcome.status === 'ok' || outcome.status === 'toolError') &&
          outcome.responseBytes > p.inlineLimitBytes
        ) {
          const saved = await downloads.saveCallResult(p.toolName, callId, outcome.result);
          return { ...outcome, result: trimResult(outcome.result, p.inlineLimitBytes), truncated: saved };
        }
        return outcome;
      } finally {
        active.end(callId);
      }
    },

    'logs.counts': async ({ serverId }) => logs.counts(serverId),
    'logs.clear': async ({ serverId }) => ({ cleared: logs.clear(serverId) }),

    'downloads.read': async ({ path: file }) => {
      try {
        return { text: await downloads.read(file) };
      } catch (e) {
        throw new ApiError('NotFound', `cannot read ${file}: ${(e as Error).message}`);
      }
    },
    'metrics.toolStats': async ({ serverId }) => metrics.toolStats(serverId),
  };
}

/** A command nobody reviewed on this machine does not run: the UI shows it and asks first. */
export function requireConsent(servers: ServerManager, serverId: string): void {
  const consent = servers.consentNeeded(serverId);
  if (!consent) return;
  const { config } = servers.get(serverId);
  throw new ApiError(
    'ConsentRequired',
    config.transport === 'stdio'
      ? `"${config.name}" has a command this machine has not approved yet (new, imported or changed outside MCP Lab): review it before it runs`
      : `"${config.name}" has an address (URL and headers) this machine has not approved yet (new, imported or changed outside MCP Lab): review it before MCP Lab connects`,
    consent,
  );
}

/** Call ids only need to be unique within this engine's life: a per-process prefix and a counter (no random bytes per call). */
const CALL_ID_PREFIX = randomBytes(4).toString('hex');
let callCounter = 0;
function nextCallId(): string {
  return `${CALL_ID_PREFIX}-${(++callCounter).toString(36)}`;
}
