import { useMemo } from 'react';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import { useWorkbench } from '../../app-context';
import { formatBytes } from '../../components/format';
import { metricsSelectors } from '../../store/slices/metrics-slice';
import { TimeSeriesChart } from './charts/time-series-chart';

const MB = 1024 * 1024;

/** Memory and CPU of the server's whole process tree over time, with starts, crashes and load runs marked. */
export function ProcessCharts({ serverId }: { serverId: ServerId }) {
  const samples = useWorkbench(metricsSelectors.samples(serverId));
  const marks = useWorkbench(metricsSelectors.marks(serverId));
  const data = useMemo(() => {
    const x = samples.map((s) => s.ts);
    return {
      x,
      rss: [{ label: 'RSS', color: '#4f9cf5', values: samples.map((s) => (s.rssBytes === null ? null : s.rssBytes / MB)) }],
      cpu: [{ label: 'CPU', color: '#e5a13c', values: samples.map((s) => s.cpuPercent) }],
    };
  }, [samples]);
  const markers = useMemo(() => marks.map((m) => ({ at: m.at, label: m.label })), [marks]);
  if (samples.length === 0) return null;
  return (
    <section className="process-charts" aria-label="Memory and CPU over time">
      <figure className="chart-panel">
        <figcaption>Memory (RSS of the process tree)</figcaption>
        <TimeSeriesChart x={data.x} series={data.rss} formatY={(v) => formatBytes(v * MB)} markers={markers} ariaLabel="Memory over time" />
      </figure>
      <figure className="chart-panel">
        <figcaption>CPU (100 % = one core)</figcaption>
        <TimeSeriesChart
          x={data.x}
          series={data.cpu}
          formatY={(v) => `${v.toFixed(v < 10 ? 1 : 0)} %`}
          markers={markers}
          ariaLabel="CPU over time"
        />
      </figure>
    </section>
  );
}
