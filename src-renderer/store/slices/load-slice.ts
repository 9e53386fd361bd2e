import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../src-shared/api/api-client';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import type { LoadRun, LoadRunSpecInput, LoadRunSummary } from '../../../src-shared/api/schemas/load';
import type { WorkbenchState } from '../workbench-store';

export interface LoadSlice {
  /** Runs seen on the `load.progressed` stream this session (live, then final), by id. */
  loadRuns: Record<string, LoadRun>;
  /** Saved runs of the workspace per server, as last fetched (newest first). */
  savedRunsByServer: Record<ServerId, LoadRunSummary[]>;
  /** Ask the engine to start a run; resolves with its first snapshot, rejects with the engine's reason. */
  startLoadRun(spec: LoadRunSpecInput): Promise<LoadRun>;
  stopLoadRun(runId: string): Promise<void>;
  refreshSavedRuns(serverId: ServerId): Promise<void>;
  /** A saved run with its timeline (for comparing or exporting); not kept in the store. */
  fetchLoadRun(runId: string): Promise<LoadRun>;
  /** sync/ only. */
  _applyLoadRun(run: LoadRun): void;
}

export const createLoadSlice =
  (api: ApiClient): StateCreator<WorkbenchState, [], [], LoadSlice> =>
  (set, get) => ({
    loadRuns: {},
    savedRunsByServer: {},
    startLoadRun: (spec) => api.call('load.start', spec),
    stopLoadRun: async (runId) => {
      try {
        await api.call('load.stop', { runId });
      } catch (e) {
        get().pushNotice('error', `Could not stop the run: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
    refreshSavedRuns: async (serverId) => {
      try {
        const runs = await api.call('load.list', { serverId });
        set((s) => ({ savedRunsByServer: { ...s.savedRunsByServer, [serverId]: runs } }));
      } catch (e) {
        get().pushNotice('error', `Could not list the saved runs: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
    fetchLoadRun: (runId) => api.call('load.get', { runId }),
    _applyLoadRun: (run) => {
      set((s) => ({ loadRuns: { ...s.loadRuns, [run.runId]: run } }));
      // A finished run is now on disk: the saved list is stale.
      if (run.state !== 'running' && run.state !== 'stopping') void get().refreshSavedRuns(run.spec.serverId);
    },
  });

export const loadSelectors = {
  /** The newest run of a server seen this session (live or just finished). */
  latestRun: (serverId: ServerId) => (s: WorkbenchState) => {
    let best: LoadRun | undefined;
    for (const r of Object.values(s.loadRuns)) if (r.spec.serverId === serverId && (!best || r.startedAt > best.startedAt)) best = r;
    return best;
  },
  savedRuns: (serverId: ServerId) => (s: WorkbenchState) => s.savedRunsByServer[serverId] ?? NO_RUNS,
};
const NO_RUNS: LoadRunSummary[] = [];
