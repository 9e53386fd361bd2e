/**
 * A one-shot verb (`call`, `tools`, `ping`…) must let its process end as soon as its work is done:
 * no bounded wait may leave its timer behind once what it waited for has happened (a server that
 * exited when its input closed, a session the remote server ended). Checked by what is still
 * active after the session is disposed, not by timing.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, TSX_IMPORT } from '../../helpers/fixtures';
import { startEverythingHttp, type RunningHttpServer } from '../../helpers/remote-servers';

const SCRIPT = path.join(REPO_ROOT, 'test/fixtures/one-shot-session.ts');
let home = '';
let http: RunningHttpServer;
beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-one-shot-'));
  http = await startEverythingHttp('streamableHttp');
});
afterAll(async () => {
  await http?.kill();
  if (home) await rm(home, { recursive: true, force: true });
});

function oneShot(args: string[]): Promise<{ status: string; keepAlive: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX_IMPORT, SCRIPT, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, MCP_LAB_HOME: home },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim())) : reject(new Error(`one-shot session exited ${code}: ${err}`)),
    );
  });
}

describe('a one-shot session leaves nothing running once disposed', () => {
  it('a server started from a command that exits when its input closes', async () => {
    const r = await oneShot([
      'echo',
      '{"text":"hi"}',
      '--',
      process.execPath,
      '--import',
      TSX_IMPORT,
      path.join(REPO_ROOT, 'test/fixtures/servers/echo-server.ts'),
    ]);
    expect(r).toEqual({ status: 'ok', keepAlive: [] });
  });

  it('a remote server over Streamable HTTP whose session is ended', async () => {
    const r = await oneShot(['echo', '{"message":"hi"}', '--url', http.url]);
    expect(r).toEqual({ status: 'ok', keepAlive: [] });
  });
});
