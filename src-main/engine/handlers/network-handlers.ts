import { Event } from '../../../src-shared/base/event';
import type { ApiHandlers, ApiStreams } from '../../../src-shared/api/contract';
import type { NetworkStore } from '../remote/network-store';
import { replayThen } from './stream-helpers';

/** The Network view: a remote server's kept HTTP requests first, then each new one. */
export function createNetworkStreams(network: NetworkStore): Pick<ApiStreams, 'network.recorded'> {
  return {
    'network.recorded': ({ serverId }, emit) =>
      replayThen(
        () => ({ entries: network.list(serverId) }),
        Event.map(
          Event.filter(network.onDidRecord, (r) => r.serverId === serverId),
          (r) => ({ entries: [r.entry] }),
        ),
        emit,
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
