import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from '../../../../../src-main/engine/metrics/latency-histogram';

const within = (actual: number | null, expected: number, tolerance = 0.02) => {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected) / expected, `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
};

/** A deterministic shuffle, so recording order cannot matter by accident. */
function shuffled(values: number[]): number[] {
  const out = [...values];
  let seed = 42;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('LatencyHistogram', () => {
  it('has no percentiles before the first call', () => {
    expect(new LatencyHistogram().summary()).toEqual({ count: 0, p50: null, p95: null, p99: null, max: null, mean: null });
  });

  it('gives p50/p95/p99 of 1..1000 ms within 2 %', () => {
    const h = new LatencyHistogram();
    for (const v of shuffled(Array.from({ length: 1000 }, (_, i) => i + 1))) h.record(v);
    const s = h.summary();
    expect(s.count).toBe(1000);
    within(s.p50, 500);
    within(s.p95, 950);
    within(s.p99, 990);
    expect(s.max).toBe(1000);
    expect(s.mean).toBeCloseTo(500.5, 5);
  });

  it('keeps sub-millisecond and multi-second latencies apart', () => {
    const h = new LatencyHistogram();
    for (let i = 0; i < 90; i++) h.record(0.2);
    for (let i = 0; i < 10; i++) h.record(4000);
    within(h.quantile(0.5), 0.2);
    within(h.quantile(0.95), 4000);
  });

  it('never reports a percentile above the slowest call', () => {
    const h = new LatencyHistogram();
    h.record(12.345);
    expect(h.quantile(0.99)).toBeLessThanOrEqual(12.35);
    expect(h.summary().max).toBe(12.35);
  });

  it('accepts zero-duration calls', () => {
    const h = new LatencyHistogram();
    h.record(0);
    h.record(0);
    expect(h.summary()).toMatchObject({ count: 2, max: 0, mean: 0 });
    expect(h.quantile(0.5)).toBe(0);
  });
});

describe('LatencyHistogram.buckets', () => {
  it('counts each call once, in the 1-2-5 bucket its latency falls in', () => {
    const h = new LatencyHistogram();
    for (const ms of [0.5, 0.9, 1.5, 3, 3, 40, 900, 20_000]) h.record(ms);
    const b = h.buckets();
    expect(b.reduce((a, x) => a + x.count, 0)).toBe(8);
    const at = (le: number | null) => b.find((x) => x.le === le)!.count;
    expect(at(1)).toBe(2);
    expect(at(2)).toBe(1);
    expect(at(5)).toBe(2);
    expect(at(50)).toBe(1);
    expect(at(1000)).toBe(1);
    expect(at(null)).toBe(1);
  });
});
