import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../src-shared/api/api-client';
import { type CatalogSlice, createCatalogSlice } from './slices/catalog-slice';
import { type ClientRequestsSlice, createClientRequestsSlice } from './slices/client-requests-slice';
import { type ConsoleSlice, createConsoleSlice } from './slices/console-slice';
import { type PromptsSlice, createPromptsSlice } from './slices/prompts-slice';
import { type ResourcesSlice, createResourcesSlice } from './slices/resources-slice';
import { type ServerInfoSlice, createServerInfoSlice } from './slices/server-info-slice';
import { type LoadSlice, createLoadSlice } from './slices/load-slice';
import { type MetricsSlice, createMetricsSlice } from './slices/metrics-slice';
import { type ServersSlice, createServersSlice } from './slices/servers-slice';
import { type ToolsSlice, createToolsSlice } from './slices/tools-slice';
import { type UiSlice, createUiSlice } from './slices/ui-slice';
import { type BuildSlice, createBuildSlice } from './slices/build-slice';
import { type TestingSlice, createTestingSlice } from './slices/testing-slice';
import { type HistorySlice, createHistorySlice } from './slices/history-slice';
import { type OAuthSlice, createOAuthSlice } from './slices/oauth-slice';
import { type NetworkSlice, createNetworkSlice } from './slices/network-slice';
import { type ConfigSlice, createConfigSlice } from './slices/config-slice';
import { type TasksSlice, createTasksSlice } from './slices/tasks-slice';
import { type DebugSlice, createDebugSlice } from './slices/debug-slice';
import { type SurfaceSlice, createSurfaceSlice } from './slices/surface-slice';
import { type ServerRequestsSlice, createServerRequestsSlice } from './slices/server-requests-slice';
import { type WorkspaceSlice, createWorkspaceSlice } from './slices/workspace-slice';
import { type ProjectsSlice, createProjectsSlice } from './slices/projects-slice';

export type WorkbenchState = ServersSlice &
  ToolsSlice &
  ConsoleSlice &
  MetricsSlice &
  LoadSlice &
  UiSlice &
  CatalogSlice &
  ResourcesSlice &
  PromptsSlice &
  ServerInfoSlice &
  ClientRequestsSlice &
  TestingSlice &
  HistorySlice &
  OAuthSlice &
  NetworkSlice &
  BuildSlice &
  ConfigSlice &
  TasksSlice &
  DebugSlice &
  SurfaceSlice &
  ServerRequestsSlice &
  WorkspaceSlice &
  ProjectsSlice;
export type WorkbenchStore = StoreApi<WorkbenchState>;

/** The one workbench store, built from slices. The API client is injected, never imported. */
export function createWorkbenchStore(api: ApiClient): WorkbenchStore {
  return createStore<WorkbenchState>()((...a) => ({
    ...createServersSlice(api)(...a),
    ...createToolsSlice()(...a),
    ...createConsoleSlice(api)(...a),
    ...createMetricsSlice()(...a),
    ...createLoadSlice(api)(...a),
    ...createUiSlice()(...a),
    ...createCatalogSlice()(...a),
    ...createResourcesSlice(api)(...a),
    ...createPromptsSlice(api)(...a),
    ...createServerInfoSlice(api)(...a),
    ...createClientRequestsSlice(api)(...a),
    ...createTestingSlice(api)(...a),
    ...createHistorySlice(api)(...a),
    ...createBuildSlice(api)(...a),
    ...createOAuthSlice()(...a),
    ...createNetworkSlice(api)(...a),
    ...createConfigSlice(api)(...a),
    ...createTasksSlice(api)(...a),
    ...createDebugSlice(api)(...a),
    ...createSurfaceSlice()(...a),
    ...createServerRequestsSlice(api)(...a),
    ...createWorkspaceSlice(api)(...a),
    ...createProjectsSlice(api)(...a),
  }));
}
