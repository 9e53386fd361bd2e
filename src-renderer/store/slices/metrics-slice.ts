import type { StateCreator } from 'zustand';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import type { ProcessSample, TimelineMark, ToolStats } from '../../../src-shared/api/schemas/metrics';
import type { WorkbenchState } from '../workbench-store';

/** One hour at the engine's 1 Hz sampling. */
export const MAX_SAMPLES_PER_SERVER = 3600;

export interface MetricsSlice {
  /** Oldest first, bounded to MAX_SAMPLES_PER_SERVER; a chart can read it as-is. */
  samplesByServer: Record<ServerId, ProcessSample[]>;
  /** The latest snapshot of every tool's statistics. */
  toolStats: ToolStats[];
  /** Starts, crashes, stops and load runs per server, oldest first (for chart markers). */
  marksByServer: Record<ServerId, TimelineMark[]>;
  /** sync/ only. Samples at or before the last kept timestamp are ignored (a replay after reconnect). */
  _appendSamples(samples: ProcessSample[]): void;
  /** sync/ only. */
  _applyToolStats(stats: ToolStats[]): void;
  /** sync/ only. Marks at or before the last kept one are ignored (a replay after reconnect). */
  _appendMarks(marks: TimelineMark[]): void;
}

export const createMetricsSlice = (): StateCreator<WorkbenchState, [], [], MetricsSlice> => (set) => ({
  samplesByServer: {},
  toolStats: [],
  marksByServer: {},
  _appendSamples: (samples) =>
    set((s) => {
      if (samples.length === 0) return s;
      const next = { ...s.samplesByServer };
      const grouped = new Map<ServerId, ProcessSample[]>();
      for (const x of samples) {
        const g = grouped.get(x.serverId);
        if (g) g.push(x);
        else grouped.set(x.serverId, [x]);
      }
      let changed = false;
      for (const [id, incoming] of grouped) {
        const prev = next[id] ?? [];
        const lastTs = prev.at(-1)?.ts ?? -Infinity;
        const fresh = incoming.filter((x) => x.ts > lastTs).sort((a, b) => a.ts - b.ts);
        if (fresh.length === 0) continue;
        const merged = prev.concat(fresh);
        next[id] = merged.length > MAX_SAMPLES_PER_SERVER ? merged.slice(merged.length - MAX_SAMPLES_PER_SERVER) : merged;
        changed = true;
      }
      return changed ? { samplesByServer: next } : s;
    }),
  _applyToolStats: (stats) => set({ toolStats: stats }),
  _appendMarks: (marks) =>
    set((s) => {
      const next = { ...s.marksByServer };
      let changed = false;
      for (const m of marks) {
        const prev = next[m.serverId] ?? [];
        const last = prev.at(-1);
        if (last && (m.at < last.at || (m.at === last.at && m.kind === last.kind))) continue;
        next[m.serverId] = [...prev, m].slice(-MAX_MARKS_PER_SERVER);
        changed = true;
      }
      return changed ? { marksByServer: next } : s;
    }),
});

const NO_SAMPLES: ProcessSample[] = [];
const NO_MARKS: TimelineMark[] = [];
const MAX_MARKS_PER_SERVER = 200;

export const metricsSelectors = {
  samples: (serverId: ServerId | null) => (s: WorkbenchState) => (serverId ? s.samplesByServer[serverId] : undefined) ?? NO_SAMPLES,
  marks: (serverId: ServerId | null) => (s: WorkbenchState) => (serverId ? s.marksByServer[serverId] : undefined) ?? NO_MARKS,
  latestSample: (serverId: ServerId | null) => (s: WorkbenchState) => (serverId ? s.samplesByServer[serverId]?.at(-1) : undefined),
  /** Use with useShallow. */
  toolStatsFor: (serverId: ServerId | null) => (s: WorkbenchState) => s.toolStats.filter((t) => t.serverId === serverId),
  toolStat: (serverId: ServerId | null, toolName: string | null) => (s: WorkbenchState) =>
    s.toolStats.find((t) => t.serverId === serverId && t.toolName === toolName),
};
