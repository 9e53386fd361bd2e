import { describe, expect, it } from 'vitest';
import { type LogFilter, LOG_SOURCES, compileLogFilter, updateFilteredIndex } from '../../../../../src-renderer/features/logs/log-filter';
import { createLogStore, type LogBuffer } from '../../../../../src-renderer/store/log-store';
import { logEntry } from '../../helpers/fixtures';

const all: LogFilter = { serverId: null, sources: LOG_SOURCES, minLevel: 'debug', text: '' };

describe('compileLogFilter', () => {
  it('filters by server, source, minimum level and case-insensitive text', () => {
    const e = logEntry({ serverId: 'a', source: 'stderr', level: 'warning', text: 'Disk FULL on /tmp' });
    expect(compileLogFilter(all)(e)).toBe(true);
    expect(compileLogFilter({ ...all, serverId: 'b' })(e)).toBe(false);
    expect(compileLogFilter({ ...all, sources: ['protocol'] })(e)).toBe(false);
    expect(compileLogFilter({ ...all, minLevel: 'warning' })(e)).toBe(true);
    expect(compileLogFilter({ ...all, minLevel: 'error' })(e)).toBe(false);
    expect(compileLogFilter({ ...all, text: 'disk full' })(e)).toBe(true);
    expect(compileLogFilter({ ...all, text: 'nope' })(e)).toBe(false);
  });

  it('matches a protocol entry by its method', () => {
    const e = logEntry({
      source: 'protocol',
      text: '→ #3',
      protocol: { dir: 'out', kind: 'request', method: 'tools/call', id: 3, bytes: 10 },
    });
    expect(compileLogFilter({ ...all, text: 'TOOLS/CALL' })(e)).toBe(true);
  });
});

describe('updateFilteredIndex', () => {
  it('scans only new entries, drops evicted positions, and returns the same object when nothing changed', () => {
    const store = createLogStore(5);
    const f: LogFilter = { ...all, text: 'keep' };
    store
      .getState()
      ._append([logEntry({ seq: 1, text: 'keep 1' }), logEntry({ seq: 2, text: 'drop' }), logEntry({ seq: 3, text: 'keep 3' })]);
    const a = updateFilteredIndex(null, store.getState().buffer, 0, f);
    expect(a.positions).toEqual([0, 2]);
    expect(updateFilteredIndex(a, store.getState().buffer, 0, f)).toBe(a);

    store.getState()._append([4, 5, 6, 7].map((s) => logEntry({ seq: s, text: s % 2 ? 'keep' : 'drop' })));
    const b = updateFilteredIndex(a, store.getState().buffer, 0, f);
    // capacity 5: positions 0 and 1 fell out; 2 (keep 3), 4 (seq 5), 6 (seq 7) remain
    expect(store.getState().buffer.start).toBe(2);
    expect(b.positions).toEqual([2, 4, 6]);

    const onlyNew = updateFilteredIndex(b, store.getState().buffer, 0, f);
    expect(onlyNew).toBe(b);
  });

  it('rescans when the filter or the epoch changes', () => {
    const store = createLogStore(10);
    store.getState()._append([logEntry({ seq: 1, level: 'error' }), logEntry({ seq: 2, level: 'info' })]);
    const a = updateFilteredIndex(null, store.getState().buffer, 0, all);
    const b = updateFilteredIndex(a, store.getState().buffer, 0, { ...all, minLevel: 'error' });
    expect(b.positions).toEqual([0]);
    store.getState()._clearLocal();
    const c = updateFilteredIndex(b, store.getState().buffer, store.getState().epoch, { ...all, minLevel: 'error' });
    expect(c.positions).toEqual([]);
  });

  it('with 100k entries, an append tests only the new entry, not the whole buffer again', () => {
    const store = createLogStore(100_000);
    store.getState()._append(Array.from({ length: 100_000 }, (_, i) => logEntry({ seq: i + 1, text: i % 10 === 0 ? 'needle' : 'hay' })));
    // The buffer as the filter sees it, counting the entries it reads: the work an update does.
    let reads = 0;
    const counted = (): LogBuffer => {
      const b = store.getState().buffer;
      return { start: b.start, end: b.end, at: (p) => (reads++, b.at(p)) };
    };
    const idx = updateFilteredIndex(null, counted(), 0, { ...all, text: 'needle' });
    expect(idx.positions).toHaveLength(10_000);
    expect(reads).toBe(100_000);
    reads = 0;
    store.getState()._append([logEntry({ seq: 100_001, text: 'needle' })]);
    const next = updateFilteredIndex(idx, counted(), 0, { ...all, text: 'needle' });
    expect(next.positions).toHaveLength(10_000); // one evicted (a needle at position 0), one added
    expect(reads).toBe(1);
  });
});
