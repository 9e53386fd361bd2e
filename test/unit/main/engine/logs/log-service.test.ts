import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LogService } from '../../../../../src-main/engine/logs/log-service';
import type { LogBatch } from '../../../../../src-shared/api/schemas/log';
import { systemClock } from '../../../../../src-main/engine/base/clock';

const clock = { ...systemClock, now: () => 1_700_000_000_000, monotonic: () => 0 };

let logs: LogService;
beforeEach(() => {
  vi.useFakeTimers();
  logs = new LogService(clock, { flushMs: 50, capacityPerServer: 100 });
});
afterEach(() => {
  logs.dispose();
  vi.useRealTimers();
});

describe('LogService', () => {
  it('stamps entries with increasing seqs, the time and the server', () => {
    const a = logs.append('a', { source: 'stderr', level: 'info', text: 'one' });
    const b = logs.append('b', { source: 'stderr', level: 'info', text: 'two' });
    expect([a.seq, b.seq]).toEqual([1, 2]);
    expect(a).toMatchObject({ serverId: 'a', ts: clock.now(), text: 'one' });
    expect(logs.lastSeq).toBe(2);
  });

  it('delivers a burst of entries as one batch after the flush interval', () => {
    const batches: LogBatch[] = [];
    logs.onDidAppend((b) => batches.push(b));
    for (let i = 0; i < 25; i++) logs.append('a', { source: 'stdout', level: 'warning', text: `line ${i}` });
    expect(batches).toHaveLength(0);
    vi.advanceTimersByTime(49);
    expect(batches).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.entries.map((e) => e.text)).toEqual(Array.from({ length: 25 }, (_, i) => `line ${i}`));
    expect(batches[0]!.missed).toBe(0);
  });

  it('flushes on demand and then starts a fresh batch', () => {
    const batches: LogBatch[] = [];
    logs.onDidAppend((b) => batches.push(b));
    logs.append('a', { source: 'app', level: 'info', text: 'x' });
    logs.flush();
    expect(batches).toHaveLength(1);
    logs.append('a', { source: 'app', level: 'info', text: 'y' });
    vi.advanceTimersByTime(50);
    expect(batches.map((b) => b.entries.map((e) => e.text))).toEqual([['x'], ['y']]);
  });

  it('keeps entries for replay even when nobody listens', () => {
    logs.append('a', { source: 'stderr', level: 'info', text: 'early' });
    expect(logs.since('a').entries.map((e) => e.text)).toEqual(['early']);
  });

  it('replays all servers merged in seq order from a cursor', () => {
    const order = ['a', 'b', 'a', 'c', 'b', 'b', 'a'];
    order.forEach((s, i) => logs.append(s, { source: 'stderr', level: 'info', text: `${s}${i + 1}` }));
    const all = logs.since(undefined, 0);
    expect(all.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(all.entries.map((e) => e.serverId)).toEqual(order);
    expect(logs.since(undefined, 4).entries.map((e) => e.text)).toEqual(['b5', 'b6', 'a7']);
    expect(logs.since('b', 2).entries.map((e) => e.seq)).toEqual([5, 6]);
    expect(logs.since('nobody')).toEqual({ entries: [], missed: 0 });
  });

  it('counts per server and sums what replay missed across servers', () => {
    const small = new LogService(clock, { capacityPerServer: 2 });
    for (let i = 0; i < 5; i++) small.append('a', { source: 'stderr', level: 'info', text: `a${i}` });
    for (let i = 0; i < 3; i++) small.append('b', { source: 'stderr', level: 'info', text: `b${i}` });
    expect(small.counts('a')).toMatchObject({ appended: 5, dropped: 3, kept: 2 });
    expect(small.counts('b')).toMatchObject({ appended: 3, dropped: 1, kept: 2 });
    expect(small.since(undefined, 0).missed).toBe(4);
    expect(small.counts('unknown')).toMatchObject({ appended: 0, dropped: 0, kept: 0 });
    small.dispose();
  });

  it('clears one server or all', () => {
    logs.append('a', { source: 'stderr', level: 'info', text: '1' });
    logs.append('b', { source: 'stderr', level: 'info', text: '2' });
    expect(logs.clear('a')).toBe(1);
    expect(logs.since(undefined).entries.map((e) => e.serverId)).toEqual(['b']);
    expect(logs.clear()).toBe(1);
    expect(logs.since(undefined).entries).toEqual([]);
  });
});
