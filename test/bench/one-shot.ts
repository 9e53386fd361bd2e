/**
 * One-shot speed: a fresh `mcp-lab call` process (start the server, call one tool, print, exit)
 * against the same thing written with the bare SDK client, and against the official Inspector's
 * CLI, on the same server. Runs interleave (reference, MCP Lab, Inspector, reference, …) so
 * machine noise hits all alike; each ratio is the median of the per-round ratios to the bare
 * script of the same round.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { BenchRow } from './bench-table';
import type { CallScenario } from './call-latency';
import { fmt } from './stats';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Runner {
  argv: string[];
  cwd: string;
}

function wallMs(r: Runner, expect: string): number {
  const t0 = performance.now();
  const p = spawnSync(process.execPath, r.argv, { cwd: r.cwd, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (p.status !== 0 || !p.stdout.includes(expect))
    throw new Error(`one-shot run failed (${r.argv.join(' ')}): exit ${p.status}\n${p.stderr}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The Inspector's CLI (`@modelcontextprotocol/inspector-cli`, a dev dependency): its entry reads
 * its own package.json through a path it checks relative to the current folder, so it runs from
 * its build folder. Undefined when it is not installed.
 */
function inspectorCli(s: CallScenario): Runner | undefined {
  let entry: string;
  try {
    entry = path.join(
      path.dirname(createRequire(import.meta.url).resolve('@modelcontextprotocol/inspector-cli/package.json')),
      'build',
      'index.js',
    );
  } catch {
    return undefined;
  }
  if (!existsSync(entry)) return undefined;
  const toolArgs = Object.entries(s.tool.arguments).flatMap(([k, v]) => [
    '--tool-arg',
    `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`,
  ]);
  return { argv: [entry, ...s.server, '--method', 'tools/call', '--tool-name', s.tool.name, ...toolArgs], cwd: path.dirname(entry) };
}

export function benchOneShot(s: CallScenario, runs: number, expect: string): BenchRow[] {
  const bare: Runner = {
    argv: [path.join(import.meta.dirname, 'one-shot-sdk-client.mjs'), JSON.stringify(s.server), JSON.stringify(s.tool)],
    cwd: ROOT,
  };
  // BENCH_MCP_LAB_CLI: another build's out/main/cli.js, to compare builds under the same conditions.
  const lab: Runner = {
    argv: [
      process.env.BENCH_MCP_LAB_CLI ?? path.join(ROOT, 'bin/mcp-lab.mjs'),
      'call',
      s.tool.name,
      '--args',
      JSON.stringify(s.tool.arguments),
      '--',
      ...s.server,
    ],
    cwd: ROOT,
  };
  const inspector = inspectorCli(s);
  const load = os.loadavg()[0]!;
  // One of each first: the file system cache warm for all.
  for (const r of [bare, lab, inspector]) if (r) wallMs(r, expect);
  const ref: number[] = [];
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < runs; i++) {
    ref.push(wallMs(bare, expect));
    ours.push(wallMs(lab, expect));
    if (inspector) theirs.push(wallMs(inspector, expect));
  }
  const ratio = median(ours.map((o, i) => o / ref[i]!));
  const when = `median of ${runs} rounds, load average ${fmt(load, 1)} → ${fmt(os.loadavg()[0]!, 1)}`;
  const rows: BenchRow[] = [
    {
      measure: `one-shot \`mcp-lab call\` (fresh process) vs bare SDK script, ${when} — ${s.label}`,
      reference: `${fmt(median(ref), 0)} ms`,
      mcpLab: `${fmt(median(ours), 0)} ms`,
      ratio: `${fmt(ratio)}×`,
      target: '≤ 1.05×',
      met: ratio <= 1.05,
    },
  ];
  if (inspector) {
    // Both against the bare script of the same round: below the Inspector means a lower ratio.
    const theirRatio = median(theirs.map((t, i) => t / ref[i]!));
    rows.push({
      measure: `one-shot Inspector CLI (\`@modelcontextprotocol/inspector-cli\`) vs the same bare script — ${s.label}`,
      reference: `${fmt(median(theirs), 0)} ms (${fmt(theirRatio)}× bare)`,
      mcpLab: `${fmt(median(ours), 0)} ms (${fmt(ratio)}× bare)`,
      ratio: `${fmt(median(ours.map((o, i) => o / theirs[i]!)))}×`,
      target: '< 1× (below the Inspector)',
      met: ratio < theirRatio,
    });
  } else {
    rows.push({
      measure: 'one-shot Inspector CLI: not installed (npm install)',
      reference: '',
      mcpLab: '',
      ratio: '',
      target: '',
      met: null,
    });
  }
  return rows;
}
