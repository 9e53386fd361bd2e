import type { ApiClient } from '../../../src-shared/api/api-client';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import { type IDisposable, toDisposable } from '../../../src-shared/base/lifecycle';
import type { WorkbenchStore } from '../workbench-store';

export interface SurfaceStreams extends IDisposable {
  /** Open the versions stream of servers that appeared, close those of servers that went. */
  reconcile(serverIds: ServerId[]): void;
}

/** Part of store/sync: each server's recorded surfaces into the surface slice. */
export function bindSurfaceEvents(api: ApiClient, wb: WorkbenchStore): SurfaceStreams {
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
        state()._dropServerSurfaces(id);
      }
      for (const id of ids) {
        if (!perServer.has(id)) perServer.set(id, api.subscribe('surface.recorded', { serverId: id }, ({ versions }) => state()._applySurfaceVersions(id, versions), ignore));
      }
    },
    dispose: () => closeAll.dispose(),
  };
}
