import type { ApiClient } from '../../../src-shared/api/api-client';
import type { WorkbenchStore } from '../workbench-store';
import { perServerStreams, type PerServerStreams } from './per-server-streams';

/** Part of store/sync: each server's recorded surfaces into the surface slice. */
export function bindSurfaceEvents(api: ApiClient, wb: WorkbenchStore): PerServerStreams {
  const ignore = () => {}; // the server vanished meanwhile: the next snapshot cleans up
  return perServerStreams(
    (id) =>
      api.subscribe('surface.recorded', { serverId: id }, ({ versions }) => wb.getState()._applySurfaceVersions(id, versions), ignore),
    (id) => wb.getState()._dropServerSurfaces(id),
  );
}
