import type { ApiHandlers } from '../../../src-shared/api/contract';
import type { LogService } from '../logs/log-service';
import type { OAuthTraceStore } from '../remote/oauth-trace-store';
import { deprecationsOf } from '../servers/deprecated-uses';
import type { ServerManager } from '../servers/server-manager';

/** Which features 2026-07-28 deprecates the server was seen to use (the Info tab's report). */
export function createDeprecationHandlers(
  servers: ServerManager,
  logs: LogService,
  traces: OAuthTraceStore,
): Pick<ApiHandlers, 'servers.deprecations'> {
  return {
    'servers.deprecations': async ({ serverId }) => ({ serverId, uses: deprecationsOf(servers.get(serverId), logs, traces) }),
  };
}
