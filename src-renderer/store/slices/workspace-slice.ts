import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../src-shared/api/api-client';
import type { MethodResult } from '../../../src-shared/api/contract';
import type { WorkbenchState } from '../workbench-store';

/** The workspace folder: which ones were open lately, where this host may open one, and switching to another. */
export interface WorkspaceSlice {
  recentWorkspaces(): Promise<MethodResult<'workspace.recent'>>;
  workspaceInfo(): Promise<MethodResult<'workspace.info'>>;
  /** One folder level of the workspace's files (the Files panel lists open folders only). */
  listFolder(dir: string): Promise<MethodResult<'workspace.tree'>>;
  /** The engine switches to the folder; the window then reloads to follow it. */
  openWorkspace(dir: string): Promise<void>;
}

export const createWorkspaceSlice =
  (api: ApiClient): StateCreator<WorkbenchState, [], [], WorkspaceSlice> =>
  () => ({
    recentWorkspaces: () => api.call('workspace.recent', {}),
    workspaceInfo: () => api.call('workspace.info', {}),
    listFolder: (dir) => api.call('workspace.tree', { dir }),
    openWorkspace: async (dir) => {
      await api.call('workspace.open', { dir });
    },
  });
