/**
 * `npm run bench`: MCP Lab's own speed, measured in one run against references on the same
 * machine and server. Prints a table of figures and ratios, each with its target and whether it
 * was met; asserts nothing (our machines are shared and noisy: ratios in one run are what we
 * compare, not absolute times). Every section runs unless BENCH_ONLY names some.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { printTable, type BenchRow } from './bench-table';
import { benchCalls, INSTANT, ONE_MS } from './call-latency';
import { benchLogIngestion } from './log-ingestion';
import { benchOneShot } from './one-shot';
import { benchLoadCli } from './load-cli';
import { benchRenderer } from './renderer-bench';
import { benchSampler } from './sampler-cost';
import { benchScale } from './scale';
import { benchScaleFrames } from './scale-frames';

const env = (k: string, d: number) => Number(process.env[k] ?? d);
const only = process.env.BENCH_ONLY?.split(',');
const want = (name: string) => !only || only.includes(name);

const SECTIONS = ['calls', 'oneshot', 'loadcli', 'scale', 'logs', 'sampler', 'renderer'];
const unknown = only?.filter((name) => !SECTIONS.includes(name)) ?? [];
if (unknown.length) {
  console.error(`BENCH_ONLY: no section ${unknown.join(', ')}; the sections are ${SECTIONS.join(', ')}`);
  process.exit(2);
}

const rows: BenchRow[] = [];
const started = new Date();
const load0 = os.loadavg()[0]!;
/** One section's rows; a section that fails is a MISSED row saying why, and the run goes on (the other rows took minutes). */
async function section(name: string, run: () => BenchRow[] | Promise<BenchRow[]>): Promise<void> {
  if (!want(name)) return;
  const t0 = Date.now();
  console.error(`bench: ${name}…`);
  try {
    rows.push(...(await run()));
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
    rows.push({ measure: `section \`${name}\` failed: ${why}`, reference: '', mcpLab: '', ratio: '', target: 'runs', met: false });
  }
  console.error(`bench: ${name} took ${((Date.now() - t0) / 1000).toFixed(0)} s (load average ${os.loadavg()[0]!.toFixed(1)})`);
}

const rounds = env('BENCH_ROUNDS', 3);
await section('calls', async () => [
  ...(await benchCalls(env('BENCH_CALLS', 2000), env('BENCH_THROUGHPUT_MS', 3000), rounds, INSTANT)),
  ...(await benchCalls(env('BENCH_CALLS', 2000), env('BENCH_THROUGHPUT_MS', 3000), rounds, ONE_MS)),
]);
await section('oneshot', () => benchOneShot(INSTANT, env('BENCH_ONE_SHOT_RUNS', 15), 'Hi Ada!'));
await section('loadcli', () => benchLoadCli(INSTANT, env('BENCH_LOAD_SECONDS', 3), rounds));
await section('scale', () =>
  benchScale(INSTANT, (process.env.BENCH_SCALE ?? '1,10,50').split(',').map(Number), env('BENCH_SCALE_IDLE_MS', 10_000)),
);
// Its own step of the scale section: a browser that fails to start keeps the rows above.
await section('scale', async () =>
  env('BENCH_SCALE_FRAMES', 50) > 0 ? [await benchScaleFrames(INSTANT, env('BENCH_SCALE_FRAMES', 50))] : [],
);
await section('logs', () => benchLogIngestion(env('BENCH_LOG_LINES', 1_000_000)));
await section('sampler', () => benchSampler(env('BENCH_SAMPLER_MS', 20_000)));
await section('renderer', () => benchRenderer());

const table = printTable(rows);
const minutes = (Date.now() - started.getTime()) / 60_000;
const missed = rows.filter((r) => r.met === false).length;
const judged = rows.filter((r) => r.met !== null).length;
const header = `MCP Lab benchmark — ${started.toISOString()} — node ${process.version}, ${process.platform}/${process.arch}, ${os.cpus().length} cores`;
const settings = Object.entries(process.env)
  .filter(([k]) => k.startsWith('BENCH_'))
  .map(([k, v]) => `${k}=${v} `)
  .join('');
const footer =
  `\`${settings}npm run bench\`: ${minutes.toFixed(1)} min; load average ${load0.toFixed(1)} at the start, ` +
  `${os.loadavg()[0]!.toFixed(1)} at the end; ${judged - missed} of ${judged} targets met.`;
const report = `${header}\n\n${table}\n\n${footer}\n`;
console.log(`\n${report}`);
const out = path.resolve(import.meta.dirname, '../../test-results');
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'bench.md'), report);
process.exit(0);
