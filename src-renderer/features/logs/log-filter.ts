import type { ServerId } from '../../../src-shared/api/schemas/common';
import { LOG_LEVELS, type LogEntry, type LogLevel, type LogSource } from '../../../src-shared/api/schemas/log';
import type { LogBuffer } from '../../store/log-store';

export const LOG_SOURCES: readonly LogSource[] = ['stderr', 'stdout', 'protocol', 'notification', 'lifecycle', 'app'];

export interface LogFilter {
  /** null: every server of the workspace. */
  serverId: ServerId | null;
  /** The sources to show. */
  sources: readonly LogSource[];
  minLevel: LogLevel;
  /** Case-insensitive substring of the text (or protocol method, logger). */
  text: string;
}

const lowered = new WeakMap<LogEntry, string>();
function haystack(e: LogEntry): string {
  let h = lowered.get(e);
  if (h === undefined) {
    h = `${e.text}\n${e.protocol?.method ?? ''}\n${e.logger ?? ''}`.toLowerCase();
    lowered.set(e, h);
  }
  return h;
}

export function compileLogFilter(f: LogFilter): (e: LogEntry) => boolean {
  const sources = new Set(f.sources);
  const min = LOG_LEVELS.indexOf(f.minLevel);
  const q = f.text.trim().toLowerCase();
  return (e) =>
    (f.serverId === null || e.serverId === f.serverId) &&
    sources.has(e.source) &&
    LOG_LEVELS.indexOf(e.level) >= min &&
    (q === '' || haystack(e).includes(q));
}

export function logFilterKey(f: LogFilter): string {
  return JSON.stringify([f.serverId, [...f.sources].sort(), f.minLevel, f.text.trim().toLowerCase()]);
}

/** Buffer positions of the entries that pass the filter, kept up to date incrementally. */
export interface FilteredIndex {
  key: string;
  epoch: number;
  positions: number[];
  /** Buffer positions below this were already looked at. */
  scannedTo: number;
}

/** First index in a sorted array whose value is >= x. */
export function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Bring the index up to date: a new filter or a renumbered buffer (epoch) rescans everything;
 * otherwise only new entries are tested, and positions that fell out of the buffer are dropped.
 * Returns `prev` itself when nothing visible changed, so React can skip work.
 */
export function updateFilteredIndex(prev: FilteredIndex | null, buffer: LogBuffer, epoch: number, filter: LogFilter): FilteredIndex {
  const key = logFilterKey(filter);
  const match = compileLogFilter(filter);
  if (!prev || prev.key !== key || prev.epoch !== epoch) {
    const positions: number[] = [];
    for (let p = buffer.start; p < buffer.end; p++) {
      const e = buffer.at(p);
      if (e && match(e)) positions.push(p);
    }
    return { key, epoch, positions, scannedTo: buffer.end };
  }
  let positions = prev.positions;
  if (positions.length > 0 && positions[0]! < buffer.start) positions = positions.slice(lowerBound(positions, buffer.start));
  const added: number[] = [];
  for (let p = Math.max(prev.scannedTo, buffer.start); p < buffer.end; p++) {
    const e = buffer.at(p);
    if (e && match(e)) added.push(p);
  }
  if (added.length > 0) positions = positions.concat(added);
  if (positions === prev.positions && prev.scannedTo === buffer.end) return prev;
  return { key, epoch, positions, scannedTo: buffer.end };
}
