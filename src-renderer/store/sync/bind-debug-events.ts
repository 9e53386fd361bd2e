import type { ApiClient } from '../../../src-shared/api/api-client';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import { DisposableStore, type IDisposable, toDisposable } from '../../../src-shared/base/lifecycle';
import type { WorkbenchStore } from '../workbench-store';

export interface DebugStreams extends IDisposable {
  reconcile(serverIds: ServerId[]): void;
}

/** Part of store/sync: the breakpoints, and each server's debug state, into the debug slice. */
export function bindDebugEvents(api: ApiClient, wb: WorkbenchStore): DebugStreams {
  const d = new DisposableStore();
  const perServer = new Map<ServerId, IDisposable>();
  const ignore = () => {};
  d.add(api.subscribe('debug.breakpointsChanged', {}, (list) => wb.getState()._applyBreakpoints(list), ignore));
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
      }
      for (const id of ids) {
        if (perServer.has(id)) continue;
        perServer.set(
          id,
          api.subscribe('debug.changed', { serverId: id }, (s) => wb.getState()._applyDebugState(id, s), ignore),
        );
      }
    },
    dispose: () => d.dispose(),
  };
}
