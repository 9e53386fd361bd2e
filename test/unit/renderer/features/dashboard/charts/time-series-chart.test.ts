import type uPlot from 'uplot';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// uPlot asks matchMedia for the pixel ratio when it loads; jsdom has none.
vi.hoisted(() => {
  window.matchMedia ??= (query: string) =>
    ({
      matches: false,
      media: query,
      addListener() {},
      removeListener() {},
      addEventListener() {},
      removeEventListener() {},
    }) as unknown as MediaQueryList;
});
const { placeMarkLabels } = await import('../../../../../../src-renderer/features/dashboard/charts/time-series-chart');

const PLOT_WIDTH = 400;
const LABEL_WIDTH = 50;

/** The part of uPlot the labels use: the overlay over the plot and x → pixels (here the identity, in the plot's CSS pixels). */
function fakePlot(): uPlot {
  const over = document.createElement('div');
  Object.defineProperty(over, 'clientWidth', { value: PLOT_WIDTH });
  return { over, valToPos: (v: number) => v } as unknown as uPlot;
}

const labels = (u: uPlot) =>
  [...u.over.querySelectorAll<HTMLElement>('.chart-mark')].map((el) => ({ text: el.textContent, left: parseFloat(el.style.left) }));

// jsdom lays nothing out: every label measures LABEL_WIDTH.
let restore: PropertyDescriptor | undefined;
beforeAll(() => {
  restore = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetWidth');
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => LABEL_WIDTH });
});
afterAll(() => {
  if (restore) Object.defineProperty(HTMLElement.prototype, 'offsetWidth', restore);
});

describe('chart marker labels', () => {
  it('stay inside the plot: right of a mark at the left edge (never over the y axis), left of one at the right edge', () => {
    const u = fakePlot();
    placeMarkLabels(
      u,
      [
        { at: 0, label: 'started' },
        { at: PLOT_WIDTH - 2, label: 'crashed' },
      ],
      false,
    );
    const [first, last] = labels(u);
    expect(first).toEqual({ text: 'started', left: 4 });
    expect(last!.text).toBe('crashed');
    expect(last!.left).toBeGreaterThanOrEqual(0);
    expect(last!.left + LABEL_WIDTH).toBeLessThanOrEqual(PLOT_WIDTH);
  });

  it('show only the marks in view, and follow the marks as they change', () => {
    const u = fakePlot();
    placeMarkLabels(
      u,
      [
        { at: -30, label: 'before the window' },
        { at: 100, label: 'started' },
        { at: 200, label: 'load run: greet' },
      ],
      false,
    );
    expect(labels(u).map((l) => l.text)).toEqual(['started', 'load run: greet']);
    placeMarkLabels(u, [{ at: 150, label: 'restarted (#1)' }], false);
    expect(labels(u)).toEqual([{ text: 'restarted (#1)', left: 154 }]);
  });
});
