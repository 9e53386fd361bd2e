import type { StateCreator } from 'zustand';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import type { SurfaceVersion } from '../../../src-shared/api/schemas/surface';
import type { WorkbenchState } from '../workbench-store';

/** Each server's recorded surfaces, newest first (mirrored by store/sync): the Info tab's Changes. */
export interface SurfaceSlice {
  surfaces: Record<ServerId, SurfaceVersion[]>;
  /** sync/ only: the whole list, as the engine sends it after each new version. */
  _applySurfaceVersions(serverId: ServerId, versions: SurfaceVersion[]): void;
  _dropServerSurfaces(serverId: ServerId): void;
}

const EMPTY: SurfaceVersion[] = [];

export const createSurfaceSlice = (): StateCreator<WorkbenchState, [], [], SurfaceSlice> => (set) => ({
  surfaces: {},
  _applySurfaceVersions: (serverId, versions) => set((s) => ({ surfaces: { ...s.surfaces, [serverId]: versions } })),
  _dropServerSurfaces: (serverId) =>
    set((s) => {
      if (!(serverId in s.surfaces)) return {};
      const next = { ...s.surfaces };
      delete next[serverId];
      return { surfaces: next };
    }),
});

export const surfaceSelectors = {
  versions: (serverId: ServerId) => (s: WorkbenchState) => s.surfaces[serverId] ?? EMPTY,
};
