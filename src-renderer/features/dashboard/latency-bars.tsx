import type { ToolStats } from '../../../src-shared/api/schemas/metrics';

const label = (le: number | null) => (le === null ? '> 10 s' : le >= 1000 ? `≤ ${le / 1000} s` : `≤ ${le} ms`);

/** A tool's latency distribution as small bars, one per 1-2-5 bucket; the tooltip gives the counts. */
export function LatencyBars({ buckets }: { buckets: NonNullable<ToolStats['buckets']> }) {
  const max = Math.max(1, ...buckets.map((b) => b.count));
  // Trim empty buckets at both ends so the shape is readable.
  const first = buckets.findIndex((b) => b.count > 0);
  const last = buckets.length - 1 - [...buckets].reverse().findIndex((b) => b.count > 0);
  const shown = first === -1 ? [] : buckets.slice(first, last + 1);
  const summary = shown.map((b) => `${label(b.le)}: ${b.count}`).join(', ');
  return (
    <span className="latency-bars" role="img" aria-label={`Latency distribution: ${summary || 'no calls'}`} title={summary}>
      {shown.map((b) => (
        <span key={String(b.le)} className="latency-bar" style={{ height: `${Math.max(2, (b.count / max) * 100)}%` }} />
      ))}
      {shown.length ? <span className="latency-range">{`${label(shown[0]!.le)} … ${label(shown.at(-1)!.le)}`}</span> : null}
    </span>
  );
}
