import type { ApiHandlers } from '../../../src-shared/api/contract';
import type { ServerManager } from '../servers/server-manager';

/** Remote servers: OAuth sign-out. Signing in happens as part of a start. */
export function createRemoteHandlers(servers: ServerManager): Pick<ApiHandlers, 'servers.signOut'> {
  return {
    'servers.signOut': async ({ serverId }) => {
      await servers.get(serverId).signOut();
      return servers.summary(serverId);
    },
  };
}
