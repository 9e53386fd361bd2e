import { useMemo, useSyncExternalStore } from 'react';
import type { LogStore } from '../../store/log-store';
import { type FilteredIndex, type LogFilter, updateFilteredIndex } from './log-filter';

/**
 * The filtered view of the log buffer as an external store: each store change updates the index
 * incrementally (only new entries are tested); a new filter starts a new view with one full scan.
 * The snapshot keeps its identity while nothing visible changed, so React skips the work.
 */
function createFilteredView(logs: LogStore, filter: LogFilter) {
  let index: FilteredIndex | null = null;
  let seenVersion = -1;
  return {
    getSnapshot(): FilteredIndex {
      const s = logs.getState();
      if (index === null || s.version !== seenVersion) {
        index = updateFilteredIndex(index, s.buffer, s.epoch, filter);
        seenVersion = s.version;
      }
      return index;
    },
  };
}

export function useFilteredLogs(logs: LogStore, filter: LogFilter): FilteredIndex {
  const view = useMemo(() => createFilteredView(logs, filter), [logs, filter]);
  return useSyncExternalStore(logs.subscribe, view.getSnapshot);
}
