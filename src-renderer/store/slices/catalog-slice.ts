import type { StateCreator } from 'zustand';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import type { PromptInfo, PromptList } from '../../../src-shared/api/schemas/prompt';
import type { ResourceInfo, ResourceList, ResourceTemplateInfo, ResourceUpdate } from '../../../src-shared/api/schemas/resource';
import type { WorkbenchState } from '../workbench-store';

/**
 * What a server offers besides tools, mirrored from the engine: resources, templates and
 * subscriptions (`resources.changed`), prompts (`prompts.changed`) and when each subscribed
 * resource last changed (`resources.updated`). Written only by store/sync.
 */
export interface CatalogSlice {
  resourcesByServer: Record<ServerId, ResourceList>;
  promptsByServer: Record<ServerId, PromptList>;
  /** serverId → uri → engine time of the last `notifications/resources/updated`. */
  resourceUpdates: Record<ServerId, Record<string, number>>;
  /** sync/ only. */
  _applyResourceList(list: ResourceList): void;
  /** sync/ only. */
  _applyPromptList(list: PromptList): void;
  /** sync/ only. */
  _noteResourceUpdate(u: ResourceUpdate): void;
  /** sync/ only: the server is gone. */
  _dropServerCatalog(serverId: ServerId): void;
}

const without = <T>(rec: Record<string, T>, key: string): Record<string, T> => {
  if (!(key in rec)) return rec;
  const { [key]: _gone, ...rest } = rec;
  return rest;
};

export const createCatalogSlice = (): StateCreator<WorkbenchState, [], [], CatalogSlice> => (set) => ({
  resourcesByServer: {},
  promptsByServer: {},
  resourceUpdates: {},
  _applyResourceList: (list) => set((s) => ({ resourcesByServer: { ...s.resourcesByServer, [list.serverId]: list } })),
  _applyPromptList: (list) => set((s) => ({ promptsByServer: { ...s.promptsByServer, [list.serverId]: list } })),
  _noteResourceUpdate: (u) =>
    set((s) => ({ resourceUpdates: { ...s.resourceUpdates, [u.serverId]: { ...s.resourceUpdates[u.serverId], [u.uri]: u.at } } })),
  _dropServerCatalog: (serverId) =>
    set((s) => ({
      resourcesByServer: without(s.resourcesByServer, serverId),
      promptsByServer: without(s.promptsByServer, serverId),
      resourceUpdates: without(s.resourceUpdates, serverId),
    })),
});

const NO_RESOURCES: ResourceInfo[] = [];
const NO_TEMPLATES: ResourceTemplateInfo[] = [];
const NO_PROMPTS: PromptInfo[] = [];
const NO_URIS: string[] = [];

/** Every selector returns a stable reference per snapshot: safe without useShallow. */
export const catalogSelectors = {
  resourceList: (serverId: ServerId) => (s: WorkbenchState) => s.resourcesByServer[serverId],
  resources: (serverId: ServerId) => (s: WorkbenchState) => s.resourcesByServer[serverId]?.resources ?? NO_RESOURCES,
  templates: (serverId: ServerId) => (s: WorkbenchState) => s.resourcesByServer[serverId]?.resourceTemplates ?? NO_TEMPLATES,
  subscriptions: (serverId: ServerId) => (s: WorkbenchState) => s.resourcesByServer[serverId]?.subscriptions ?? NO_URIS,
  prompts: (serverId: ServerId) => (s: WorkbenchState) => s.promptsByServer[serverId]?.prompts ?? NO_PROMPTS,
  promptList: (serverId: ServerId) => (s: WorkbenchState) => s.promptsByServer[serverId],
  lastUpdate: (serverId: ServerId, uri: string) => (s: WorkbenchState) => s.resourceUpdates[serverId]?.[uri],
};
