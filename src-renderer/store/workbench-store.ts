import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../src-shared/api/api-client';
import { type ConsoleSlice, createConsoleSlice } from './slices/console-slice';
import { type MetricsSlice, createMetricsSlice } from './slices/metrics-slice';
import { type ServersSlice, createServersSlice } from './slices/servers-slice';
import { type ToolsSlice, createToolsSlice } from './slices/tools-slice';
import { type UiSlice, createUiSlice } from './slices/ui-slice';

export type WorkbenchState = ServersSlice & ToolsSlice & ConsoleSlice & MetricsSlice & UiSlice;
export type WorkbenchStore = StoreApi<WorkbenchState>;

/** The one workbench store, built from slices. The API client is injected, never imported. */
export function createWorkbenchStore(api: ApiClient): WorkbenchStore {
  return createStore<WorkbenchState>()((...a) => ({
    ...createServersSlice(api)(...a),
    ...createToolsSlice()(...a),
    ...createConsoleSlice(api)(...a),
    ...createMetricsSlice()(...a),
    ...createUiSlice()(...a),
  }));
}
