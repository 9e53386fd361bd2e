import type { ApiClient } from '../../../src-shared/api/api-client';
import type { WorkbenchStore } from '../workbench-store';
import { perServerStreams, type PerServerStreams } from './per-server-streams';

export type OAuthStreams = PerServerStreams;

/** Part of store/sync: each remote server's OAuth sign-ins, step by step, into the oauth slice. */
export function bindOAuthEvents(api: ApiClient, wb: WorkbenchStore): OAuthStreams {
  const ignore = () => {}; // the server vanished meanwhile: the next snapshot cleans up
  return perServerStreams(
    (id) => api.subscribe('oauth.traced', { serverId: id }, ({ traces }) => wb.getState()._applyOAuthTraces(id, traces), ignore),
    (id) => wb.getState()._dropServerOAuth(id),
  );
}
