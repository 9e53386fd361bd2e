import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../src-shared/api/api-client';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import type { LogLevel } from '../../../src-shared/api/schemas/log';
import type { EmptyOutcome } from '../../../src-shared/api/schemas/request';
import type { WorkbenchState } from '../workbench-store';

export interface PingState {
  pending: boolean;
  outcome?: EmptyOutcome;
  /** The ping could not be sent (not connected, server not ready). */
  error?: string;
}

export interface LogLevelState {
  pending: boolean;
  /** The level last asked for, and the server run it was asked of (a restarted server forgets it). */
  level?: LogLevel;
  startedAt?: number;
  outcome?: EmptyOutcome;
  error?: string;
}

export interface ServerInfoSlice {
  pings: Record<ServerId, PingState>;
  logLevels: Record<ServerId, LogLevelState>;
  ping(serverId: ServerId): Promise<void>;
  /** `force` sends logging/setLevel to a server that does not advertise logging. */
  setLogLevel(serverId: ServerId, level: LogLevel, force?: boolean): Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const createServerInfoSlice =
  (api: ApiClient): StateCreator<WorkbenchState, [], [], ServerInfoSlice> =>
  (set, get) => ({
    pings: {},
    logLevels: {},
    ping: async (serverId) => {
      const put = (p: PingState) => set((s) => ({ pings: { ...s.pings, [serverId]: p } }));
      put({ ...get().pings[serverId], pending: true });
      try {
        put({ pending: false, outcome: await api.call('servers.ping', { serverId }) });
      } catch (e) {
        put({ pending: false, error: message(e) });
      }
    },
    setLogLevel: async (serverId, level, force = false) => {
      const startedAt = get().serversById[serverId]?.startedAt;
      const put = (p: LogLevelState) => set((s) => ({ logLevels: { ...s.logLevels, [serverId]: p } }));
      put({ pending: true, level, startedAt });
      try {
        put({
          pending: false,
          level,
          startedAt,
          outcome: await api.call('logging.setLevel', { serverId, level, ...(force ? { force } : {}) }),
        });
      } catch (e) {
        put({ pending: false, level, startedAt, error: message(e) });
      }
    },
  });
