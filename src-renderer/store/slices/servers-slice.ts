import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../src-shared/api/api-client';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import type { ServerConfigInput, ServerSummary, ServerUpdate } from '../../../src-shared/api/schemas/server';
import type { WorkbenchState } from '../workbench-store';

export interface ServersState {
  serversById: Record<ServerId, ServerSummary>;
  serverOrder: ServerId[];
  /** False until the first `servers.changed` snapshot arrived. */
  serversLoaded: boolean;
}

export interface ServersActions {
  /** Ask the engine to start a server; the new status arrives through `servers.changed`. */
  startServer(id: ServerId): Promise<void>;
  stopServer(id: ServerId): Promise<void>;
  restartServer(id: ServerId): Promise<void>;
  /** Resolves with the engine's summary; rejects with the engine's error (the dialog shows it verbatim). */
  addServer(input: ServerConfigInput): Promise<ServerSummary>;
  /** With `baseVersion` (the summary's configVersion the edit started from), a change made meanwhile in mcp-lab.json is a conflict. */
  updateServer(config: ServerUpdate): Promise<ServerSummary>;
  removeServer(id: ServerId): Promise<void>;
  /** Record a person's consent to the command they reviewed; rejects with the engine's reason. */
  approveServer(id: ServerId, fingerprint: string): Promise<void>;
  /** Start a server just approved: the mirrored summary may still say "consent needed" until the next snapshot. */
  startApprovedServer(id: ServerId, options?: { underDebugger?: boolean }): Promise<void>;
  /** Remote servers: forget the OAuth tokens; the new state arrives through `servers.changed`. */
  signOutServer(id: ServerId): Promise<void>;
  /** sync/ only. */
  _applyServerSnapshot(list: ServerSummary[]): void;
}

export type ServersSlice = ServersState & ServersActions;

export const createServersSlice =
  (api: ApiClient): StateCreator<WorkbenchState, [], [], ServersSlice> =>
  (set, get) => {
    const run = async (what: string, id: ServerId, fn: () => Promise<unknown>) => {
      try {
        await fn();
      } catch (e) {
        const name = get().serversById[id]?.config.name ?? id;
        get().pushNotice('error', `Could not ${what} "${name}": ${e instanceof Error ? e.message : String(e)}`);
      }
    };
    return {
      serversById: {},
      serverOrder: [],
      serversLoaded: false,
      // An unreviewed command is shown to the person first; the dialog starts it once allowed.
      startServer: (id) =>
        get().serversById[id]?.consent
          ? Promise.resolve(get().openDialog({ kind: 'consent', serverId: id }))
          : run('start', id, () => api.call('servers.start', { serverId: id })),
      stopServer: (id) => run('stop', id, () => api.call('servers.stop', { serverId: id })),
      restartServer: (id) => run('restart', id, () => api.call('servers.restart', { serverId: id })),
      addServer: (input) => api.call('servers.add', input),
      updateServer: (config) => api.call('servers.update', config),
      approveServer: async (id, fingerprint) => {
        await api.call('servers.approve', { serverId: id, fingerprint });
      },
      startApprovedServer: async (id, options) => {
        await api.call(options?.underDebugger ? 'debug.start' : 'servers.start', { serverId: id });
      },
      removeServer: (id) => run('remove', id, () => api.call('servers.remove', { serverId: id })),
      signOutServer: (id) => run('sign out of', id, () => api.call('servers.signOut', { serverId: id })),
      _applyServerSnapshot: (list) =>
        set((s) => {
          const serversById = Object.fromEntries(list.map((x) => [x.config.id, x]));
          const serverOrder = list.map((x) => x.config.id);
          const selected = s.selectedServerId;
          const selectedServerId = selected && serversById[selected] ? selected : (serverOrder[0] ?? null);
          return { serversById, serverOrder, serversLoaded: true, selectedServerId };
        }),
    };
  };

export const serverSelectors = {
  byId: (id: ServerId | null) => (s: WorkbenchState) => (id ? s.serversById[id] : undefined),
  selected: (s: WorkbenchState) => (s.selectedServerId ? s.serversById[s.selectedServerId] : undefined),
  /** Use with useShallow. */
  list: (s: WorkbenchState) => s.serverOrder.map((id) => s.serversById[id]!).filter(Boolean),
  ids: (s: WorkbenchState) => s.serverOrder,
};
