import type { LatencySummary } from '../../../src-shared/api/schemas/metrics';

/**
 * Log-bucketed latency histogram: O(1) to record, bounded memory, percentiles within ~1% of the
 * true value. Sorting every sample would be exact but costs too much under a load run.
 */
export class LatencyHistogram {
  private static readonly GROWTH = 1.01;
  private static readonly MIN_MS = 0.01;
  private readonly byLogBucket = new Map<number, number>();
  private _count = 0;
  private sum = 0;
  private _max = 0;

  record(ms: number): void {
    const v = Math.max(ms, LatencyHistogram.MIN_MS);
    const b = Math.floor(Math.log(v / LatencyHistogram.MIN_MS) / Math.log(LatencyHistogram.GROWTH));
    this.byLogBucket.set(b, (this.byLogBucket.get(b) ?? 0) + 1);
    this._count++;
    this.sum += ms;
    if (ms > this._max) this._max = ms;
  }

  get count(): number {
    return this._count;
  }

  /** The value at quantile q (0..1), as the midpoint of its bucket, never above the true max. */
  quantile(q: number): number | null {
    if (this._count === 0) return null;
    const rank = Math.max(1, Math.ceil(q * this._count));
    const keys = [...this.byLogBucket.keys()].sort((a, b) => a - b);
    let seen = 0;
    for (const k of keys) {
      seen += this.byLogBucket.get(k)!;
      if (seen >= rank) {
        const lo = LatencyHistogram.MIN_MS * LatencyHistogram.GROWTH ** k;
        const mid = lo * Math.sqrt(LatencyHistogram.GROWTH);
        return Math.min(round(mid), round(this._max));
      }
    }
    return round(this._max);
  }

  /** Counts per fixed bucket (≤ bound ms), for a histogram a person can read at a glance. */
  buckets(bounds: readonly number[] = BUCKET_BOUNDS): Array<{ le: number | null; count: number }> {
    const out = [...bounds.map((le) => ({ le: le as number | null, count: 0 })), { le: null as number | null, count: 0 }];
    for (const [k, n] of this.byLogBucket) {
      const mid = LatencyHistogram.MIN_MS * LatencyHistogram.GROWTH ** k * Math.sqrt(LatencyHistogram.GROWTH);
      const i = bounds.findIndex((b) => mid <= b);
      out[i === -1 ? bounds.length : i]!.count += n;
    }
    return out;
  }

  summary(): LatencySummary {
    return {
      count: this._count,
      p50: this.quantile(0.5),
      p95: this.quantile(0.95),
      p99: this.quantile(0.99),
      max: this._count ? round(this._max) : null,
      mean: this._count ? round(this.sum / this._count) : null,
    };
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Latency buckets in ms: a 1-2-5 ladder from 1 ms to 10 s. */
export const BUCKET_BOUNDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000] as const;
