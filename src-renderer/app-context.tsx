import { type ReactNode, createContext, useContext, useMemo } from 'react';
import { useStore } from 'zustand';
import type { ApiClient } from '../src-shared/api/api-client';
import type { LogState, LogStore } from './store/log-store';
import type { WorkbenchState, WorkbenchStore } from './store/workbench-store';

export interface AppStores {
  workbench: WorkbenchStore;
  logs: LogStore;
}

interface AppContextValue {
  api: ApiClient;
  stores: AppStores;
}

const AppContext = createContext<AppContextValue | null>(null);

/** Gives components the API client and the stores; nothing imports them directly. */
export function ApiProvider({ api, stores, children }: { api: ApiClient; stores: AppStores; children: ReactNode }) {
  return <AppContext.Provider value={{ api, stores }}>{children}</AppContext.Provider>;
}

function useAppContext(): AppContextValue {
  const v = useContext(AppContext);
  if (!v) throw new Error('ApiProvider is missing above this component');
  return v;
}

export function useWorkbenchStore(): WorkbenchStore {
  return useAppContext().stores.workbench;
}

export function useLogStoreApi(): LogStore {
  return useAppContext().stores.logs;
}

/** Select narrowly; wrap array/object selectors in useShallow. */
export function useWorkbench<T>(selector: (s: WorkbenchState) => T): T {
  return useStore(useWorkbenchStore(), selector);
}

export function useLogs<T>(selector: (s: LogState) => T): T {
  return useStore(useLogStoreApi(), selector);
}

/**
 * The store's actions, read once without subscribing (actions are stable functions). Use it for
 * actions only: the state fields in it are a snapshot from the first render.
 */
export function useActions(): WorkbenchState {
  const store = useWorkbenchStore();
  return useMemo(() => store.getState(), [store]);
}
