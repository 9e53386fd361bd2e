import type { ApiClient } from '../../../src-shared/api/api-client';
import { DisposableStore } from '../../../src-shared/base/lifecycle';
import type { WorkbenchStore } from '../workbench-store';
import { perServerStreams, type PerServerStreams } from './per-server-streams';

export type DebugStreams = PerServerStreams;

/** Part of store/sync: the breakpoints, and each server's debug state, into the debug slice. */
export function bindDebugEvents(api: ApiClient, wb: WorkbenchStore): DebugStreams {
  const d = new DisposableStore();
  const ignore = () => {}; // the server vanished meanwhile: the next snapshot cleans up
  d.add(api.subscribe('debug.breakpointsChanged', {}, (list) => wb.getState()._applyBreakpoints(list), ignore));
  const perServer = d.add(
    perServerStreams(
      (id) => api.subscribe('debug.changed', { serverId: id }, (s) => wb.getState()._applyDebugState(id, s), ignore),
      (id) => wb.getState()._dropServerDebug(id),
    ),
  );
  return { reconcile: (ids) => perServer.reconcile(ids), dispose: () => d.dispose() };
}
