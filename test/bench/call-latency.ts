/**
 * Call round trip and throughput through the engine (the CLI's
 * in-memory path, tap, logs and metrics on) and through the browser UI's WebSocket path, against
 * the raw SDK client in a bare Node process, on the same server binary; and start → tools listed.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { TSX_IMPORT } from '../helpers/fixtures';
import type { BenchRow } from './bench-table';
import { startBenchEngine } from './bench-engine';
import { measureLatencies, measureThroughput } from './measure';
import { fmt, summarize } from './stats';

const CONCURRENCY = [1, 8, 32];

/** A server and a tool to call on it, the same for the reference and for MCP Lab. */
export interface CallScenario {
  label: string;
  server: string[];
  tool: { name: string; arguments: Record<string, unknown> };
}

/** An instant tool: what is left is pure client and protocol overhead (the worst case for any client). */
export const INSTANT: CallScenario = {
  label: 'instant tool',
  server: [process.execPath, path.resolve(import.meta.dirname, '../../out/main/example-server.js')],
  tool: { name: 'greet', arguments: { name: 'Ada' } },
};

/** A tool that waits 1 ms (like a quick cache or file lookup): closer to what real tools cost. */
export const ONE_MS: CallScenario = {
  label: '1 ms tool',
  server: [process.execPath, '--import', TSX_IMPORT, path.resolve(import.meta.dirname, '../fixtures/servers/echo-server.ts')],
  tool: { name: 'slow', arguments: { ms: 1, steps: 1 } },
};

export interface RawResult {
  startMs: number;
  latencies: number[];
  throughput: Record<string, number>;
}

export function runRaw(s: CallScenario, calls: number, throughputMs: number): RawResult {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      TSX_IMPORT,
      path.join(import.meta.dirname, 'raw-sdk-client.ts'),
      JSON.stringify(s.server),
      JSON.stringify(s.tool),
      String(calls),
      String(throughputMs),
      CONCURRENCY.join(','),
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`raw SDK client failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as RawResult;
}

export async function benchCalls(calls: number, throughputMs: number, rounds: number, s: CallScenario = INSTANT): Promise<BenchRow[]> {
  const raw: RawResult[] = [];
  const eng: RawResult[] = [];
  const ui: RawResult[] = [];
  // Alternate reference and MCP Lab rounds, so machine noise hits both alike.
  for (let round = 0; round < rounds; round++) {
    raw.push(runRaw(s, calls, throughputMs));
    const b = await startBenchEngine({ withWebSocket: true });
    const { config } = await b.api.call('servers.add', {
      name: 'bench',
      transport: 'stdio',
      command: s.server[0]!,
      args: s.server.slice(1),
      env: [],
    });
    const t0 = performance.now();
    await b.api.call('servers.start', { serverId: config.id });
    const startMs = performance.now() - t0;
    for (const [api, into] of [
      [b.api, eng],
      [b.wsApi!, ui],
    ] as const) {
      const call = () => api.call('tools.call', { serverId: config.id, toolName: s.tool.name, arguments: s.tool.arguments });
      const latencies = await measureLatencies(call, calls);
      const throughput: Record<string, number> = {};
      for (const c of CONCURRENCY) throughput[c] = await measureThroughput(call, c, throughputMs);
      into.push({ startMs, latencies, throughput });
    }
    await b.close();
  }
  const lat = (rs: RawResult[]) => summarize(rs.flatMap((r) => r.latencies));
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const tput = (rs: RawResult[], c: number) => med(rs.map((r) => r.throughput[c]!));
  const r = lat(raw);
  const e = lat(eng);
  const u = lat(ui);
  const rows: BenchRow[] = [
    {
      measure: 'call round trip, median (c=1)',
      reference: `${fmt(r.median, 3)} ms`,
      mcpLab: `${fmt(e.median, 3)} ms`,
      ratio: `${fmt(e.median / r.median)}×`,
      target: '≤ 1.10×',
      met: e.median / r.median <= 1.1,
    },
    {
      measure: 'call round trip, p99 (c=1)',
      reference: `${fmt(r.p99, 3)} ms`,
      mcpLab: `${fmt(e.p99, 3)} ms`,
      ratio: `${fmt(e.p99 / r.p99)}×`,
      target: '≤ 1.25×',
      met: e.p99 / r.p99 <= 1.25,
    },
  ];
  for (const c of CONCURRENCY) {
    const ratio = tput(eng, c) / tput(raw, c);
    rows.push({
      measure: `throughput, concurrency ${c}`,
      reference: `${fmt(tput(raw, c), 0)}/s`,
      mcpLab: `${fmt(tput(eng, c), 0)}/s`,
      ratio: `${fmt(ratio)}×`,
      target: '≥ 0.90×',
      met: ratio >= 0.9,
    });
  }
  rows.push({
    measure: 'UI path (WebSocket) round trip, median',
    reference: `${fmt(r.median, 3)} ms`,
    mcpLab: `${fmt(u.median, 3)} ms`,
    ratio: `${fmt(u.median / r.median)}×`,
    target: '≤ 1.3×',
    met: u.median / r.median <= 1.3,
  });
  for (const c of CONCURRENCY) {
    const ratio = tput(ui, c) / tput(raw, c);
    rows.push({
      measure: `UI path throughput, concurrency ${c}`,
      reference: `${fmt(tput(raw, c), 0)}/s`,
      mcpLab: `${fmt(tput(ui, c), 0)}/s`,
      ratio: `${fmt(ratio)}×`,
      target: '≥ 0.75×',
      met: ratio >= 0.75,
    });
  }
  const rs = med(raw.map((x) => x.startMs));
  const es = med(eng.map((x) => x.startMs));
  if (s !== INSTANT) return rows.map((row) => ({ ...row, measure: `${row.measure} — ${s.label}` }));
  rows.push({
    measure: 'start → tools listed',
    reference: `${fmt(rs, 1)} ms`,
    mcpLab: `${fmt(es, 1)} ms`,
    ratio: `${es - rs >= 0 ? '+' : ''}${fmt(es - rs, 1)} ms`,
    target: '≤ raw + 30 ms',
    met: es <= rs + 30,
  });
  return rows.map((row) => (row.measure.startsWith('start') ? row : { ...row, measure: `${row.measure} — ${s.label}` }));
}
