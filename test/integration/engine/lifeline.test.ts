import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, TSX_IMPORT } from '../../helpers/fixtures';
import { childrenOf, eventually, isGone } from '../../helpers/processes';

let host: ChildProcess | undefined;
let dir: string | undefined;
/** Processes a failing test could leave behind: killed after each test whatever happened. */
const strays: number[] = [];
afterEach(async () => {
  if (host?.exitCode === null && host.signalCode === null) host.kill('SIGKILL');
  for (const pid of strays.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone, as it should be
    }
  }
  if (dir) await rm(dir, { recursive: true, force: true });
  host = undefined;
  dir = undefined;
});

/** Run the engine in its own Node process with one fixture server started; resolves with the server's pid. */
async function startEngineHost(fixture: string): Promise<number> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-lifeline-'));
  const child = spawn(process.execPath, ['--import', TSX_IMPORT, path.join(REPO_ROOT, 'test/fixtures/engine-host.ts'), dir, fixture], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  host = child;
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`engine host exited (${code}) before reporting: ${stderr}`)));
  });
  const report = JSON.parse(line) as { serverPid: number | null; state: string };
  expect(report.state).toBe('ready');
  strays.push(report.serverPid!, ...childrenOf(report.serverPid!));
  return report.serverPid!;
}

describe('MCP Lab killed with SIGKILL leaves no server behind', () => {
  it('takes down a server that would exit on EOF anyway (echo-server)', async () => {
    const serverPid = await startEngineHost('echo-server.ts');
    expect(isGone(serverPid)).toBe(false);
    host!.kill('SIGKILL');
    expect(await eventually(() => isGone(serverPid), 5_000)).toBe(true);
  });

  it('takes down a server that ignores EOF and SIGTERM, and its grandchild', async () => {
    const serverPid = await startEngineHost('stubborn.ts');
    const [grandchild] = childrenOf(serverPid);
    expect(grandchild).toBeDefined();
    // Still alive when its parent engine dies: only the lifeline can reach it now.
    host!.kill('SIGKILL');
    expect(await eventually(() => isGone(serverPid) && isGone(grandchild!), 5_000)).toBe(true);
  });
});
