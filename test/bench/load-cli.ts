/**
 * `mcp-lab bench` (the load runner, as users time their servers with it) against the bare SDK
 * client's throughput on the same server at the same concurrency. Rounds alternate the reference
 * and MCP Lab; each figure is the median over rounds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { LoadRun } from '../../src-shared/api/schemas/load';
import type { BenchRow } from './bench-table';
import { runRaw, type CallScenario } from './call-latency';
import { fmt } from './stats';

const ROOT = path.resolve(import.meta.dirname, '../..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function labBench(s: CallScenario, concurrency: number, seconds: number): LoadRun {
  const argv = [
    path.join(ROOT, 'bin/mcp-lab.mjs'),
    'bench',
    s.tool.name,
    '--args',
    JSON.stringify(s.tool.arguments),
    '-c',
    String(concurrency),
    '-d',
    String(seconds),
    '--json',
    '--',
    ...s.server,
  ];
  const r = spawnSync(process.execPath, argv, { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`mcp-lab bench failed: exit ${r.status}\n${r.stderr}`);
  // `--json` answers in the CLI's envelope ({ ok, verb, exitCode, data }); the run is its data.
  const out = JSON.parse(r.stdout) as { data?: LoadRun };
  if (!out.data) throw new Error(`mcp-lab bench --json printed no run: ${r.stdout.slice(0, 200)}`);
  return out.data;
}

/**
 * MCP Lab starts each server in its own session (`detached`: its own process group, so a stop
 * reaches grandchildren). Linux's autogroup scheduler makes each session a scheduling group of its
 * own; on a busy machine the bare client, whose server shares its session, gains a lot from that
 * (MCP Lab, measured with a build that shares it, does not). This reference starts the same server
 * through `setsid`, so the table shows how much of a gap is the reference's luck.
 */
const SETSID = '/usr/bin/setsid';

export function benchLoadCli(s: CallScenario, seconds: number, rounds: number): BenchRow[] {
  const levels = [8, 32];
  const ref: Record<number, number[]> = { 8: [], 32: [] };
  const ownSession: Record<number, number[]> = { 8: [], 32: [] };
  const ours: Record<number, LoadRun[]> = { 8: [], 32: [] };
  const withSetsid = process.platform === 'linux' && existsSync(SETSID);
  for (let round = 0; round < rounds; round++) {
    const raw = runRaw(s, 0, seconds * 1000);
    const rawOwnSession = withSetsid ? runRaw({ ...s, server: [SETSID, ...s.server] }, 0, seconds * 1000) : undefined;
    for (const c of levels) {
      ref[c]!.push(raw.throughput[c]!);
      if (rawOwnSession) ownSession[c]!.push(rawOwnSession.throughput[c]!);
      ours[c]!.push(labBench(s, c, seconds));
    }
  }
  const rows = levels.map((c): BenchRow => {
    const r = median(ref[c]!);
    const runs = ours[c]!;
    const o = median(runs.map((x) => x.callsPerSecond));
    const busy = median(runs.map((x) => x.self?.eventLoopUtilization ?? NaN));
    const ratio = o / r;
    return {
      measure: `\`mcp-lab bench\` throughput, concurrency ${c} (MCP Lab's loop ${fmt(busy * 100, 0)} % busy) — ${s.label}`,
      reference: `${fmt(r, 0)}/s`,
      mcpLab: `${fmt(o, 0)}/s`,
      ratio: `${fmt(ratio)}×`,
      target: '≥ 0.90×',
      met: ratio >= 0.9,
    };
  });
  if (!withSetsid) return rows;
  return [
    ...rows,
    ...levels.map((c): BenchRow => {
      const r = median(ownSession[c]!);
      const o = median(ours[c]!.map((x) => x.callsPerSecond));
      return {
        measure: `\`mcp-lab bench\` throughput, concurrency ${c}, vs a bare SDK client whose server has its own session, as MCP Lab starts it — ${s.label}`,
        reference: `${fmt(r, 0)}/s (${fmt(r / median(ref[c]!))}× the same client sharing its session)`,
        mcpLab: `${fmt(o, 0)}/s`,
        ratio: `${fmt(o / r)}×`,
        target: '',
        met: null,
      };
    }),
  ];
}
