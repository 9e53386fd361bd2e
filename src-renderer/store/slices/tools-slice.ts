import type { StateCreator } from 'zustand';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import type { ToolInfo, ToolList } from '../../../src-shared/api/schemas/tool';
import type { WorkbenchState } from '../workbench-store';

export interface ToolsSlice {
  /** The last tool list the engine reported per server (kept after a stop, like the engine does). */
  toolsByServer: Record<ServerId, ToolList>;
  /** sync/ only. */
  _applyToolList(list: ToolList): void;
  /** sync/ only: the server is gone. */
  _dropServerTools(serverId: ServerId): void;
}

export const createToolsSlice = (): StateCreator<WorkbenchState, [], [], ToolsSlice> => (set) => ({
  toolsByServer: {},
  _applyToolList: (list) => set((s) => ({ toolsByServer: { ...s.toolsByServer, [list.serverId]: list } })),
  _dropServerTools: (serverId) =>
    set((s) => {
      if (!(serverId in s.toolsByServer)) return s;
      const { [serverId]: _gone, ...rest } = s.toolsByServer;
      return { toolsByServer: rest };
    }),
});

const NO_TOOLS: ToolInfo[] = [];

export const toolsSelectors = {
  /** Stable reference per list: safe without useShallow. */
  tools: (serverId: ServerId | null) => (s: WorkbenchState) => (serverId ? s.toolsByServer[serverId]?.tools : undefined) ?? NO_TOOLS,
  listed: (serverId: ServerId | null) => (s: WorkbenchState) => (serverId ? s.toolsByServer[serverId] : undefined),
  tool: (serverId: ServerId | null, name: string | null) => (s: WorkbenchState) =>
    serverId && name ? s.toolsByServer[serverId]?.tools.find((t) => t.name === name) : undefined,
};
