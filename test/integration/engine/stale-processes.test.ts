import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngineWithServices } from '../../../src-main/engine/create-engine';
import { ProcessLedger } from '../../../src-main/engine/servers/process-ledger';
import { MemorySecretStore } from '../../../src-main/engine/workspace/secret-store';
import { REPO_ROOT, TSX_IMPORT } from '../../helpers/fixtures';
import { childrenOf, eventually, isGone, waitGone } from '../../helpers/processes';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const startTicks = (pid: number) => {
  const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return s.slice(s.lastIndexOf(')') + 2).split(' ')[19]!;
};
const cmdline = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
};

describe('processes left by an earlier run', () => {
  it('are stopped and reported by the next engine when the engine and its lifeline both died', async () => {
    // The stubborn server ignores its input closing and SIGTERM: only a kill stops it.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-stale-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const host = spawn(
      process.execPath,
      ['--import', TSX_IMPORT, path.join(REPO_ROOT, 'test/fixtures/engine-host.ts'), dir, 'stubborn.ts'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const line = await new Promise<string>((resolve) => host.stdout.once('data', (d) => resolve(String(d))));
    const { serverPid } = JSON.parse(line) as { serverPid: number };
    cleanup.push(() => {
      try {
        process.kill(-serverPid, 'SIGKILL');
      } catch {
        /* gone */
      }
    });
    // Kill the lifeline first (as a machine-wide kill might), then the engine: nothing stops the server now.
    const lifeline = childrenOf(host.pid!).find((p) => cmdline(p).startsWith('/bin/sh -c'));
    expect(lifeline, 'the engine runs a lifeline').toBeDefined();
    process.kill(lifeline!, 'SIGKILL');
    await waitGone(lifeline!, 2000);
    // Wait until the dead engine is reaped: as a zombie its pid still answers, and the next engine
    // would rightly take it for alive.
    const reaped = new Promise((r) => host.once('exit', r));
    host.kill('SIGKILL');
    await reaped;
    // Engine and lifeline are gone: nothing is left that could stop the server.
    expect(isGone(serverPid), 'the server outlived its engine, as this test intends').toBe(false);

    const engine = await createEngineWithServices({
      workspaceDir: path.join(dir, 'ws'),
      appDataDir: path.join(dir, 'app'),
      host: 'test',
      secrets: new MemorySecretStore(),
    });
    cleanup.push(() => engine.shutdown());
    expect(engine.staleProcesses).toEqual([expect.objectContaining({ pgid: serverPid, action: 'stopped', label: 'stubborn' })]);
    expect(await waitGone(serverPid, 3000)).toBe(true);
    const grandchild = Number(
      /grandchild pid (\d+)/.exec(
        engine.logs
          .since(undefined, 0)
          .entries.map((e) => e.text)
          .join('\n'),
      )?.[1] ?? 0,
    );
    if (grandchild) expect(await waitGone(grandchild, 3000)).toBe(true);
    const info = await engine.handlers['app.info'](
      {},
      { signal: new AbortController().signal, origin: 'in-memory', capabilities: new Set() },
    );
    expect(info.notices?.[0]).toMatch(/Stopped 1 server process group left running by an earlier MCP Lab run: stubborn/);
  });

  it('never kills a recycled pid: a group whose leader started at another time is left alone', async () => {
    const app = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-stale-'));
    cleanup.push(() => rm(app, { recursive: true, force: true }));
    const ours = spawn('sleep', ['30'], { detached: true, stdio: 'ignore' });
    const stranger = spawn('sleep', ['30'], { detached: true, stdio: 'ignore' });
    cleanup.push(() => {
      for (const p of [ours, stranger]) p.kill('SIGKILL');
    });
    // Both have become `sleep` (exec done), so what the ledger records is what runs.
    expect(await eventually(() => [ours, stranger].every((p) => cmdline(p.pid!).startsWith('sleep 30')), 5000)).toBe(true);
    await mkdir(path.join(app, 'running'), { recursive: true });
    const deadEngine = 2 ** 22 + 12345; // beyond pid_max: no such process
    await writeFile(
      path.join(app, 'running', `${deadEngine}.json`),
      JSON.stringify({
        enginePid: deadEngine,
        groups: [
          { pgid: ours.pid, startTicks: startTicks(ours.pid!), label: 'ours', since: 0 },
          { pgid: stranger.pid, startTicks: '1', label: 'recycled', since: 0 },
        ],
      }),
    );
    const reports = await ProcessLedger.reapStale(app);
    expect(reports).toEqual(
      expect.arrayContaining([
        { pgid: ours.pid, label: 'ours', action: 'stopped' },
        { pgid: stranger.pid, label: 'recycled', action: 'left alone' },
      ]),
    );
    expect(await waitGone(ours.pid!, 2000)).toBe(true);
    expect(isGone(stranger.pid!)).toBe(false);
  });
});
