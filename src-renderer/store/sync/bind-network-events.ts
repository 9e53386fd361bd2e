import type { ApiClient } from '../../../src-shared/api/api-client';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import { type IDisposable, toDisposable } from '../../../src-shared/base/lifecycle';
import type { WorkbenchStore } from '../workbench-store';

export interface NetworkStreams extends IDisposable {
  /** Open the traffic stream of remote servers that appeared, close those of servers that went. */
  reconcile(remoteServerIds: ServerId[]): void;
}

/** Part of store/sync: each remote server's HTTP requests into the network slice. */
export function bindNetworkEvents(api: ApiClient, wb: WorkbenchStore): NetworkStreams {
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
        state()._dropServerNetwork(id);
      }
      for (const id of ids) {
        if (!perServer.has(id)) perServer.set(id, api.subscribe('network.recorded', { serverId: id }, ({ entries }) => state()._applyNetwork(id, entries), ignore));
      }
    },
    dispose: () => closeAll.dispose(),
  };
}
