import type { ApiHandlers, ApiStreams } from '../../../src-shared/api/contract';
import { Event } from '../../../src-shared/base/event';
import type { PendingClientRequests } from '../client-requests/pending-client-requests';
import type { ServerManager } from '../servers/server-manager';
import { snapshotStream } from './stream-helpers';

/** Server → client requests (sampling, elicitation) that wait for a person, and their answers. */
export function createClientRequestHandlers(pending: PendingClientRequests): Pick<ApiHandlers, 'requests.respond'> {
  return {
    'requests.respond': async ({ requestId, response }) => pending.respond(requestId, response),
  };
}

export function createClientRequestStreams(
  pending: PendingClientRequests,
  servers: ServerManager,
): Pick<ApiStreams, 'requests.pending' | 'requests.ended'> {
  const known = (serverId: string | undefined) => {
    if (serverId !== undefined) servers.get(serverId); // NotFound for an unknown server, as other streams
  };
  return {
    'requests.pending': ({ serverId }, emit) => {
      known(serverId);
      return snapshotStream(() => pending.list(serverId), [pending.onDidChange], emit, 0);
    },
    'requests.ended': ({ serverId }, emit) => {
      known(serverId);
      return Event.filter(pending.onDidEnd, (e) => serverId === undefined || e.serverId === serverId)(emit);
    },
  };
}
