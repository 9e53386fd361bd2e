import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../src-shared/api/api-client';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import type { SetAsideDecision, WorkspaceConfigStatus } from '../../../src-shared/api/schemas/config-status';
import type { WorkbenchState } from '../workbench-store';

/** Whether mcp-lab.json and the secret store can be read (from `workspace.configChanged`), and the ways out. */
export interface ConfigSlice {
  /** Null until the first snapshot arrived. */
  configStatus: WorkspaceConfigStatus | null;
  /** Rename the unreadable secret store next to itself and start afresh; resolves with the new name. */
  moveSecretsAside(): Promise<string>;
  /** Secrets an earlier MCP Lab saved under the server id alone: use them in this workspace, or discard them. */
  resolveSetAsideSecrets(serverId: ServerId, decision: SetAsideDecision['decision']): Promise<void>;
  /** sync/ only. */
  _applyConfigStatus(status: WorkspaceConfigStatus): void;
}

export const createConfigSlice =
  (api: ApiClient): StateCreator<WorkbenchState, [], [], ConfigSlice> =>
  (set) => ({
    configStatus: null,
    moveSecretsAside: async () => (await api.call('secrets.moveAside', {})).movedTo,
    resolveSetAsideSecrets: async (serverId, decision) => {
      await api.call('secrets.resolveSetAside', { serverId, decision });
    },
    _applyConfigStatus: (configStatus) => set({ configStatus }),
  });
