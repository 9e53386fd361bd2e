import type { ServerId } from '../../src-shared/api/schemas/common';
import type { MainView } from './slices/build-slice';
import { MAIN_TABS, type MainTab } from './slices/ui-slice';
import type { WorkbenchState, WorkbenchStore } from './workbench-store';

/** What a reload of the window brings back, per workspace folder: where the user was. */
export interface RememberedView {
  serverId: ServerId | null;
  mainView: MainView;
  tab: MainTab;
  /** The files open in the editor (their buffers are not kept here: unsaved edits come back through the journal). */
  files: string[];
  activeFile: string | null;
}

const KEY_PREFIX = 'mcp-lab.view:';
const MAIN_VIEWS: readonly MainView[] = ['server', 'editor', 'split'];
/** More open files than this are not worth reopening one by one. */
const MAX_FILES = 20;

export const viewMemoryKey = (workspaceDir: string) => `${KEY_PREFIX}${workspaceDir}`;

/** The stored view, or null when there is none or it is not one this version understands. */
export function readRememberedView(storage: Storage, workspaceDir: string): RememberedView | null {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(viewMemoryKey(workspaceDir)) ?? 'null');
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const v = raw as Record<string, unknown>;
  const files = Array.isArray(v.files) ? v.files.filter((f): f is string => typeof f === 'string').slice(0, MAX_FILES) : [];
  return {
    serverId: typeof v.serverId === 'string' ? v.serverId : null,
    mainView: MAIN_VIEWS.includes(v.mainView as MainView) ? (v.mainView as MainView) : 'server',
    tab: MAIN_TABS.includes(v.tab as MainTab) ? (v.tab as MainTab) : 'tools',
    files,
    activeFile: typeof v.activeFile === 'string' && files.includes(v.activeFile) ? v.activeFile : null,
  };
}

const snapshot = (s: WorkbenchState): RememberedView => ({
  serverId: s.selectedServerId,
  mainView: s.mainView,
  tab: s.activeTab,
  files: s.tabOrder.slice(0, MAX_FILES),
  activeFile: s.activePath,
});

/**
 * Keeps the selected server, the main view, the server tab and the open files of each workspace in
 * `storage` (localStorage, as the sidebar's width), and brings them back once the workspace's servers
 * are known after a reload. Nothing is written before that, so the defaults of a fresh window never
 * overwrite what was remembered. Returns the unsubscribe function.
 */
export function rememberView(wb: WorkbenchStore, storage: Storage): () => void {
  let restoredFor: string | null = null;
  // While the remembered files open again, the state is half way: nothing is written until they are.
  let reopening = false;
  let lastWritten = '';

  const restore = (dir: string) => {
    restoredFor = dir;
    const saved = readRememberedView(storage, dir);
    if (!saved) return;
    const s = wb.getState();
    reopening = saved.files.length > 0;
    wb.setState({
      ...(saved.serverId && s.serversById[saved.serverId] ? { selectedServerId: saved.serverId } : {}),
      activeTab: saved.tab,
      // The editor comes back once a file is open again; the split shows the server meanwhile.
      mainView: saved.mainView === 'editor' ? 'server' : saved.mainView,
    });
    if (!reopening) return;
    void s.reopenFiles(saved.files, saved.activeFile, saved.mainView === 'editor').finally(() => {
      reopening = false;
      onChange(wb.getState());
    });
  };

  const onChange = (s: WorkbenchState) => {
    const dir = s.appInfo?.workspaceDir;
    if (!dir || !s.serversLoaded) return;
    if (restoredFor !== dir) return restore(dir);
    if (reopening) return;
    const text = JSON.stringify(snapshot(s));
    if (text === lastWritten) return;
    lastWritten = text;
    try {
      storage.setItem(viewMemoryKey(dir), text);
    } catch {
      // storage refused (private window): the view is simply not remembered
    }
  };
  const unsubscribe = wb.subscribe(onChange);
  onChange(wb.getState());
  return unsubscribe;
}
