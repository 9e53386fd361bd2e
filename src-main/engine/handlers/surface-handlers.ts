import type { ApiHandlers, ApiStreams } from '../../../src-shared/api/contract';
import { Event } from '../../../src-shared/base/event';
import type { SurfaceService } from '../surface/surface-service';
import { replayThen } from './stream-helpers';

export function createSurfaceHandlers(surfaces: SurfaceService): Pick<ApiHandlers, 'surface.get'> {
  return {
    'surface.get': async ({ serverId }) => surfaces.current(serverId),
  };
}

/** The Info tab's versions: the kept ones first, then the whole list after each new one. */
export function createSurfaceStreams(surfaces: SurfaceService): Pick<ApiStreams, 'surface.recorded'> {
  return {
    'surface.recorded': ({ serverId }, emit) =>
      replayThen(
        () => ({ versions: surfaces.loadedVersions(serverId) }),
        Event.map(
          Event.filter(surfaces.onDidChange, (c) => c.serverId === serverId),
          (c) => ({ versions: c.versions }),
        ),
        emit,
      ),
  };
}
