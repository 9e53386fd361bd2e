import type { StateCreator } from 'zustand';
import type { ConnectionState } from '../../../src-shared/api/api-client';
import type { AppInfo } from '../../../src-shared/api/contract';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import type { LogLevel, LogSource } from '../../../src-shared/api/schemas/log';
import type { WorkbenchState } from '../workbench-store';

/** A server's views, in order (their Ctrl/Cmd+N keys); features/servers/server-tabs.tsx must render each one. */
export const MAIN_TABS = ['tools', 'logs', 'dashboard', 'load', 'resources', 'prompts', 'info', 'tests', 'history', 'tasks'] as const;
export type MainTab = (typeof MAIN_TABS)[number];

export type Dialog =
  // Building servers
  | { kind: 'newServer' }
  | { kind: 'toolBuilder'; serverId: ServerId; toolName?: string }
  | { kind: 'fileConflict'; path: string }
  | { kind: 'recovery' }
  | { kind: 'closeDirtyTab'; path: string }
  | { kind: 'openWorkspace' }
  // Server lists of other clients
  | { kind: 'importServers' }
  | { kind: 'exportServers' }
  | { kind: 'pastSession' }
  | { kind: 'addServer' }
  | { kind: 'editServer'; serverId: ServerId }
  | { kind: 'removeServer'; serverId: ServerId }
  // underDebugger: the person pressed Debug, so once allowed the server starts under its debugger
  | { kind: 'consent'; serverId: ServerId; underDebugger?: boolean }
  // The OAuth sign-in debugger of a remote server (traceId: the sign-in to show first)
  | { kind: 'oauthDebugger'; serverId: ServerId; traceId?: string }
  | { kind: 'network'; serverId: ServerId };

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

/** The connection as the UI shows it: "reconnecting" is a lost connection we had before. */
export type ConnectionView = 'connecting' | 'connected' | 'reconnecting' | 'refused';

export interface UiSlice {
  selectedServerId: ServerId | null;
  activeTab: MainTab;
  selectedToolByServer: Record<ServerId, string>;
  dialog: Dialog | null;
  dismissedHints: Record<ServerId, string[]>;
  /** Logs tab: the selected server only, or every server of the workspace. */
  logScope: 'server' | 'all';
  /** Logs tab filters (kept while switching tabs and servers). */
  logFilter: LogViewFilter;
  connection: ConnectionState;
  everConnected: boolean;
  appInfo: AppInfo | null;
  notices: Notice[];
  /** Bumped to ask the tool search box to take focus (Ctrl/Cmd+K). */
  toolSearchFocusRequest: number;

  selectServer(id: ServerId | null): void;
  setActiveTab(tab: MainTab): void;
  selectTool(serverId: ServerId, toolName: string | null): void;
  openDialog(d: Dialog): void;
  closeDialog(): void;
  dismissHint(serverId: ServerId, hint: string): void;
  setLogScope(scope: 'server' | 'all'): void;
  setLogFilter(patch: Partial<LogViewFilter>): void;
  pushNotice(kind: Notice['kind'], text: string): void;
  dismissNotice(id: number): void;
  requestToolSearchFocus(): void;
  /** sync/ only. */
  _setConnection(c: ConnectionState): void;
  /** sync/ only. */
  _setAppInfo(info: AppInfo): void;
}

export interface LogViewFilter {
  sources: LogSource[];
  minLevel: LogLevel;
  text: string;
}

let noticeIds = 0;
export const MAX_NOTICES = 3;

export const createUiSlice = (): StateCreator<WorkbenchState, [], [], UiSlice> => (set) => ({
  selectedServerId: null,
  activeTab: 'tools',
  selectedToolByServer: {},
  dialog: null,
  dismissedHints: {},
  logScope: 'server',
  logFilter: { sources: ['stderr', 'stdout', 'protocol', 'notification', 'lifecycle', 'app'], minLevel: 'debug', text: '' },
  connection: { state: 'connecting' },
  everConnected: false,
  appInfo: null,
  notices: [],
  toolSearchFocusRequest: 0,

  // A new selection shows that server (beside the editor when split); leaving the split is the user's choice.
  selectServer: (id) =>
    set((s) => ({ selectedServerId: id, ...(id && id !== s.selectedServerId && s.mainView !== 'split' ? { mainView: 'server' } : {}) })),
  setActiveTab: (tab) => set({ activeTab: tab }),
  selectTool: (serverId, toolName) =>
    set((s) => {
      const next = { ...s.selectedToolByServer };
      if (toolName === null) delete next[serverId];
      else next[serverId] = toolName;
      return { selectedToolByServer: next };
    }),
  openDialog: (d) => set({ dialog: d }),
  closeDialog: () => set({ dialog: null }),
  dismissHint: (serverId, hint) =>
    set((s) => ({ dismissedHints: { ...s.dismissedHints, [serverId]: [...(s.dismissedHints[serverId] ?? []), hint] } })),
  setLogScope: (logScope) => set({ logScope }),
  setLogFilter: (patch) => set((s) => ({ logFilter: { ...s.logFilter, ...patch } })),
  // At most three at once: the newest, the others were read or are older news.
  pushNotice: (kind, text) => set((s) => ({ notices: [...s.notices.slice(-(MAX_NOTICES - 1)), { id: ++noticeIds, kind, text }] })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  requestToolSearchFocus: () => set((s) => ({ activeTab: 'tools', toolSearchFocusRequest: s.toolSearchFocusRequest + 1 })),
  _setConnection: (connection) => set((s) => ({ connection, everConnected: s.everConnected || connection.state === 'open' })),
  _setAppInfo: (appInfo) => set({ appInfo }),
});

const NO_HINTS: string[] = [];

export const uiSelectors = {
  connectionView: (s: WorkbenchState): ConnectionView => {
    switch (s.connection.state) {
      case 'open':
        return 'connected';
      case 'refused':
        return 'refused';
      default:
        return s.everConnected ? 'reconnecting' : 'connecting';
    }
  },
  selectedTool: (serverId: ServerId | null) => (s: WorkbenchState) => (serverId ? (s.selectedToolByServer[serverId] ?? null) : null),
  dismissedHints: (serverId: ServerId | null) => (s: WorkbenchState) => (serverId ? s.dismissedHints[serverId] : undefined) ?? NO_HINTS,
};
