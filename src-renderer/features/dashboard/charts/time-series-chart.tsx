import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { themeColor, useTheme } from '../../../components/theme';

export interface ChartSeries {
  label: string;
  /** CSS color. */
  color: string;
  /** One value per x; null draws a gap (the first CPU sample has no value). */
  values: (number | null)[];
}

export interface TimeSeriesChartProps {
  /** Epoch milliseconds (or plain numbers when xKind is 'count'), ascending. */
  x: number[];
  /** 'count' plots against a number (calls so far) instead of time. */
  xKind?: 'time' | 'count';
  series: ChartSeries[];
  height?: number;
  /** Axis and legend formatting for y values. */
  formatY: (v: number) => string;
  /** Moments to mark on the time axis (restarts, load runs), as epoch ms. */
  markers?: { at: number; label: string }[];
  ariaLabel: string;
}

/**
 * A live time-series chart on uPlot (canvas, built for fast-updating series). The plot is created
 * once; new data goes through `setData`, so a 1 Hz update costs a redraw, not a re-mount.
 */
export function TimeSeriesChart({ x, series, height = 180, formatY, markers = [], ariaLabel, xKind = 'time' }: TimeSeriesChartProps) {
  const isTime = xKind === 'time';
  const host = useRef<HTMLDivElement>(null);
  const theme = useTheme((s) => s.theme);
  const plot = useRef<uPlot | null>(null);
  const markersRef = useRef(markers);
  useEffect(() => {
    markersRef.current = markers;
    plot.current?.redraw(false);
  }, [markers]);
  const shape = series.map((s) => `${s.label}:${s.color}`).join('|');

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const fmtX = (v: number | null) => (v == null ? '' : isTime ? clock(v * 1000) : v.toLocaleString('en-US'));
    // Canvas cannot read var(): take the theme's colours now (the chart is rebuilt when the theme changes).
    const axisText = themeColor('--text-muted', '#9aa1ad');
    const gridStroke = themeColor('--chart-grid', 'rgba(255,255,255,0.06)');
    const tickStroke = themeColor('--chart-tick', 'rgba(255,255,255,0.1)');
    const markColor = themeColor('--chart-mark', 'rgba(255, 196, 0, 0.8)');
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height,
      cursor: { drag: { x: true, y: false } },
      legend: { live: true },
      scales: { x: { time: isTime } },
      axes: [
        {
          stroke: axisText,
          grid: { stroke: gridStroke },
          ticks: { stroke: tickStroke },
          space: 70,
          // Samples come once a second: never tick finer than that.
          ...(isTime ? { incrs: [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600] } : {}),
          // A live chart reads clock times, not uPlot's date-aware ticks.
          values: (_u, vals) => vals.map((v) => (v == null ? '' : isTime ? clock(v * 1000) : v.toLocaleString('en-US'))),
        },
        {
          stroke: axisText,
          grid: { stroke: gridStroke },
          ticks: { stroke: tickStroke },
          size: 70,
          values: (_u, vals) => vals.map((v) => (v == null ? '' : formatY(v))),
        },
      ],
      series: [
        // Away from the plot the legend shows the latest values (uPlot passes no index then), over it the hovered ones.
        { label: isTime ? 'Time' : 'Calls', value: (u, v, si, i) => fmtX(i == null ? lastValue(u, si) : v) },
        ...series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 1.5,
          fill: `${s.color}22`,
          spanGaps: false,
          value: (u: uPlot, v: number | null, si: number, i: number | null) => {
            const shown = i == null ? lastValue(u, si) : v;
            return shown == null ? '—' : formatY(shown);
          },
        })),
      ],
      hooks: {
        draw: [
          (u) => {
            // Restart and run markers: a thin dashed line on the canvas, its label as text over the plot (see placeMarkLabels).
            const ctx = u.ctx;
            for (const m of markersRef.current) {
              const px = u.valToPos(isTime ? m.at / 1000 : m.at, 'x', true);
              if (px < u.bbox.left || px > u.bbox.left + u.bbox.width) continue;
              ctx.save();
              ctx.strokeStyle = markColor;
              ctx.setLineDash([4, 4]);
              ctx.beginPath();
              ctx.moveTo(px, u.bbox.top);
              ctx.lineTo(px, u.bbox.top + u.bbox.height);
              ctx.stroke();
              ctx.restore();
            }
            placeMarkLabels(u, markersRef.current, isTime);
          },
        ],
      },
    };
    const u = new uPlot(opts, toData(x, series, isTime), el);
    plot.current = u;
    const ro = new ResizeObserver(() => u.setSize({ width: Math.max(200, el.clientWidth), height }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      u.destroy();
      plot.current = null;
    };
    // Rebuild only when the set of series changes; data updates go through setData below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape, height, isTime, theme]);

  useEffect(() => {
    plot.current?.setData(toData(x, series, isTime));
  }, [x, series, isTime]);

  return <div ref={host} className="time-series-chart" role="img" aria-label={ariaLabel} />;
}

/**
 * The markers' labels, as text in the plot's overlay (real text: readable by assistive technology and
 * tests, themed by CSS). Each sits at the top of its line, inside the plot — to the line's right, or to
 * its left near the right edge — so it never covers the axes.
 */
export function placeMarkLabels(u: uPlot, markers: { at: number; label: string }[], isTime: boolean): void {
  let layer = u.over.querySelector<HTMLDivElement>(':scope > .chart-marks');
  if (!layer) {
    layer = document.createElement('div');
    layer.className = 'chart-marks';
    u.over.appendChild(layer);
  }
  const plotWidth = u.over.clientWidth;
  const shown = markers.map((m) => ({ ...m, x: u.valToPos(isTime ? m.at / 1000 : m.at, 'x') })).filter((m) => m.x >= 0 && m.x <= plotWidth);
  while (layer.children.length > shown.length) layer.lastElementChild!.remove();
  shown.forEach((m, i) => {
    const el = (layer.children[i] as HTMLSpanElement | undefined) ?? layer.appendChild(document.createElement('span'));
    el.className = 'chart-mark';
    if (el.textContent !== m.label) el.textContent = m.label;
    const width = el.offsetWidth;
    const left = plotWidth - m.x > width + 8 ? m.x + 4 : m.x - width - 4;
    el.style.left = `${Math.max(0, Math.round(left))}px`;
  });
}

/** The newest non-empty value of a series (the first CPU sample is empty). */
function lastValue(u: uPlot, seriesIdx: number): number | null {
  const values = u.data[seriesIdx] ?? [];
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i];
    if (v != null) return v;
  }
  return null;
}

function clock(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

function toData(x: number[], series: ChartSeries[], isTime: boolean): uPlot.AlignedData {
  return [isTime ? x.map((t) => t / 1000) : x, ...series.map((s) => s.values)] as uPlot.AlignedData;
}
