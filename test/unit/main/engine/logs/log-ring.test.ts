import { describe, expect, it } from 'vitest';
import { LogRing } from '../../../../../src-main/engine/logs/log-ring';
import type { LogEntry } from '../../../../../src-shared/api/schemas/log';

const entry = (seq: number): LogEntry => ({
  seq,
  ts: 1_700_000_000_000 + seq,
  serverId: 's',
  source: 'stderr',
  level: 'info',
  text: `line ${seq}`,
});

/** A ring filled with the given seqs, in order. */
function ringWith(capacity: number, seqs: number[]): LogRing {
  const r = new LogRing(capacity);
  for (const s of seqs) r.push(entry(s));
  return r;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('LogRing', () => {
  it('keeps at most its capacity, newest entries, oldest first', () => {
    const r = ringWith(3, range(1, 5));
    expect(r.since(0).entries.map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(r.counts).toMatchObject({ appended: 5, dropped: 2, kept: 3 });
  });

  it('refuses a capacity below one', () => {
    expect(() => new LogRing(0)).toThrow(RangeError);
  });

  it('returns entries after a cursor, wherever the cursor falls (seqs need not be contiguous)', () => {
    // Seqs are global across servers, so one server's ring has gaps.
    const seqs = [2, 5, 9, 14, 20, 27, 35];
    const r = ringWith(10, seqs);
    for (const cursor of [0, 1, 2, 3, 9, 10, 26, 27, 35, 99]) {
      expect(
        r.since(cursor).entries.map((e) => e.seq),
        `after ${cursor}`,
      ).toEqual(seqs.filter((s) => s > cursor));
    }
  });

  it('finds the cursor correctly after the ring has wrapped', () => {
    const r = ringWith(4, range(1, 10)); // keeps 7..10, head in the middle of the array
    expect(r.since(8).entries.map((e) => e.seq)).toEqual([9, 10]);
    expect(r.since(6).entries.map((e) => e.seq)).toEqual([7, 8, 9, 10]);
  });

  it('keeps appended = kept + dropped exactly through heavy overflow', () => {
    const r = new LogRing(7);
    for (let i = 1; i <= 1000; i++) {
      r.push(entry(i));
      const c = r.counts;
      expect(c.appended).toBe(c.kept + c.dropped + c.cleared);
    }
    expect(r.counts).toMatchObject({ appended: 1000, dropped: 993, kept: 7 });
  });

  it('tells a new reader (afterSeq 0) exactly how many entries it missed', () => {
    const r = ringWith(3, range(1, 50));
    const { entries, missed } = r.since(0);
    expect(entries).toHaveLength(3);
    expect(missed).toBe(47);
  });

  it('tells a reader with a recent cursor exactly how many it missed', () => {
    const r = ringWith(5, range(1, 20)); // kept 16..20, dropped 1..15
    expect(r.since(12)).toMatchObject({ missed: 3 }); // 13, 14, 15 fell out
    expect(r.since(12).entries.map((e) => e.seq)).toEqual([16, 17, 18, 19, 20]);
    expect(r.since(15).missed).toBe(0);
    expect(r.since(18).missed).toBe(0);
  });

  it('counts missed entries exactly with gaps in the seqs', () => {
    const r = ringWith(2, [10, 20, 30, 40, 50]); // kept 40, 50; dropped 10, 20, 30
    expect(r.since(15).missed).toBe(2);
    expect(r.since(30).missed).toBe(0);
    expect(r.since(0).missed).toBe(3);
  });

  it('reports nothing missed when nothing was dropped', () => {
    expect(ringWith(10, range(1, 5)).since(2).missed).toBe(0);
  });

  it('clears without counting the cleared entries as dropped', () => {
    const r = ringWith(3, range(1, 5));
    expect(r.clear()).toBe(3);
    expect(r.counts).toMatchObject({ appended: 5, dropped: 2, cleared: 3, kept: 0 });
    r.push(entry(6));
    expect(r.since(0).entries.map((e) => e.seq)).toEqual([6]);
  });
});
