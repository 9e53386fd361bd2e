import type { ApiHandlers, ApiStreams } from '../../../src-shared/api/contract';
import { Event } from '../../../src-shared/base/event';
import type { ServerManager } from '../servers/server-manager';
import type { SurfaceService } from '../surface/surface-service';
import { followServers } from './server-filter';
import { replayThen } from './stream-helpers';

export function createSurfaceHandlers(surfaces: SurfaceService): Pick<ApiHandlers, 'surface.get'> {
  return {
    'surface.get': async ({ serverId }) => surfaces.current(serverId),
  };
}

/** The Info tab's versions: the kept ones first, then the whole list after each new one. */
export function createSurfaceStreams(surfaces: SurfaceService, servers: ServerManager): Pick<ApiStreams, 'surface.recorded'> {
  return {
    'surface.recorded': ({ serverId }, emit) =>
      followServers(servers, serverId, ({ config: { id } }) =>
        replayThen(
          () => ({ serverId: id, versions: surfaces.loadedVersions(id) }),
          Event.map(
            Event.filter(surfaces.onDidChange, (c) => c.serverId === id),
            (c) => ({ serverId: id, versions: c.versions }),
          ),
          emit,
        ),
      ),
  };
}
