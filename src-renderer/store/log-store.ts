import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ServerId } from '../../src-shared/api/schemas/common';
import type { LogEntry } from '../../src-shared/api/schemas/log';

export const DEFAULT_LOG_CAPACITY = 50_000;

/**
 * The in-memory log buffer: a ring addressed by absolute positions that only grow, so a filtered
 * index can keep positions across appends and just drop the ones that fell out at the front.
 * It is mutated in place; the store's `version` tells subscribers that it changed.
 */
export interface LogBuffer {
  /** Absolute position of the oldest kept entry. */
  readonly start: number;
  /** Absolute position after the newest entry. */
  readonly end: number;
  at(pos: number): LogEntry | undefined;
}

class RingBuffer implements LogBuffer {
  private items: (LogEntry | undefined)[];
  start = 0;
  end = 0;
  constructor(readonly capacity: number) {
    this.items = new Array<LogEntry | undefined>(capacity);
  }
  at(pos: number): LogEntry | undefined {
    return pos >= this.start && pos < this.end ? this.items[pos % this.capacity] : undefined;
  }
  /** Returns how many entries were pushed out at the front. */
  push(e: LogEntry): number {
    let evicted = 0;
    if (this.end - this.start === this.capacity) {
      // Full: the oldest slot is the one we are about to write.
      this.start++;
      evicted = 1;
    }
    this.items[this.end % this.capacity] = e;
    this.end++;
    return evicted;
  }
  reset(keep: LogEntry[]): void {
    this.items = new Array<LogEntry | undefined>(this.capacity);
    this.start = 0;
    this.end = 0;
    for (const e of keep) this.push(e);
  }
}

export interface LogState {
  buffer: LogBuffer;
  capacity: number;
  /** Bumped on every change of the buffer. */
  version: number;
  /** Bumped when positions were renumbered (a clear): filtered indexes must start over. */
  epoch: number;
  /** Highest seq seen: the resume cursor for `logs.appended` after a reconnect. */
  lastSeq: number;
  /** Entries pushed out of this window's buffer because it was full. */
  evicted: number;
  /** Entries the engine had already dropped when we asked for them (reported by the stream). */
  missed: number;
  /** sync/ only. Entries at or below `lastSeq` are ignored, so a replay never duplicates. */
  _append(entries: LogEntry[], missed?: number): void;
  /** After a successful `logs.clear`: forget what this window holds (all, or one server's). */
  _clearLocal(serverId?: ServerId): void;
}

export type LogStore = StoreApi<LogState>;

export function createLogStore(capacity = DEFAULT_LOG_CAPACITY): LogStore {
  const ring = new RingBuffer(capacity);
  return createStore<LogState>()((set, get) => ({
    buffer: ring,
    capacity,
    version: 0,
    epoch: 0,
    lastSeq: 0,
    evicted: 0,
    missed: 0,
    _append: (entries, missed = 0) => {
      let { lastSeq, evicted } = get();
      let added = 0;
      for (const e of entries) {
        if (e.seq <= lastSeq) continue;
        evicted += ring.push(e);
        lastSeq = e.seq;
        added++;
      }
      if (added === 0 && missed === 0) return;
      set((s) => ({ version: s.version + 1, lastSeq, evicted, missed: s.missed + missed }));
    },
    _clearLocal: (serverId) => {
      const keep: LogEntry[] = [];
      if (serverId !== undefined) {
        for (let p = ring.start; p < ring.end; p++) {
          const e = ring.at(p);
          if (e && e.serverId !== serverId) keep.push(e);
        }
      }
      ring.reset(keep);
      set((s) => ({ version: s.version + 1, epoch: s.epoch + 1, ...(serverId === undefined ? { evicted: 0, missed: 0 } : {}) }));
    },
  }));
}
