import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../src-shared/api/api-client';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import type { BreakpointSpec, DebugState, FileBreakpoints } from '../../../src-shared/api/schemas/debug';
import type { WorkbenchState } from '../workbench-store';

export type DebugAction = 'continue' | 'over' | 'in' | 'out';

export interface DebugSlice {
  /** Mirrored from `debug.changed`, per server. */
  debugByServer: Record<ServerId, DebugState>;
  /** Mirrored from `debug.breakpointsChanged`: workspace path → breakpoints (kept by the engine across restarts). */
  breakpointsByFile: Record<string, BreakpointSpec[]>;

  /** Start (or restart) the server under its debugger; an unreviewed command is shown first. */
  debugServer(id: ServerId): Promise<void>;
  /** Add a breakpoint at the line, or remove the one there. */
  toggleBreakpoint(path: string, line: number): Promise<void>;
  debugStep(id: ServerId, action: DebugAction): Promise<void>;
  _applyDebugState(id: ServerId, s: DebugState): void;
  _applyBreakpoints(list: FileBreakpoints[]): void;
}

export const createDebugSlice =
  (api: ApiClient): StateCreator<WorkbenchState, [], [], DebugSlice> =>
  (set, get) => {
    const report = (what: string) => (e: unknown) => get().pushNotice('error', `${what}: ${e instanceof Error ? e.message : String(e)}`);
    return {
      debugByServer: {},
      breakpointsByFile: {},
      debugServer: async (id) => {
        if (get().serversById[id]?.consent) return get().openDialog({ kind: 'consent', serverId: id });
        await api.call('debug.start', { serverId: id }).then(() => undefined, report('Could not start under the debugger'));
      },
      toggleBreakpoint: async (path, line) => {
        const now = get().breakpointsByFile[path] ?? [];
        const next = now.some((b) => b.line === line) ? now.filter((b) => b.line !== line) : [...now, { line }];
        await api.call('debug.setBreakpoints', { path, breakpoints: next }).then(() => undefined, report('Could not set the breakpoint'));
      },
      debugStep: async (id, action) => {
        await api.call('debug.step', { serverId: id, action }).then(() => undefined, report('The debugger refused'));
      },
      _applyDebugState: (id, s) => set((st) => ({ debugByServer: { ...st.debugByServer, [id]: s } })),
      _applyBreakpoints: (list) => set({ breakpointsByFile: Object.fromEntries(list.map((f) => [f.path, f.breakpoints])) }),
    };
  };

const NO_LINES: number[] = [];

export const debugSelectors = {
  /** The first server the debugger holds paused (the editor and the debug panel follow it). */
  pausedServer: (s: WorkbenchState): DebugState | undefined => Object.values(s.debugByServer).find((d) => d.state === 'paused'),
  forServer: (id: ServerId) => (s: WorkbenchState) => s.debugByServer[id],
  /** Breakpoint lines of one file (use with useShallow). */
  lines: (path: string | undefined) => (s: WorkbenchState) =>
    (path ? s.breakpointsByFile[path]?.map((b) => b.line) : undefined) ?? NO_LINES,
};

/** "server.py:42" for a pause, as the header and the health check say it. */
export function pausedAtText(d: DebugState | undefined): string | undefined {
  const loc = d?.state === 'paused' ? d.paused?.location : undefined;
  if (!loc) return d?.state === 'paused' ? `paused (${d.paused?.reason ?? 'stopped'})` : undefined;
  return `paused at ${loc.relPath ?? loc.path.split(/[\\/]/).pop()}:${loc.line}`;
}
