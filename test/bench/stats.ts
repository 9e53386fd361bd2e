/** Exact percentiles for benchmark samples (a sort per report is fine here, unlike the live histogram). */
export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, median: percentile(s, 0.5), p99: percentile(s, 0.99) };
}

export const fmt = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : '—');
