import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngineWithServices, type Engine, type EngineServices } from '../../../src-main/engine/create-engine';
import { findMarked } from '../../../src-main/engine/servers/escaped-processes';
import { MemorySecretStore } from '../../../src-main/engine/workspace/secret-store';
import { fixtureServer, REPO_ROOT, TSX_IMPORT } from '../../helpers/fixtures';
import { eventually, isGone, waitGone } from '../../helpers/processes';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** Make sure a daemon a failed test left behind does not outlive the test run. */
function reapLater(pid: number): void {
  cleanup.push(() => {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone, as it should be */
    }
  });
}

function daemonPid(engine: Engine & EngineServices): number {
  const text = engine.logs
    .since(undefined, 0)
    .entries.map((e) => e.text)
    .join('\n');
  return Number(/daemon pid (\d+)/.exec(text)?.[1] ?? 0);
}

async function newEngine(dir: string): Promise<Engine & EngineServices> {
  const engine = await createEngineWithServices({
    workspaceDir: path.join(dir, 'ws'),
    appDataDir: path.join(dir, 'app'),
    host: 'test',
    secrets: new MemorySecretStore(),
  });
  cleanup.push(() => engine.shutdown());
  return engine;
}

describe.runIf(process.platform === 'linux')('a daemon a server detached with fork, setsid, fork', () => {
  it('ends when its server is stopped', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-daemon-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const engine = await newEngine(dir);
    const added = await engine.servers.add(fixtureServer('py_daemon_server.py'));
    const session = engine.servers.get(added.config.id);
    await session.start();
    expect(session.status.state).toBe('ready');
    expect(await eventually(() => daemonPid(engine) > 0, 10_000)).toBe(true);
    const daemon = daemonPid(engine);
    reapLater(daemon);
    expect(isGone(daemon)).toBe(false);

    await session.stop();
    expect(await waitGone(daemon, 5000)).toBe(true);
  });

  it('ends at the next start when MCP Lab was SIGKILLed (the ledger finds it by its marker)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-daemon-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const host = spawn(
      process.execPath,
      ['--import', TSX_IMPORT, path.join(REPO_ROOT, 'test/fixtures/engine-host.ts'), dir, 'py_daemon_server.py'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const line = await new Promise<string>((resolve) => host.stdout.once('data', (d) => resolve(String(d))));
    const { serverPid, state } = JSON.parse(line) as { serverPid: number; state: string };
    expect(state).toBe('ready');
    // The daemon's pid was in the engine's logs, which died with it: it is found by its marker instead.
    host.kill('SIGKILL');
    await waitGone(host.pid!, 5000);
    // The lifeline ends the server's group; the daemon is outside it and lives on.
    expect(await waitGone(serverPid, 5000)).toBe(true);
    const daemons = await markedBy(dir, host.pid!, serverPid);
    expect(daemons.length, 'the detached daemon outlived its engine and its server, as this test intends').toBe(1);
    reapLater(daemons[0]!);

    const engine = await newEngine(dir);
    expect(engine.staleProcesses).toEqual([expect.objectContaining({ label: 'py-daemon-server', action: 'stopped', daemonsStopped: 1 })]);
    expect(await waitGone(daemons[0]!, 5000)).toBe(true);
  });
});

/** Processes carrying the marker of `serverPid`, read from the ledger file the SIGKILLed engine left behind. */
async function markedBy(dir: string, enginePid: number, serverPid: number): Promise<number[]> {
  const ledger = JSON.parse(await readFile(path.join(dir, 'app', 'running', `${enginePid}.json`), 'utf8')) as {
    groups: Array<{ pgid: number; marker?: string }>;
  };
  const marker = ledger.groups.find((g) => g.pgid === serverPid)?.marker;
  expect(marker, 'the ledger keeps the marker of each server').toBeDefined();
  return findMarked(marker!);
}
