/**
 * Scale: 1, 10 and 50 idle servers. Time to start them all (spawn, handshake, tools listed) through
 * the engine against as many bare SDK clients doing the same in one process; then, with every
 * server idle, the engine's CPU (its own process: sampler, health checks, timers) and the RSS it
 * added, per server. Informational rows: the issue sets no number for them.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { TSX_IMPORT } from '../helpers/fixtures';
import type { BenchRow } from './bench-table';
import { startBenchEngine } from './bench-engine';
import type { CallScenario } from './call-latency';
import { fmt } from './stats';

function bareStartAll(s: CallScenario, n: number): number {
  const r = spawnSync(
    process.execPath,
    ['--import', TSX_IMPORT, path.join(import.meta.dirname, 'raw-many-clients.ts'), JSON.stringify(s.server), String(n)],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`bare SDK clients failed: ${r.stderr}`);
  return (JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { startAllMs: number }).startAllMs;
}

export async function benchScale(s: CallScenario, counts: number[], idleMs: number): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const n of counts) {
    const bareMs = bareStartAll(s, n);
    const b = await startBenchEngine();
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const { config } = await b.api.call('servers.add', {
        name: `idle-${i}`,
        transport: 'stdio',
        command: s.server[0]!,
        args: s.server.slice(1),
        env: [],
      });
      ids.push(config.id);
    }
    globalThis.gc?.();
    const rss0 = process.memoryUsage().rss;
    const t0 = performance.now();
    await Promise.all(ids.map((serverId) => b.api.call('servers.start', { serverId })));
    const labMs = performance.now() - t0;
    await sleep(1000); // let the start settle before the idle window
    globalThis.gc?.();
    const rss1 = process.memoryUsage().rss;
    const cpu0 = process.cpuUsage();
    const w0 = performance.now();
    await sleep(idleMs);
    const cpu = process.cpuUsage(cpu0);
    const corePct = ((cpu.user + cpu.system) / 1000 / (performance.now() - w0)) * 100;
    await b.close();
    rows.push(
      {
        measure: `${n} idle server${n === 1 ? '' : 's'}: start all → tools listed`,
        reference: `${fmt(bareMs, 0)} ms`,
        mcpLab: `${fmt(labMs, 0)} ms`,
        ratio: `${fmt(labMs / bareMs)}×`,
        target: '',
        met: null,
      },
      {
        measure: `${n} idle server${n === 1 ? '' : 's'}: engine CPU per server, idle`,
        reference: '',
        mcpLab: `${fmt(corePct / n, 3)} % of a core (${fmt(corePct, 2)} % in all)`,
        ratio: '',
        target: '',
        met: null,
      },
      {
        measure: `${n} idle server${n === 1 ? '' : 's'}: engine RSS per server`,
        reference: '',
        mcpLab: `${fmt((rss1 - rss0) / n / 1024 / 1024, 1)} MB`,
        ratio: '',
        target: '',
        met: null,
      },
    );
  }
  return rows;
}
