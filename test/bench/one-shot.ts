/**
 * One-shot speed: a fresh `mcp-lab call` process (start the server, call one tool, print, exit)
 * against the same thing written with the bare SDK client, on the same server. Runs alternate
 * (reference, MCP Lab, reference, …) so machine noise hits both alike; the ratio is the median of
 * the per-pair ratios.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { BenchRow } from './bench-table';
import type { CallScenario } from './call-latency';
import { fmt } from './stats';

const ROOT = path.resolve(import.meta.dirname, '../..');

function wallMs(argv: string[], expect: string): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, argv, { cwd: ROOT, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0 || !r.stdout.includes(expect)) throw new Error(`one-shot run failed (${argv.join(' ')}): exit ${r.status}\n${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function benchOneShot(s: CallScenario, runs: number, expect: string): BenchRow[] {
  const bare = [path.join(import.meta.dirname, 'one-shot-sdk-client.mjs'), JSON.stringify(s.server), JSON.stringify(s.tool)];
  // BENCH_MCP_LAB_CLI: another build's out/main/cli.js, to compare builds under the same conditions.
  const lab = [process.env.BENCH_MCP_LAB_CLI ?? path.join(ROOT, 'bin/mcp-lab.mjs'), 'call', s.tool.name, '--args', JSON.stringify(s.tool.arguments), '--', ...s.server];
  // One of each first: the file system cache warm for both.
  wallMs(bare, expect);
  wallMs(lab, expect);
  const ref: number[] = [];
  const ours: number[] = [];
  for (let i = 0; i < runs; i++) {
    ref.push(wallMs(bare, expect));
    ours.push(wallMs(lab, expect));
  }
  const ratio = median(ours.map((o, i) => o / ref[i]!));
  return [
    {
      measure: `one-shot \`mcp-lab call\` (fresh process), median of ${runs} pairs — ${s.label}`,
      reference: `${fmt(median(ref), 0)} ms`,
      mcpLab: `${fmt(median(ours), 0)} ms`,
      ratio: `${fmt(ratio)}×`,
      target: '≤ 1.05×',
      met: ratio <= 1.05,
    },
  ];
}
