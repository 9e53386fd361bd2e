import type { ApiClient } from '../../../src-shared/api/api-client';
import type { WorkbenchStore } from '../workbench-store';
import { perServerStreams, type PerServerStreams } from './per-server-streams';

export type TaskStreams = PerServerStreams;

/** Part of store/sync: mirrors each server's tasks into the tasks slice (bindApiEvents calls `reconcile`). */
export function bindTaskEvents(api: ApiClient, wb: WorkbenchStore): TaskStreams {
  const ignore = () => {};
  return perServerStreams(
    (id) => api.subscribe('tasks.changed', { serverId: id }, ({ tasks }) => wb.getState()._applyTasks(id, tasks), ignore),
    (id) => wb.getState()._dropServerTasks(id),
  );
}
