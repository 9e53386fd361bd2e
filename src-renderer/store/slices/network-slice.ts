import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../src-shared/api/api-client';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import type { NetworkEntry } from '../../../src-shared/api/schemas/network';
import type { WorkbenchState } from '../workbench-store';

/** As many as the engine keeps per server. */
const KEEP = 500;

/** The Network view: each remote server's HTTP requests (mirrored by store/sync). */
export interface NetworkSlice {
  /** Oldest first, by id. */
  network: Record<ServerId, NetworkEntry[]>;
  /** Ask the engine to forget them; the view empties when it has. */
  clearNetwork(serverId: ServerId): Promise<void>;
  /** sync/ only: the kept entries (first event, again after a reconnect) or new ones. */
  _applyNetwork(serverId: ServerId, entries: NetworkEntry[]): void;
  _dropServerNetwork(serverId: ServerId): void;
}

const EMPTY: NetworkEntry[] = [];

export const createNetworkSlice =
  (api: ApiClient): StateCreator<WorkbenchState, [], [], NetworkSlice> =>
  (set, get) => ({
    network: {},
    clearNetwork: async (serverId) => {
      await api.call('network.clear', { serverId });
      // The stream has no event for a clear: the engine's answer is the truth here.
      get()._dropServerNetwork(serverId);
    },
    _applyNetwork: (serverId, entries) =>
      set((s) => {
        const byId = new Map((s.network[serverId] ?? []).map((e) => [e.id, e]));
        for (const e of entries) byId.set(e.id, e);
        const list = [...byId.values()].sort((a, b) => a.id - b.id).slice(-KEEP);
        return { network: { ...s.network, [serverId]: list } };
      }),
    _dropServerNetwork: (serverId) =>
      set((s) => {
        if (!(serverId in s.network)) return {};
        const next = { ...s.network };
        delete next[serverId];
        return { network: next };
      }),
  });

export const networkSelectors = {
  entries: (serverId: ServerId) => (s: WorkbenchState) => s.network[serverId] ?? EMPTY,
};
