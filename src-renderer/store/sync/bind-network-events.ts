import type { ApiClient } from '../../../src-shared/api/api-client';
import type { WorkbenchStore } from '../workbench-store';
import { perServerStreams, type PerServerStreams } from './per-server-streams';

export type NetworkStreams = PerServerStreams;

/** Part of store/sync: each remote server's HTTP requests into the network slice. */
export function bindNetworkEvents(api: ApiClient, wb: WorkbenchStore): NetworkStreams {
  const ignore = () => {}; // the server vanished meanwhile: the next snapshot cleans up
  return perServerStreams(
    (id) => api.subscribe('network.recorded', { serverId: id }, ({ entries }) => wb.getState()._applyNetwork(id, entries), ignore),
    (id) => wb.getState()._dropServerNetwork(id),
  );
}
