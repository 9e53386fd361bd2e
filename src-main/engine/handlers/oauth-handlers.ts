import { Event } from '../../../src-shared/base/event';
import type { ApiStreams } from '../../../src-shared/api/contract';
import type { OAuthTraceStore } from '../remote/oauth-trace-store';
import type { ServerManager } from '../servers/server-manager';
import { followServers } from './server-filter';
import { replayThen } from './stream-helpers';

/** The sign-in debugger's stream: a server's kept sign-ins first, then each one again as it changes. */
export function createOAuthStreams(traces: OAuthTraceStore, servers: ServerManager): Pick<ApiStreams, 'oauth.traced'> {
  return {
    'oauth.traced': ({ serverId }, emit) =>
      followServers(servers, serverId, ({ config: { id } }) =>
        replayThen(
          () => ({ serverId: id, traces: traces.list(id) }),
          Event.map(
            Event.filter(traces.onDidChange, (t) => t.serverId === id),
            (t) => ({ serverId: id, traces: [t] }),
          ),
          emit,
        ),
      ),
  };
}
