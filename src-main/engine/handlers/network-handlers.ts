import { Event } from '../../../src-shared/base/event';
import type { ApiHandlers, ApiStreams } from '../../../src-shared/api/contract';
import type { NetworkStore } from '../remote/network-store';
import type { ServerManager } from '../servers/server-manager';
import { followServers } from './server-filter';
import { replayThen } from './stream-helpers';

/** The Network view: a remote server's kept HTTP requests first, then each new one. */
export function createNetworkStreams(network: NetworkStore, servers: ServerManager): Pick<ApiStreams, 'network.recorded'> {
  return {
    'network.recorded': ({ serverId }, emit) =>
      followServers(servers, serverId, ({ config: { id } }) =>
        replayThen(
          () => ({ serverId: id, entries: network.list(id) }),
          Event.map(
            Event.filter(network.onDidRecord, (r) => r.serverId === id),
            (r) => ({ serverId: id, entries: [r.entry] }),
          ),
          emit,
        ),
      ),
  };
}

export function createNetworkHandlers(network: NetworkStore): Pick<ApiHandlers, 'network.clear'> {
  return {
    'network.clear': async ({ serverId }) => {
      network.clear(serverId);
      return { cleared: true };
    },
  };
}
