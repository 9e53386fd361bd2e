import { describe, expect, it } from 'vitest';
import { leakVerdict } from '../../../../../src-main/engine/load/leak-verdict';
import { linearFit } from '../../../../../src-main/engine/load/regression';

const MB = 1024 * 1024;
const series = (n: number, f: (calls: number, i: number) => number): Array<[number, number]> =>
  Array.from({ length: n }, (_, i) => [(i + 1) * 40, f((i + 1) * 40, i)]);

describe('linearFit', () => {
  it('recovers slope and intercept of a line exactly', () => {
    const fit = linearFit([
      [0, 1],
      [1, 3],
      [2, 5],
      [3, 7],
    ])!;
    expect(fit.slope).toBeCloseTo(2);
    expect(fit.intercept).toBeCloseTo(1);
    expect(fit.rSquared).toBeCloseTo(1);
  });
  it('has nothing to say about fewer than three points or a vertical set', () => {
    expect(
      linearFit([
        [0, 1],
        [1, 2],
      ]),
    ).toBeUndefined();
    expect(
      linearFit([
        [1, 1],
        [1, 2],
        [1, 3],
      ]),
    ).toBeUndefined();
  });
});

describe('leakVerdict', () => {
  it('calls steady linear growth a leak, with the growth per 1,000 calls', () => {
    const v = leakVerdict(
      series(50, (c) => 150 * MB + c * 64 * 1024),
      2000,
    );
    expect(v.verdict).toBe('growing');
    expect(v.bytesPer1000Calls! / MB).toBeCloseTo(62.5, 0);
    expect(v.explanation).toContain('keeps growing');
  });

  it('calls a heap that grows and then levels off stable (the usual garbage-collected warm-up)', () => {
    // Saw-tooth growth for the first 60 % of the run, flat afterwards: what a fresh V8 heap does.
    const v = leakVerdict(
      series(50, (c, i) => (c < 1200 ? 100 * MB + c * 40 * 1024 - (i % 8) * MB : 147 * MB + (i % 2) * 0.3 * MB)),
      2000,
    );
    expect(v.verdict).toBe('stable');
  });

  it('calls flat noisy memory stable', () => {
    const v = leakVerdict(
      series(50, (_c, i) => 150 * MB + ((i * 7919) % 5) * MB),
      2000,
    );
    expect(v.verdict).toBe('stable');
  });

  it('is inconclusive with too few readings', () => {
    expect(
      leakVerdict(
        series(4, (c) => c * MB),
        160,
      ).verdict,
    ).toBe('inconclusive');
  });
});
