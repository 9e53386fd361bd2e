/**
 * `npm run bench`: MCP Lab's own speed, measured in one run against references on the same
 * machine and server. Prints a table of figures and ratios; asserts nothing (our machines are
 * shared and noisy: ratios in one run are what we compare, not absolute times).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { printTable, type BenchRow } from './bench-table';
import { benchCalls, INSTANT, ONE_MS } from './call-latency';
import { benchLogIngestion } from './log-ingestion';
import { benchOneShot } from './one-shot';
import { benchLoadCli } from './load-cli';
import { benchRenderer } from './renderer-bench';
import { benchSampler } from './sampler-cost';
import { benchScale } from './scale';

const env = (k: string, d: number) => Number(process.env[k] ?? d);
const only = process.env.BENCH_ONLY?.split(',');
const want = (name: string) => !only || only.includes(name);

const rows: BenchRow[] = [];
const started = new Date();
if (want('calls'))
  rows.push(...(await benchCalls(env('BENCH_CALLS', 2000), env('BENCH_THROUGHPUT_MS', 3000), env('BENCH_ROUNDS', 3), INSTANT)));
if (want('calls'))
  rows.push(...(await benchCalls(env('BENCH_CALLS', 2000), env('BENCH_THROUGHPUT_MS', 3000), env('BENCH_ROUNDS', 3), ONE_MS)));
if (want('oneshot')) rows.push(...benchOneShot(INSTANT, env('BENCH_ONE_SHOT_RUNS', 15), 'Hi Ada!'));
if (want('loadcli')) rows.push(...benchLoadCli(INSTANT, env('BENCH_LOAD_SECONDS', 3), env('BENCH_ROUNDS', 3)));
if (want('scale'))
  rows.push(
    ...(await benchScale(INSTANT, (process.env.BENCH_SCALE ?? '1,10,50').split(',').map(Number), env('BENCH_SCALE_IDLE_MS', 10_000))),
  );
if (want('logs')) rows.push(...(await benchLogIngestion(env('BENCH_LOG_LINES', 1_000_000))));
if (want('sampler')) rows.push(...(await benchSampler(env('BENCH_SAMPLER_MS', 20_000))));
if (want('renderer')) rows.push(...(await benchRenderer()));

const table = printTable(rows);
const header = `MCP Lab benchmark — ${started.toISOString()} — node ${process.version}, ${process.platform}/${process.arch}`;
console.log(`\n${header}\n\n${table}\n`);
const out = path.resolve(import.meta.dirname, '../../test-results');
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'bench.md'), `${header}\n\n${table}\n`);
process.exit(0);
