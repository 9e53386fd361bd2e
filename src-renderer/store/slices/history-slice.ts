import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../src-shared/api/api-client';
import type { JsonObject, ServerId } from '../../../src-shared/api/schemas/common';
import type { HistoryAppended, HistoryEntry, HistoryKind, HistoryStatus, HistorySummary } from '../../../src-shared/api/schemas/history';
import type { WorkbenchState } from '../workbench-store';
import { toolKey } from './console-draft';

export type HistoryStatusFilter = 'all' | 'failed' | HistoryStatus;

export interface HistoryFilter {
  /** The selected server's history, or every server's. */
  scope: 'server' | 'all';
  kind: HistoryKind | 'all';
  status: HistoryStatusFilter;
  text: string;
}

export interface HistoryCounts {
  matched: number;
  kept: number;
  dropped: number;
  maxEntries: number;
  maxBytes: number;
  problem?: string;
}

/**
 * The History tab: a page of the workspace's request history (an answer to `history.list`, kept up
 * to date by `history.appended` through store/sync), the entry shown, the two picked for a diff.
 */
export interface HistorySlice {
  historyFilter: HistoryFilter;
  /** Newest first. */
  historyEntries: HistorySummary[];
  /** Which server the list was loaded for (scope "server"), so a server switch reloads it. */
  historyLoadedFor: ServerId | null | undefined;
  historyLoading: boolean;
  historyError: string | null;
  historyNextBefore: number | undefined;
  historyCounts: HistoryCounts | null;
  /** New entries that match a text search arrived: the list offers to refresh rather than guess. */
  historyNewHidden: number;
  /** The highest seq this window has seen: a reconnect resumes after it. */
  historyLastSeq: number;
  historySelectedId: string | null;
  /** Whole entries fetched for the detail view and diffs (bounded). */
  historyDetails: Record<string, HistoryEntry>;
  historyDetailErrors: Record<string, string>;
  /** Up to two entries picked for a diff. */
  historyCompare: string[];
  historyView: 'entry' | 'diff';
  historyReplaying: Record<string, boolean>;
  historyReplayErrors: Record<string, string>;

  setHistoryFilter(patch: Partial<HistoryFilter>): void;
  loadHistory(serverId: ServerId | null): Promise<void>;
  loadMoreHistory(): Promise<void>;
  selectHistoryEntry(id: string | null): void;
  loadHistoryEntry(id: string): Promise<HistoryEntry | undefined>;
  toggleHistoryCompare(id: string): void;
  setHistoryView(view: 'entry' | 'diff'): void;
  replayHistory(id: string): Promise<void>;
  /** Replay with the server under the debugger: started (or restarted) under it first when it is not. */
  replayUnderDebugger(id: string, serverId: ServerId): Promise<void>;
  /** Put the request back where it was made, as a draft to edit (tools, prompts, resources). */
  editAndResend(entry: HistoryEntry): void;
  clearHistory(serverId?: ServerId): Promise<void>;
  /** sync/ only. */
  _appendHistory(e: HistoryAppended): void;
  /** sync/ only. */
  _clearHistoryLocal(serverId?: ServerId): void;
}

const PAGE = 200;
const MAX_DETAILS = 40;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const without = <T>(rec: Record<string, T>, key: string): Record<string, T> => {
  if (!(key in rec)) return rec;
  const { [key]: _gone, ...rest } = rec;
  return rest;
};

/** Whether an entry belongs in the list as filtered (all but the text search, which only the engine can tell). */
function matches(s: HistorySummary, f: HistoryFilter, serverId: ServerId | null | undefined): boolean {
  if (f.scope === 'server' && s.serverId !== serverId) return false;
  if (f.kind !== 'all' && s.kind !== f.kind) return false;
  if (f.status === 'failed') return s.status !== 'ok';
  return f.status === 'all' || s.status === f.status;
}

function listParams(f: HistoryFilter, serverId: ServerId | null) {
  return {
    ...(f.scope === 'server' && serverId ? { serverId } : {}),
    ...(f.kind !== 'all' ? { kinds: [f.kind] } : {}),
    ...(f.status === 'failed'
      ? { statuses: ['toolError', 'protocolError', 'timeout', 'cancelled', 'crashed'] as HistoryStatus[] }
      : f.status !== 'all'
        ? { statuses: [f.status] }
        : {}),
    ...(f.text.trim() ? { text: f.text.trim() } : {}),
    limit: PAGE,
  };
}

export const createHistorySlice =
  (api: ApiClient): StateCreator<WorkbenchState, [], [], HistorySlice> =>
  (set, get) => {
    let loadToken = 0;
    const keepDetail = (entry: HistoryEntry) =>
      set((s) => {
        const next = { ...s.historyDetails, [entry.id]: entry };
        const keys = Object.keys(next);
        for (const k of keys.slice(0, Math.max(0, keys.length - MAX_DETAILS)))
          if (k !== s.historySelectedId && !s.historyCompare.includes(k)) delete next[k];
        return { historyDetails: next };
      });

    return {
      historyFilter: { scope: 'server', kind: 'all', status: 'all', text: '' },
      historyEntries: [],
      historyLoadedFor: undefined,
      historyLoading: false,
      historyError: null,
      historyNextBefore: undefined,
      historyCounts: null,
      historyNewHidden: 0,
      historyLastSeq: 0,
      historySelectedId: null,
      historyDetails: {},
      historyDetailErrors: {},
      historyCompare: [],
      historyView: 'entry',
      historyReplaying: {},
      historyReplayErrors: {},

      setHistoryFilter: (patch) => {
        set((s) => ({ historyFilter: { ...s.historyFilter, ...patch } }));
        void get().loadHistory(get().selectedServerId);
      },

      loadHistory: async (serverId) => {
        const token = ++loadToken;
        set({ historyLoading: true, historyLoadedFor: serverId });
        try {
          const list = await api.call('history.list', listParams(get().historyFilter, serverId));
          if (token !== loadToken) return; // a newer filter owns the list
          set((s) => ({
            historyEntries: list.entries,
            historyNextBefore: list.nextBefore,
            historyCounts: {
              matched: list.matched,
              kept: list.kept,
              dropped: list.dropped,
              maxEntries: list.maxEntries,
              maxBytes: list.maxBytes,
              ...(list.problem ? { problem: list.problem } : {}),
            },
            historyError: null,
            historyNewHidden: 0,
            historyLastSeq: Math.max(s.historyLastSeq, list.entries[0]?.seq ?? 0),
          }));
        } catch (e) {
          if (token === loadToken) set({ historyError: message(e) });
        } finally {
          if (token === loadToken) set({ historyLoading: false });
        }
      },

      loadMoreHistory: async () => {
        const { historyNextBefore: before, historyLoadedFor, historyFilter } = get();
        if (before === undefined) return;
        const token = loadToken;
        try {
          const list = await api.call('history.list', { ...listParams(historyFilter, historyLoadedFor ?? null), before });
          if (token !== loadToken) return;
          set((s) => ({ historyEntries: [...s.historyEntries, ...list.entries], historyNextBefore: list.nextBefore }));
        } catch (e) {
          set({ historyError: message(e) });
        }
      },

      selectHistoryEntry: (id) => {
        set({ historySelectedId: id, historyView: 'entry' });
        if (id && !get().historyDetails[id]) void get().loadHistoryEntry(id);
      },

      loadHistoryEntry: async (id) => {
        const have = get().historyDetails[id];
        if (have) return have;
        try {
          const entry = await api.call('history.get', { id });
          keepDetail(entry);
          set((s) => ({ historyDetailErrors: without(s.historyDetailErrors, id) }));
          return entry;
        } catch (e) {
          set((s) => ({ historyDetailErrors: { ...s.historyDetailErrors, [id]: message(e) } }));
          return undefined;
        }
      },

      toggleHistoryCompare: (id) =>
        set((s) => {
          if (s.historyCompare.includes(id)) return { historyCompare: s.historyCompare.filter((x) => x !== id), historyView: 'entry' };
          // Picking a third drops the oldest pick: a diff is always of the last two.
          return { historyCompare: [...s.historyCompare, id].slice(-2) };
        }),
      setHistoryView: (historyView) => {
        set({ historyView });
        if (historyView === 'diff') for (const id of get().historyCompare) void get().loadHistoryEntry(id);
      },

      replayUnderDebugger: async (id, serverId) => {
        if (await get().ensureUnderDebugger(serverId)) await get().replayHistory(id);
      },
      replayHistory: async (id) => {
        set((s) => ({ historyReplaying: { ...s.historyReplaying, [id]: true }, historyReplayErrors: without(s.historyReplayErrors, id) }));
        try {
          const entry = await api.call('history.replay', { id });
          keepDetail(entry);
          // The new entry arrives in the list through history.appended; show it now.
          set({ historySelectedId: entry.id, historyView: 'entry' });
        } catch (e) {
          set((s) => ({ historyReplayErrors: { ...s.historyReplayErrors, [id]: message(e) } }));
        } finally {
          set((s) => ({ historyReplaying: without(s.historyReplaying, id) }));
        }
      },

      editAndResend: (entry) => {
        const s = get();
        const p = entry.params;
        s.selectServer(entry.serverId);
        if (entry.kind === 'tools.call' && typeof p.toolName === 'string') {
          const key = toolKey(entry.serverId, p.toolName);
          s.ensureDraft(key, {});
          s.setDraftValue(key, (p.arguments ?? {}) as JsonObject);
          if (typeof p.timeoutMs === 'number') s.setDraftTimeout(key, p.timeoutMs / 1000);
          s.selectTool(entry.serverId, p.toolName);
          s.setActiveTab('tools');
        } else if (entry.kind === 'prompts.get' && typeof p.name === 'string') {
          s.selectPrompt(entry.serverId, p.name);
          for (const [k, v] of Object.entries((p.arguments ?? {}) as Record<string, unknown>))
            s.setPromptValue(entry.serverId, p.name, k, String(v));
          s.setActiveTab('prompts');
        } else if (entry.kind === 'resources.read' && typeof p.uri === 'string') {
          s.selectResource(entry.serverId, { kind: 'resource', uri: p.uri });
          s.setActiveTab('resources');
        } else if (entry.kind === 'servers.ping' || entry.kind === 'logging.setLevel') {
          s.setActiveTab('info');
        }
      },

      clearHistory: async (serverId) => {
        try {
          await api.call('history.clear', serverId ? { serverId } : {});
          // The list empties through history.cleared; the counts need a fresh look.
          await get().loadHistory(get().historyLoadedFor ?? null);
        } catch (e) {
          get().pushNotice('error', `Could not clear the history: ${message(e)}`);
        }
      },

      _appendHistory: ({ entries, kept, dropped, oldestSeq }) =>
        set((s) => {
          const lastSeq = Math.max(s.historyLastSeq, ...entries.map((e) => e.seq));
          const counts = s.historyCounts ? { ...s.historyCounts, kept, dropped } : null;
          const known = new Set(s.historyEntries.map((e) => e.id));
          const fresh = entries.filter((e) => !known.has(e.id) && matches(e, s.historyFilter, s.historyLoadedFor));
          if (s.historyLoadedFor === undefined) return { historyLastSeq: lastSeq };
          if (s.historyFilter.text.trim())
            return { historyLastSeq: lastSeq, historyCounts: counts, historyNewHidden: s.historyNewHidden + fresh.length };
          // Entries that fell out of the bounded history leave the list too.
          const kept_ = [...fresh.reverse(), ...s.historyEntries].filter((e) => e.seq >= oldestSeq);
          return {
            historyLastSeq: lastSeq,
            historyEntries: kept_,
            historyCounts: counts ? { ...counts, matched: counts.matched + fresh.length } : null,
          };
        }),

      _clearHistoryLocal: (serverId) =>
        set((s) => ({
          historyEntries: s.historyEntries.filter((e) => serverId !== undefined && e.serverId !== serverId),
          historyCompare: [],
          historyView: 'entry',
          historySelectedId: null,
          historyDetails: Object.fromEntries(
            Object.entries(s.historyDetails).filter(([, e]) => serverId !== undefined && e.serverId !== serverId),
          ),
        })),
    };
  };

export const historySelectors = {
  selectedDetail: (s: WorkbenchState) => (s.historySelectedId ? s.historyDetails[s.historySelectedId] : undefined),
  summary: (id: string | null) => (s: WorkbenchState) => (id ? s.historyEntries.find((e) => e.id === id) : undefined),
};
