import path from 'node:path';
import type { ApiHandlers, ApiStreams } from '../../../src-shared/api/contract';
import { ApiError } from '../../../src-shared/api/errors';
import { Event } from '../../../src-shared/base/event';
import type { DebugService } from '../debug/debug-service';
import { installDebugpy, isPythonCommand } from '../debug/python-launch';
import type { ServerManager } from '../servers/server-manager';
import { buildServerEnv } from '../servers/spawn-env';
import type { SessionDeps } from '../servers/session-deps';
import { requireConsent } from './api-handlers';
import { followServers } from './server-filter';
import { snapshotStream } from './stream-helpers';

type DebugMethods =
  | 'debug.start'
  | 'debug.installDebugpy'
  | 'debug.breakpoints'
  | 'debug.setBreakpoints'
  | 'debug.step'
  | 'debug.stackTrace'
  | 'debug.scopes'
  | 'debug.variables'
  | 'debug.evaluate';

export function createDebugHandlers(
  debug: DebugService,
  servers: ServerManager,
  deps: Pick<SessionDeps, 'workspaceDir' | 'envSource'>,
): Pick<ApiHandlers, DebugMethods> {
  return {
    'debug.start': async ({ serverId }) => {
      requireConsent(servers, serverId);
      const session = servers.get(serverId);
      if (session.config.transport !== 'stdio')
        throw new ApiError('InvalidParams', `"${session.config.name}" is a remote server: MCP Lab can debug only servers it starts itself`);
      // A server already running without the debugger starts again under it.
      if (session.isRunning) await session.stop('restarting under the debugger');
      await session.start({ debug: true });
      return servers.summary(serverId);
    },
    'debug.installDebugpy': async ({ serverId }) => {
      const { config } = servers.get(serverId);
      if (config.transport !== 'stdio' || !isPythonCommand(config))
        throw new ApiError('InvalidParams', `"${config.name}" is not started with Python: debugpy is for Python servers`);
      const cwd = path.resolve(deps.workspaceDir, config.cwd ?? '.');
      // The same environment the server gets (its PATH finds the same python), without its secrets.
      const env = buildServerEnv(
        config.env.filter((e) => !e.secret),
        () => undefined,
        deps.envSource,
      );
      return installDebugpy(config, cwd, env);
    },
    'debug.breakpoints': async () => debug.breakpoints(),
    'debug.setBreakpoints': async (fb) => debug.setBreakpoints(fb),
    'debug.step': ({ serverId, action }) =>
      debug.whilePaused(serverId, async (r) => {
        await r.step(action);
        return r.state;
      }),
    'debug.stackTrace': ({ serverId }) => debug.whilePaused(serverId, (r) => r.stackTrace()),
    'debug.scopes': ({ serverId, frameId }) => debug.whilePaused(serverId, (r) => r.scopes(frameId)),
    'debug.variables': ({ serverId, variablesReference }) => debug.whilePaused(serverId, (r) => r.variables(variablesReference)),
    'debug.evaluate': ({ serverId, expression, frameId }) => debug.whilePaused(serverId, (r) => r.evaluate(expression, frameId)),
  };
}

export function createDebugStreams(
  debug: DebugService,
  servers: ServerManager,
): Pick<ApiStreams, 'debug.changed' | 'debug.breakpointsChanged'> {
  return {
    'debug.changed': ({ serverId }, emit) =>
      followServers(servers, serverId, ({ config: { id } }) =>
        snapshotStream(() => debug.state(id), [Event.filter(debug.onDidChange, (changed) => changed === id)], emit),
      ),
    'debug.breakpointsChanged': (_p, emit) => snapshotStream(() => debug.breakpoints(), [debug.onDidChangeBreakpoints], emit),
  };
}
