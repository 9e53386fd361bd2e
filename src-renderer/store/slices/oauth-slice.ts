import type { StateCreator } from 'zustand';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import type { OAuthTrace } from '../../../src-shared/api/schemas/oauth-trace';
import type { WorkbenchState } from '../workbench-store';

/** The sign-in debugger: each remote server's OAuth sign-ins, step by step (mirrored by store/sync). */
export interface OAuthSlice {
  /** Oldest first, as the engine keeps them. */
  oauthTraces: Record<ServerId, OAuthTrace[]>;
  /** sync/ only: the kept traces (first event) or one that changed. */
  _applyOAuthTraces(serverId: ServerId, traces: OAuthTrace[]): void;
  _dropServerOAuth(serverId: ServerId): void;
}

const EMPTY: OAuthTrace[] = [];

export const createOAuthSlice = (): StateCreator<WorkbenchState, [], [], OAuthSlice> => (set) => ({
  oauthTraces: {},
  _applyOAuthTraces: (serverId, traces) =>
    set((s) => {
      const list = [...(s.oauthTraces[serverId] ?? [])];
      for (const t of traces) {
        const i = list.findIndex((x) => x.id === t.id);
        if (i === -1) list.push(t);
        else list[i] = t;
      }
      list.sort((a, b) => a.startedAt - b.startedAt);
      return { oauthTraces: { ...s.oauthTraces, [serverId]: list } };
    }),
  _dropServerOAuth: (serverId) =>
    set((s) => {
      if (!(serverId in s.oauthTraces)) return {};
      const next = { ...s.oauthTraces };
      delete next[serverId];
      return { oauthTraces: next };
    }),
});

export const oauthSelectors = {
  traces: (serverId: ServerId) => (s: WorkbenchState) => s.oauthTraces[serverId] ?? EMPTY,
};
