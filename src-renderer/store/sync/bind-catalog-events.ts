import type { ApiClient } from '../../../src-shared/api/api-client';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import { DisposableStore, type IDisposable, toDisposable } from '../../../src-shared/base/lifecycle';
import type { WorkbenchStore } from '../workbench-store';

export interface CatalogStreams extends IDisposable {
  /** Open the resources and prompts streams of servers that appeared, close those of servers that went. */
  reconcile(serverIds: ServerId[]): void;
}

/**
 * Part of store/sync: mirrors each server's resources, templates, subscriptions and prompts, and
 * every resource update, into the catalog slice. bindApiEvents owns it and calls `reconcile` with
 * each server snapshot.
 */
export function bindCatalogEvents(api: ApiClient, wb: WorkbenchStore): CatalogStreams {
  const d = new DisposableStore();
  const state = () => wb.getState();
  const perServer = new Map<ServerId, IDisposable>();
  // The server vanished between the snapshot and the subscription: the next snapshot cleans up.
  const ignore = () => {};

  d.add(api.subscribe('resources.updated', {}, (u) => state()._noteResourceUpdate(u)));
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
        state()._dropServerCatalog(id);
      }
      for (const id of ids) {
        if (perServer.has(id)) continue;
        const subs = new DisposableStore();
        subs.add(api.subscribe('resources.changed', { serverId: id }, (list) => state()._applyResourceList(list), ignore));
        subs.add(api.subscribe('prompts.changed', { serverId: id }, (list) => state()._applyPromptList(list), ignore));
        perServer.set(id, subs);
      }
    },
    dispose: () => d.dispose(),
  };
}
