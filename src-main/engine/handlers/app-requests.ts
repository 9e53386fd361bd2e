import type { ApiHandlers } from '../../../src-shared/api/contract';
import type { LogService } from '../logs/log-service';

/**
 * Requests an MCP App makes go to the server through the same handlers as the person's (same
 * history, same protocol tap); this adds one line to the server's log, just before the request's
 * protocol entries, saying which App sent it.
 */
export function markAppRequests(handlers: ApiHandlers, logs: LogService): ApiHandlers {
  const note = (serverId: string, app: string, what: string) =>
    logs.append(serverId, { source: 'app', level: 'info', text: `from the App ${app}: ${what}` });
  return {
    ...handlers,
    'tools.call': async (p, ctx) => {
      if (p.fromApp) note(p.serverId, p.fromApp, `tools/call ${p.toolName}`);
      return handlers['tools.call'](p, ctx);
    },
    'resources.read': async (p, ctx) => {
      if (p.fromApp) note(p.serverId, p.fromApp, `resources/read ${p.uri}`);
      return handlers['resources.read'](p, ctx);
    },
  };
}
