import type { ApiClient } from '../../../src-shared/api/api-client';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import { DisposableStore, type IDisposable, toDisposable } from '../../../src-shared/base/lifecycle';
import type { WorkbenchStore } from '../workbench-store';

export interface TaskStreams extends IDisposable {
  /** Open the tasks stream of servers that appeared, close those of servers that went. */
  reconcile(serverIds: ServerId[]): void;
}

/** Part of store/sync: mirrors each server's tasks into the tasks slice (bindApiEvents calls `reconcile`). */
export function bindTaskEvents(api: ApiClient, wb: WorkbenchStore): TaskStreams {
  const d = new DisposableStore();
  const perServer = new Map<ServerId, IDisposable>();
  const ignore = () => {};
  d.add(
    toDisposable(() => {
      for (const sub of perServer.values()) sub.dispose();
      perServer.clear();
    }),
  );
  return {
    reconcile(ids) {
      const wanted = new Set(ids);
      for (const [id, sub] of perServer) {
        if (wanted.has(id)) continue;
        sub.dispose();
        perServer.delete(id);
        wb.getState()._dropServerTasks(id);
      }
      for (const id of ids) {
        if (perServer.has(id)) continue;
        perServer.set(id, api.subscribe('tasks.changed', { serverId: id }, (list) => wb.getState()._applyTasks(id, list), ignore));
      }
    },
    dispose: () => d.dispose(),
  };
}
