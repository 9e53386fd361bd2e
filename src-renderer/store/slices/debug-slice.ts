import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../src-shared/api/api-client';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import type { MethodResult } from '../../../src-shared/api/contract';
import type { BreakpointSpec, DebugState, FileBreakpoints } from '../../../src-shared/api/schemas/debug';
import type { WorkbenchState } from '../workbench-store';

export type DebugAction = 'continue' | 'over' | 'in' | 'out';

export interface DebugSlice {
  /** Mirrored from `debug.changed`, per server. */
  debugByServer: Record<ServerId, DebugState>;
  /** Mirrored from `debug.breakpointsChanged`: workspace path → breakpoints (kept by the engine across restarts). */
  breakpointsByFile: Record<string, BreakpointSpec[]>;
  /** Expressions evaluated at every pause of a server, in the order they were added (kept while the window lives). */
  watchesByServer: Record<ServerId, string[]>;

  /** Start (or restart) the server under its debugger; an unreviewed command is shown first. */
  debugServer(id: ServerId): Promise<void>;
  /**
   * Before a request is sent again under the debugger: true when the server runs under it now;
   * otherwise it is started (or restarted) under it, with the same consent as Debug. False, with
   * the reason shown, when that did not happen.
   */
  ensureUnderDebugger(id: ServerId): Promise<boolean>;
  /** Add a breakpoint at the line, or remove the one there. */
  toggleBreakpoint(path: string, line: number): Promise<void>;
  /** Put this breakpoint at its line (a condition or a log message replaces what was there). */
  setBreakpoint(path: string, spec: BreakpointSpec): Promise<void>;
  removeBreakpoint(path: string, line: number): Promise<void>;
  addWatch(id: ServerId, expression: string): void;
  removeWatch(id: ServerId, expression: string): void;
  debugStep(id: ServerId, action: DebugAction): Promise<void>;
  /** What the paused view shows (returned, not kept: it is read again at every pause). */
  stackTrace(id: ServerId): Promise<MethodResult<'debug.stackTrace'>>;
  scopes(id: ServerId, frameId: number): Promise<MethodResult<'debug.scopes'>>;
  variables(id: ServerId, variablesReference: number): Promise<MethodResult<'debug.variables'>>;
  evaluate(id: ServerId, expression: string, frameId?: number): Promise<MethodResult<'debug.evaluate'>>;
  /** Install debugpy into the server's Python (only after the person agreed). */
  installDebugpy(id: ServerId): Promise<MethodResult<'debug.installDebugpy'>>;
  _applyDebugState(id: ServerId, s: DebugState): void;
  _applyBreakpoints(list: FileBreakpoints[]): void;
  _dropServerDebug(id: ServerId): void;
}

export const createDebugSlice =
  (api: ApiClient): StateCreator<WorkbenchState, [], [], DebugSlice> =>
  (set, get) => {
    const report = (what: string) => (e: unknown) => get().pushNotice('error', `${what}: ${e instanceof Error ? e.message : String(e)}`);
    return {
      debugByServer: {},
      stackTrace: (serverId) => api.call('debug.stackTrace', { serverId }),
      scopes: (serverId, frameId) => api.call('debug.scopes', { serverId, frameId }),
      variables: (serverId, variablesReference) => api.call('debug.variables', { serverId, variablesReference }),
      evaluate: (serverId, expression, frameId) =>
        api.call('debug.evaluate', { serverId, expression, ...(frameId !== undefined ? { frameId } : {}) }),
      installDebugpy: (serverId) => api.call('debug.installDebugpy', { serverId }),
      breakpointsByFile: {},
      watchesByServer: {},
      debugServer: async (id) => {
        if (get().serversById[id]?.consent) return get().openDialog({ kind: 'consent', serverId: id, underDebugger: true });
        await api.call('debug.start', { serverId: id }).then(() => undefined, report('Could not start under the debugger'));
      },
      ensureUnderDebugger: async (id) => {
        const server = get().serversById[id];
        const debugging = get().debugByServer[id]?.state;
        if (server?.status.state === 'ready' && (debugging === 'running' || debugging === 'paused')) return true;
        if (server?.consent) {
          get().openDialog({ kind: 'consent', serverId: id, underDebugger: true });
          get().pushNotice('info', 'Review the command first: once allowed, it starts under the debugger; then send the request again.');
          return false;
        }
        try {
          const summary = await api.call('debug.start', { serverId: id });
          if (summary.status.state === 'ready') return true;
          const why = 'message' in summary.status ? summary.status.message : summary.status.state;
          get().pushNotice('error', `Not started under the debugger: ${why}`);
        } catch (e) {
          report('Could not start under the debugger')(e);
        }
        return false;
      },
      toggleBreakpoint: async (path, line) => {
        const now = get().breakpointsByFile[path] ?? [];
        const next = now.some((b) => b.line === line) ? now.filter((b) => b.line !== line) : [...now, { line }];
        await api.call('debug.setBreakpoints', { path, breakpoints: next }).then(() => undefined, report('Could not set the breakpoint'));
      },
      setBreakpoint: async (path, spec) => {
        const clean: BreakpointSpec = {
          line: spec.line,
          ...(spec.condition?.trim() ? { condition: spec.condition.trim() } : {}),
          ...(spec.logMessage?.trim() ? { logMessage: spec.logMessage.trim() } : {}),
        };
        const next = [...(get().breakpointsByFile[path] ?? []).filter((b) => b.line !== spec.line), clean];
        await api.call('debug.setBreakpoints', { path, breakpoints: next }).then(() => undefined, report('Could not set the breakpoint'));
      },
      removeBreakpoint: async (path, line) => {
        const next = (get().breakpointsByFile[path] ?? []).filter((b) => b.line !== line);
        await api
          .call('debug.setBreakpoints', { path, breakpoints: next })
          .then(() => undefined, report('Could not remove the breakpoint'));
      },
      addWatch: (id, expression) => {
        const e = expression.trim();
        if (!e) return;
        set((st) => {
          const now = st.watchesByServer[id] ?? [];
          return now.includes(e) ? {} : { watchesByServer: { ...st.watchesByServer, [id]: [...now, e] } };
        });
      },
      removeWatch: (id, expression) =>
        set((st) => ({ watchesByServer: { ...st.watchesByServer, [id]: (st.watchesByServer[id] ?? []).filter((w) => w !== expression) } })),
      debugStep: async (id, action) => {
        await api.call('debug.step', { serverId: id, action }).then(() => undefined, report('The debugger refused'));
      },
      _applyDebugState: (id, s) => set((st) => ({ debugByServer: { ...st.debugByServer, [id]: s } })),
      _applyBreakpoints: (list) => set({ breakpointsByFile: Object.fromEntries(list.map((f) => [f.path, f.breakpoints])) }),
      _dropServerDebug: (id) =>
        set((st) => {
          if (!(id in st.debugByServer) && !(id in st.watchesByServer)) return {};
          const { [id]: _state, ...debugByServer } = st.debugByServer;
          const { [id]: _watches, ...watchesByServer } = st.watchesByServer;
          return { debugByServer, watchesByServer };
        }),
    };
  };

const NO_BREAKPOINTS: BreakpointSpec[] = [];
const NO_WATCHES: string[] = [];

export const debugSelectors = {
  /** The first server the debugger holds paused (the editor and the debug panel follow it). */
  pausedServer: (s: WorkbenchState): DebugState | undefined => Object.values(s.debugByServer).find((d) => d.state === 'paused'),
  forServer: (id: ServerId) => (s: WorkbenchState) => s.debugByServer[id],
  /** The breakpoints of one file (kept as the engine sent them: stable between changes). */
  breakpoints: (path: string | undefined) => (s: WorkbenchState) => (path ? s.breakpointsByFile[path] : undefined) ?? NO_BREAKPOINTS,
  watches: (id: ServerId) => (s: WorkbenchState) => s.watchesByServer[id] ?? NO_WATCHES,
};

/** "server.py:42" for a pause, as the header and the health check say it. */
export function pausedAtText(d: DebugState | undefined): string | undefined {
  const loc = d?.state === 'paused' ? d.paused?.location : undefined;
  if (!loc) return d?.state === 'paused' ? `paused (${d.paused?.reason ?? 'stopped'})` : undefined;
  return `paused at ${loc.relPath ?? loc.path.split(/[\\/]/).pop()}:${loc.line}`;
}
