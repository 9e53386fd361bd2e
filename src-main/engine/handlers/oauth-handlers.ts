import { Event } from '../../../src-shared/base/event';
import type { ApiStreams } from '../../../src-shared/api/contract';
import type { OAuthTraceStore } from '../remote/oauth-trace-store';
import { replayThen } from './stream-helpers';

/** The sign-in debugger's stream: a server's kept sign-ins first, then each one again as it changes. */
export function createOAuthStreams(traces: OAuthTraceStore): Pick<ApiStreams, 'oauth.traced'> {
  return {
    'oauth.traced': ({ serverId }, emit) =>
      replayThen(
        () => ({ traces: traces.list(serverId) }),
        Event.map(
          Event.filter(traces.onDidChange, (t) => t.serverId === serverId),
          (t) => ({ traces: [t] }),
        ),
        emit,
      ),
  };
}
