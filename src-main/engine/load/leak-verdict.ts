import type { LeakVerdict } from '../../../src-shared/api/schemas/load';
import { linearFit } from './regression';

const MB = 1024 * 1024;
const LEAK_R2 = 0.9;

/**
 * Does memory keep growing with calls after warm-up? Garbage-collected servers grow their heap for
 * a while and then level off; a leak grows until the end. So: fit RSS against calls over the
 * second half of the run, and call it growing only when that growth is real (a good fit),
 * material (not allocator noise), steady (a straight line), and still there in the last quarter.
 */
export function leakVerdict(points: Array<[calls: number, rss: number]>, totalCalls: number): LeakVerdict {
  const warmupCalls = Math.floor(totalCalls / 2);
  const half = points.filter(([c]) => c >= warmupCalls);
  const quarter = points.filter(([c]) => c >= Math.floor(totalCalls * 0.75));
  const fitHalf = linearFit(half);
  const fitQuarter = linearFit(quarter);
  const base = { warmupCalls, points };
  if (!fitHalf || !fitQuarter || half.length < 6) {
    return {
      ...base,
      verdict: 'inconclusive',
      bytesPer1000Calls: null,
      rSquared: null,
      explanation: 'Too few memory readings after warm-up to judge. Run more calls (1,000 or more).',
    };
  }
  const baseline = half[0]![1];
  const material = (per1000: number) => per1000 >= Math.max(4 * MB, baseline * 0.02);
  const per1000 = fitHalf.slope * 1000;
  const lastPer1000 = fitQuarter.slope * 1000;
  const r2 = Math.round(fitHalf.rSquared * 100) / 100;
  const mb = (n: number) => `${n >= 0 ? '+' : ''}${(n / MB).toFixed(1)} MB`;
  const result = { ...base, bytesPer1000Calls: Math.round(per1000), rSquared: r2 };

  // A leak grows by the same amount per call: a near-perfect line. A heap still settling grows in
  // steps and bursts (R² around 0.8 on a fresh Node heap) and earns "inconclusive", not "growing".
  if (material(per1000) && material(lastPer1000) && fitHalf.rSquared >= LEAK_R2) {
    return {
      ...result,
      verdict: 'growing',
      explanation: `Memory keeps growing: ${mb(per1000)} per 1,000 calls after warm-up (fit R² ${r2}), and still ${mb(lastPer1000)} per 1,000 in the last quarter. Look for caches, lists or listeners that grow with every call and are never cleared.`,
    };
  }
  if (!material(per1000)) {
    return { ...result, verdict: 'stable', explanation: `Memory is stable after warm-up (${mb(per1000)} per 1,000 calls).` };
  }
  if (!material(lastPer1000)) {
    return {
      ...result,
      verdict: 'stable',
      explanation: `Memory grew after warm-up (${mb(per1000)} per 1,000 calls) but levelled off in the last quarter (${mb(lastPer1000)} per 1,000): a heap settling, not a leak. A longer run confirms it.`,
    };
  }
  return {
    ...result,
    verdict: 'inconclusive',
    explanation: `Memory moved by ${mb(per1000)} per 1,000 calls but unevenly (fit R² ${r2}): run longer to tell growth from garbage-collection noise.`,
  };
}
