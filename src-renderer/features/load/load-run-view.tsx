import { useMemo } from 'react';
import type { LoadRun } from '../../../src-shared/api/schemas/load';
import { useActions } from '../../app-context';
import { downloadText } from '../../components/download';
import { formatBytes, formatClock, formatDuration } from '../../components/format';
import { TimeSeriesChart } from '../dashboard/charts/time-series-chart';
import { errorCount, timelineCsv } from './load-figures';
import { ServerName } from '../../components/server-name';

const MB = 1024 * 1024;

/** A run, live while it runs and as a result card when done: throughput, latency, memory, leak verdict. */
export function LoadRunView({ run }: { run: LoadRun }) {
  const { stopLoadRun } = useActions();
  const live = run.state === 'running' || run.state === 'stopping';
  const charts = useMemo(() => {
    const x = run.timeline.map((t) => t.t);
    return {
      x,
      throughput: [{ label: 'calls/s', color: '#4fc38a', values: run.timeline.map((t) => t.callsPerSecond) }],
      latency: [
        { label: 'p50', color: '#4f9cf5', values: run.timeline.map((t) => t.p50) },
        { label: 'p95', color: '#e5a13c', values: run.timeline.map((t) => t.p95) },
      ],
      rss: [{ label: 'RSS', color: '#b07cf0', values: run.timeline.map((t) => (t.rssBytes === null ? null : t.rssBytes / MB)) }],
    };
  }, [run.timeline]);
  const leakChart = useMemo(
    () =>
      run.leak
        ? {
            x: run.leak.points.map(([c]) => c),
            series: [{ label: 'RSS', color: '#b07cf0', values: run.leak.points.map(([, r]) => r / MB) }],
          }
        : null,
    [run.leak],
  );
  const errors = errorCount(run);
  const elapsed = ((run.endedAt ?? run.timeline.at(-1)?.t ?? run.startedAt) - run.startedAt) / 1000;

  return (
    <section className="load-run" aria-label="Load run" data-state={run.state}>
      <header className="load-run-head">
        <h2>
          {run.spec.kind === 'leak' ? 'Leak hunt' : 'Load run'} · <ServerName className="mono" text={run.spec.toolName} />
        </h2>
        <span className={`run-state state-${run.state}`}>{live ? `${run.state}… ${elapsed.toFixed(0)} s` : run.state}</span>
        {run.reason ? <span className="muted">({run.reason})</span> : null}
        <span className="header-spacer" />
        {live ? (
          <button
            type="button"
            className="button danger-outline"
            onClick={() => void stopLoadRun(run.runId)}
            disabled={run.state === 'stopping'}
          >
            Stop
          </button>
        ) : (
          <>
            <button
              type="button"
              className="button"
              onClick={() => downloadText(`${run.runId}.json`, 'application/json', JSON.stringify(run, null, 2))}
            >
              Export JSON
            </button>
            <button type="button" className="button" onClick={() => downloadText(`${run.runId}.csv`, 'text/csv', timelineCsv(run))}>
              Export CSV
            </button>
          </>
        )}
      </header>
      <div className="result-card" role="group" aria-label="Run results">
        <Figure
          label="Calls"
          value={run.completed.toLocaleString('en-US')}
          sub={
            Object.entries(run.byStatus)
              .map(([k, v]) => `${k} ${v}`)
              .join(' · ') || '—'
          }
        />
        <Figure
          label="Throughput"
          value={`${run.callsPerSecond.toLocaleString('en-US')}/s`}
          sub={`concurrency ${run.spec.kind === 'leak' ? 1 : run.spec.concurrency}`}
        />
        <Figure
          label="Latency p50 / p95"
          value={`${formatDuration(run.latency.p50)} / ${formatDuration(run.latency.p95)}`}
          sub={`p99 ${formatDuration(run.latency.p99)} · max ${formatDuration(run.latency.max)}`}
        />
        <Figure
          label="Errors"
          value={String(errors)}
          tone={errors > 0 ? 'bad' : undefined}
          sub={run.completed ? `${((errors / run.completed) * 100).toFixed(1)} %` : ''}
        />
        <Figure
          label="Peak RSS"
          value={formatBytes(run.rssPeakBytes)}
          sub={`start ${formatBytes(run.rssStartBytes)} · end ${formatBytes(run.rssEndBytes)}`}
        />
        <Figure
          label="RSS per 1,000 calls"
          value={
            run.rssGrowthPer1000Calls === null
              ? '—'
              : `${run.rssGrowthPer1000Calls >= 0 ? '+' : ''}${formatBytes(Math.abs(run.rssGrowthPer1000Calls))}`
          }
          sub="leak hint: growth over the run"
        />
        {run.self ? (
          <Figure
            label="MCP Lab's event loop"
            value={`${Math.round(run.self.eventLoopUtilization * 100)} % busy`}
            tone={run.self.limitedByMcpLab ? 'bad' : undefined}
            sub={`lag p99 ${run.self.lagP99Ms === null ? '—' : formatDuration(run.self.lagP99Ms)}`}
          />
        ) : null}
      </div>
      {run.self?.limitedByMcpLab ? (
        <div className="leak-verdict verdict-growing" role="status">
          <strong>MCP Lab was the limit of this run, not the server</strong>
          <p>
            Its own event loop was busy nearly all the time, so these figures are MCP Lab&apos;s ceiling. Lower the concurrency to measure
            the server.
          </p>
        </div>
      ) : null}
      {run.leak ? (
        <div className={`leak-verdict verdict-${run.leak.verdict}`} role="status">
          <strong>
            {run.leak.verdict === 'growing' ? 'Memory keeps growing' : run.leak.verdict === 'stable' ? 'No leak found' : 'Inconclusive'}
          </strong>
          <p>{run.leak.explanation}</p>
        </div>
      ) : null}
      <div className="load-charts">
        {leakChart ? (
          <figure className="chart-panel">
            <figcaption>Memory by calls made (warm-up: first {run.leak!.warmupCalls.toLocaleString('en-US')} calls)</figcaption>
            <TimeSeriesChart
              xKind="count"
              x={leakChart.x}
              series={leakChart.series}
              formatY={(v) => formatBytes(v * MB)}
              markers={[{ at: run.leak!.warmupCalls, label: 'warm-up ends' }]}
              ariaLabel="Memory by calls made"
            />
          </figure>
        ) : null}
        {charts.x.length ? (
          <>
            <figure className="chart-panel">
              <figcaption>Throughput (calls per second)</figcaption>
              <TimeSeriesChart
                x={charts.x}
                series={charts.throughput}
                formatY={(v) => v.toLocaleString('en-US')}
                ariaLabel="Throughput over time"
              />
            </figure>
            <figure className="chart-panel">
              <figcaption>Latency (per second)</figcaption>
              <TimeSeriesChart x={charts.x} series={charts.latency} formatY={(v) => formatDuration(v)} ariaLabel="Latency over time" />
            </figure>
            <figure className="chart-panel">
              <figcaption>Memory (RSS of the process tree)</figcaption>
              <TimeSeriesChart x={charts.x} series={charts.rss} formatY={(v) => formatBytes(v * MB)} ariaLabel="Memory during the run" />
            </figure>
          </>
        ) : live ? (
          <p className="muted">The first figures arrive after one second.</p>
        ) : null}
      </div>
      <p className="muted small">
        Started {formatClock(run.startedAt)} · saved in the workspace as .mcp-lab/load-runs/{run.runId}.json
      </p>
    </section>
  );
}

function Figure({ label, value, sub, tone }: { label: string; value: string; sub?: string; tone?: 'bad' }) {
  return (
    <div className={`figure ${tone ?? ''}`}>
      <div className="figure-value">{value}</div>
      <div className="figure-label">{label}</div>
      {sub ? <div className="figure-sub">{sub}</div> : null}
    </div>
  );
}
