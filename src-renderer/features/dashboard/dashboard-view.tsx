import { useShallow } from 'zustand/react/shallow';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import { useWorkbench } from '../../app-context';
import { EmptyState } from '../../components/empty-state';
import { formatBytes, formatClock, formatDuration, formatPercent, formatUptime } from '../../components/format';
import { useNow } from '../../components/use-now';
import { metricsSelectors } from '../../store/slices/metrics-slice';
import { LatencyBars } from './latency-bars';
import { ProcessCharts } from './process-charts';
import { countOf } from '../../../src-shared/base/count-of';

/** The server's health: latest process numbers, memory and CPU over time, and per-tool latency. */
export function DashboardView({ serverId }: { serverId: ServerId }) {
  const latest = useWorkbench(metricsSelectors.latestSample(serverId));
  const sampleCount = useWorkbench((s) => s.samplesByServer[serverId]?.length ?? 0);
  const stats = useWorkbench(useShallow(metricsSelectors.toolStatsFor(serverId)));
  const server = useWorkbench((s) => s.serversById[serverId]);
  const running = server?.status.state === 'ready';
  const now = useNow(1000, running);

  return (
    <div className="dashboard" tabIndex={0} role="region" aria-label="Dashboard">
      <section className="metric-cards" aria-label="Process">
        {latest ? (
          <>
            <Metric label="Memory (RSS, whole process tree)" value={formatBytes(latest.rssBytes)} />
            <Metric label="CPU (one core = 100 %)" value={latest.cpuPercent === null ? 'measuring…' : formatPercent(latest.cpuPercent)} />
            <Metric label="Processes" value={String(latest.processCount)} />
            {server?.status.state === 'ready' ? (
              <Metric label="Uptime" value={formatUptime(now - server.status.since)} sub={countOf(server.restartCount, 'restart')} />
            ) : null}
            {server?.health ? (
              <Metric
                label="Health (ping every 15 s)"
                value={server.health.state === 'ok' ? `ok · ${formatDuration(server.health.lastLatencyMs)}` : 'unresponsive'}
                sub={server.health.message ?? `checked ${formatClock(server.health.lastPingAt)}`}
              />
            ) : null}
            <Metric
              label="Last sample"
              value={`${formatClock(latest.ts)}${running ? '' : ' (stopped)'}`}
              sub={`${sampleCount} ${sampleCount === 1 ? 'sample' : 'samples'} kept`}
            />
          </>
        ) : server && server.config.transport !== 'stdio' ? (
          <EmptyState title="No local process">
            This server runs elsewhere ({server.config.url}): MCP Lab measures memory and CPU only for servers it starts itself. Call
            latency and errors are below.
          </EmptyState>
        ) : (
          <EmptyState title="No samples yet">
            {running ? 'The first sample arrives within a second.' : 'Start the server: MCP Lab samples its memory and CPU once a second.'}
          </EmptyState>
        )}
      </section>
      <ProcessCharts serverId={serverId} />
      <section className="tool-stats" aria-label="Tool statistics">
        <h3>Tool calls</h3>
        {stats.length === 0 ? (
          <p className="muted">No calls yet. Latency percentiles and error counts appear after the first call.</p>
        ) : (
          <table className="stats-table">
            <thead>
              <tr>
                <th scope="col">Tool</th>
                <th scope="col" className="num">
                  Calls
                </th>
                <th scope="col" className="num">
                  Errors
                </th>
                <th scope="col" className="num">
                  p50
                </th>
                <th scope="col" className="num">
                  p95
                </th>
                <th scope="col" className="num">
                  p99
                </th>
                <th scope="col" className="num">
                  Max
                </th>
                <th scope="col">Distribution</th>
                <th scope="col">Last call</th>
              </tr>
            </thead>
            <tbody>
              {stats.map((t) => (
                <tr key={t.toolName}>
                  <th scope="row" className="mono">
                    {t.toolName}
                  </th>
                  <td className="num">{t.calls}</td>
                  <td className={`num ${t.errors > 0 ? 'has-errors' : ''}`}>{t.errors}</td>
                  <td className="num">{formatDuration(t.latency.p50)}</td>
                  <td className="num">{formatDuration(t.latency.p95)}</td>
                  <td className="num">{formatDuration(t.latency.p99)}</td>
                  <td className="num">{formatDuration(t.latency.max)}</td>
                  <td>{t.buckets ? <LatencyBars buckets={t.buckets} /> : null}</td>
                  <td>{t.lastCallAt ? formatClock(t.lastCallAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function Metric({ label, value, sub }: { label: string; value: string; sub?: string }) {
  return (
    <div className="metric-card">
      <div className="metric-value">{value}</div>
      <div className="metric-label">{label}</div>
      {sub ? <div className="metric-sub muted small">{sub}</div> : null}
    </div>
  );
}
