import type { LoadRun, LoadRunSummary } from '../../../src-shared/api/schemas/load';

/** One figure of a run, with which direction is better: what the comparison view needs. */
export interface Figure {
  label: string;
  value: (r: LoadRunSummary) => number | null;
  format: (v: number) => string;
  better: 'higher' | 'lower';
}

const ms = (v: number) => `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms`;
const mb = (v: number) => `${(v / 1024 / 1024).toFixed(1)} MB`;
export const errorCount = (r: LoadRunSummary) => r.completed - (r.byStatus.ok ?? 0);

export const FIGURES: Figure[] = [
  { label: 'Throughput', value: (r) => r.callsPerSecond, format: (v) => `${v.toLocaleString('en-US')} calls/s`, better: 'higher' },
  { label: 'p50', value: (r) => r.latency.p50, format: ms, better: 'lower' },
  { label: 'p95', value: (r) => r.latency.p95, format: ms, better: 'lower' },
  { label: 'p99', value: (r) => r.latency.p99, format: ms, better: 'lower' },
  { label: 'Max', value: (r) => r.latency.max, format: ms, better: 'lower' },
  {
    label: 'Errors',
    value: (r) => (r.completed ? (errorCount(r) / r.completed) * 100 : null),
    format: (v) => `${v.toFixed(v < 1 ? 2 : 1)} %`,
    better: 'lower',
  },
  { label: 'Peak RSS', value: (r) => r.rssPeakBytes, format: mb, better: 'lower' },
  {
    label: 'RSS growth / 1,000 calls',
    value: (r) => r.rssGrowthPer1000Calls,
    format: (v) => `${v >= 0 ? '+' : ''}${mb(v)}`,
    better: 'lower',
  },
];

/** The change from a to b in percent, and whether it is an improvement. */
export function compareFigure(
  f: Figure,
  a: LoadRunSummary,
  b: LoadRunSummary,
): { pct: number | null; verdict: 'better' | 'worse' | 'same' | 'n/a' } {
  const va = f.value(a);
  const vb = f.value(b);
  if (va === null || vb === null) return { pct: null, verdict: 'n/a' };
  if (va === 0) return { pct: null, verdict: vb === 0 ? 'same' : f.better === 'lower' ? 'worse' : 'better' };
  const pct = ((vb - va) / Math.abs(va)) * 100;
  if (Math.abs(pct) < 2) return { pct, verdict: 'same' };
  const up = pct > 0;
  return { pct, verdict: (f.better === 'higher') === up ? 'better' : 'worse' };
}

export function timelineCsv(run: LoadRun): string {
  const head = 'time_iso,completed,errors,in_flight,calls_per_second,p50_ms,p95_ms,rss_bytes';
  const rows = run.timeline.map((t) =>
    [new Date(t.t).toISOString(), t.completed, t.errors, t.inFlight, t.callsPerSecond, t.p50 ?? '', t.p95 ?? '', t.rssBytes ?? ''].join(
      ',',
    ),
  );
  return [head, ...rows].join('\n') + '\n';
}
