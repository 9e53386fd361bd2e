import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src-shared/api/api-client';
import { CLI } from '../../helpers/run-cli';
import { tsFixture } from '../../helpers/fixtures';
import { isGone, waitGone } from '../../helpers/processes';
import { createWsClientPort, openSession } from '../../helpers/ws-client-port';

describe('quitting browser mode', () => {
  it('stops every server within a fixed bound on SIGTERM, even one that ignores SIGTERM, and leaves nothing behind', async () => {
    const home = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-quit-'));
    const ws = path.join(home, 'ws');
    await mkdir(ws, { recursive: true });
    await writeFile(
      path.join(ws, 'mcp-lab.json'),
      JSON.stringify({
        version: 1,
        servers: [{ id: 'stubborn', name: 'Stubborn', transport: 'stdio', env: [], ...tsFixture('stubborn.ts') }],
      }),
    );
    const serve = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--workspace', ws], {
      env: { ...process.env, MCP_LAB_HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      const url = await new Promise<string>((resolve) =>
        serve.stdout.on('data', (d) => {
          out += d;
          const m = /Open:\s+(http:\/\/\S+)\/#token=(\S+)/.exec(out);
          if (m) resolve(`${m[1]}#${m[2]}`);
        }),
      );
      const [base, token] = url.split('#') as [string, string];
      const session = await openSession(base, token);
      const port = createWsClientPort(`${base.replace('http', 'ws')}/ws`, { Origin: base, Cookie: session.cookie });
      const api = createApiClient(port, { token: session.token });
      const [s] = await api.call('servers.list', {});
      // A workspace file's command needs a person's agreement in browser mode: give it, as the dialog would.
      await api.call('servers.approve', { serverId: 'stubborn', fingerprint: s!.consent!.fingerprint });
      const started = await api.call('servers.start', { serverId: 'stubborn' });
      expect(started.status.state).toBe('ready');
      const pid = started.status.state === 'ready' ? started.status.pid! : 0;
      api.dispose();
      port.close();

      const t0 = Date.now();
      serve.kill('SIGTERM');
      const code = await new Promise<number | null>((resolve) => serve.once('exit', resolve));
      const took = Date.now() - t0;
      expect(code).toBe(0);
      // EOF grace 1 s + SIGTERM grace 2 s + kill: well under 8 s, whatever the server does.
      expect(took).toBeLessThan(8000);
      expect(await waitGone(pid, 2000)).toBe(true);
    } finally {
      if (!isGone(serve.pid!)) serve.kill('SIGKILL');
      await rm(home, { recursive: true, force: true });
    }
  });
});
