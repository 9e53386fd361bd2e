import type { LoadRun } from '../../../../src-shared/api/schemas/load';
import { startAdhocServer, type AdhocOptions } from '../adhoc-server';
import { CliError, EXIT } from '../exit-codes';
import type { CommandIo } from './request-command';
import { requireTool } from './require-tool';
import { parseJsonObject } from './json-option';

export interface BenchOptions extends AdhocOptions {
  tool: string;
  args: string | undefined;
  generated: boolean;
  seed: number;
  concurrency: number;
  duration: number | undefined;
  calls: number | undefined;
  rampUp: number;
  leak: boolean;
  timeoutMs: number;
  json: boolean;
}

/**
 * `mcp-lab bench`: a load run (or a leak hunt) from the terminal, on the same runner as the UI.
 * Exit 0 when every call succeeded (and, for a leak hunt, memory did not keep growing), 1 otherwise.
 */
export async function benchCommand(o: BenchOptions, io: CommandIo): Promise<number> {
  const fixed = parseJsonObject('--args', o.args, '{"name": "Ada"}');
  if (o.duration === undefined && o.calls === undefined) {
    throw new CliError(
      o.leak ? 'a leak hunt needs --calls N (e.g. --calls 2000)' : 'give a bound: --duration SECONDS and/or --calls N',
      EXIT.usage,
    );
  }
  const s = await startAdhocServer(o, io.signal);
  try {
    await requireTool(s, o.tool);
    const run = await s.api.call('load.start', {
      serverId: s.serverId,
      toolName: o.tool,
      args: o.generated ? { mode: 'generated', seed: o.seed } : { mode: 'fixed', arguments: fixed },
      concurrency: o.concurrency,
      ...(o.duration !== undefined ? { durationSeconds: o.duration } : {}),
      ...(o.calls !== undefined ? { calls: o.calls } : {}),
      rampUpSeconds: o.rampUp,
      timeoutMs: o.timeoutMs,
      kind: o.leak ? 'leak' : 'load',
    });
    const stopOnSignal = () => void s.api.call('load.stop', { runId: run.runId }).catch(() => {});
    io.signal.addEventListener('abort', stopOnSignal, { once: true });
    const done = await new Promise<LoadRun>((resolve) => {
      const sub = s.api.subscribe('load.progressed', { runId: run.runId }, (r) => {
        // Our own cursor control goes to the terminal itself, past the stream that escapes a server's.
        if (r.state === 'running' && !o.json && r.timeline.length && process.stderr.isTTY)
          process.stderr.write(`\r\x1b[K${progressLine(r)}`);
        if (r.state !== 'running' && r.state !== 'stopping') {
          sub.dispose();
          resolve(r);
        }
      });
    });
    io.signal.removeEventListener('abort', stopOnSignal);
    if (!o.json) {
      if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
      io.out.write(resultCard(done));
    }
    const failed = done.completed - (done.byStatus.ok ?? 0);
    const reason =
      done.state === 'failed'
        ? `the run failed: ${done.reason}`
        : failed > 0
          ? `${failed} of ${done.completed} calls did not succeed`
          : done.leak?.verdict === 'growing'
            ? done.leak.explanation
            : undefined;
    if (reason !== undefined) io.err.write(`mcp-lab: ${reason}\n`);
    const code = reason !== undefined ? EXIT.toolError : EXIT.ok;
    if (o.json) io.report.set(code, done, reason);
    return code;
  } finally {
    await s.dispose();
  }
}

const ms = (v: number | null) => (v === null ? '—' : `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms`);
const mb = (v: number | null) => (v === null ? '—' : `${(v / 1024 / 1024).toFixed(1)} MB`);

function progressLine(r: LoadRun): string {
  const t = r.timeline.at(-1)!;
  const errors = r.completed - (r.byStatus.ok ?? 0);
  return `${r.completed} calls · ${t.callsPerSecond}/s · p50 ${ms(t.p50)} · p95 ${ms(t.p95)} · ${errors} errors · rss ${mb(t.rssBytes)}`;
}

export function resultCard(r: LoadRun): string {
  const lines = [
    `${r.spec.kind === 'leak' ? 'Leak hunt' : 'Load run'} on ${r.spec.toolName}: ${r.state}${r.reason ? ` (${r.reason})` : ''}`,
    `  calls        ${r.completed} (${Object.entries(r.byStatus)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')})`,
    `  throughput   ${r.callsPerSecond} calls/s at concurrency ${r.spec.kind === 'leak' ? 1 : r.spec.concurrency}`,
    `  latency      p50 ${ms(r.latency.p50)}  p95 ${ms(r.latency.p95)}  p99 ${ms(r.latency.p99)}  max ${ms(r.latency.max)}`,
    `  memory       start ${mb(r.rssStartBytes)}  peak ${mb(r.rssPeakBytes)}  end ${mb(r.rssEndBytes)}${r.rssGrowthPer1000Calls !== null ? `  (${r.rssGrowthPer1000Calls >= 0 ? '+' : ''}${mb(r.rssGrowthPer1000Calls)} per 1,000 calls)` : ''}`,
  ];
  if (r.leak) lines.push(`  leak         ${r.leak.verdict}: ${r.leak.explanation}`);
  if (r.self) {
    lines.push(`  MCP Lab      event loop busy ${Math.round(r.self.eventLoopUtilization * 100)} %  lag p99 ${ms(r.self.lagP99Ms)}`);
    if (r.self.limitedByMcpLab)
      lines.push(
        `  warning      MCP Lab, not the server, was the limit of this run: its own event loop was busy nearly all the time. Lower --concurrency, or read these figures as MCP Lab's ceiling.`,
      );
  }
  return lines.join('\n') + '\n';
}
