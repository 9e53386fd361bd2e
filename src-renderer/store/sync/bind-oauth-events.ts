import type { ApiClient } from '../../../src-shared/api/api-client';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import { type IDisposable, toDisposable } from '../../../src-shared/base/lifecycle';
import type { WorkbenchStore } from '../workbench-store';

export interface OAuthStreams extends IDisposable {
  /** Open the sign-in stream of remote servers that appeared, close those of servers that went. */
  reconcile(remoteServerIds: ServerId[]): void;
}

/** Part of store/sync: each remote server's OAuth sign-ins, step by step, into the oauth slice. */
export function bindOAuthEvents(api: ApiClient, wb: WorkbenchStore): OAuthStreams {
  const state = () => wb.getState();
  const perServer = new Map<ServerId, IDisposable>();
  const ignore = () => {}; // the server vanished meanwhile: the next snapshot cleans up
  const closeAll = toDisposable(() => {
    for (const sub of perServer.values()) sub.dispose();
    perServer.clear();
  });
  return {
    reconcile(ids) {
      const wanted = new Set(ids);
      for (const [id, sub] of perServer) {
        if (wanted.has(id)) continue;
        sub.dispose();
        perServer.delete(id);
        state()._dropServerOAuth(id);
      }
      for (const id of ids) {
        if (!perServer.has(id)) perServer.set(id, api.subscribe('oauth.traced', { serverId: id }, ({ traces }) => state()._applyOAuthTraces(id, traces), ignore));
      }
    },
    dispose: () => closeAll.dispose(),
  };
}
