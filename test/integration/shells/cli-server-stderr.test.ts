/** `--stderr` / `-v`: the server's stderr, log messages and progress on the terminal, marked as the server's. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureScript } from '../../helpers/fixtures';
import { cliWithOwnHome, runCli } from '../../helpers/run-cli';

const echo = ['--', process.execPath, fixtureScript('echo-server.ts')];

describe('mcp-lab call -v', () => {
  it("streams the server's stderr line and its log message to stderr; stdout keeps only the result", async () => {
    const r = await runCli(['call', 'log', '--args', '{"text":"from-the-server"}', '-v', ...echo]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^\[server stderr\] .*from-the-server/m);
    expect(r.stderr).toMatch(/^\[server (debug|info|notice|warning|error)\] .*from-the-server/m);
    expect(r.stdout).not.toContain('[server');
  });

  it('streams progress, one line per notification', async () => {
    const r = await runCli(['call', 'slow', '--args', '{"ms":10,"steps":3}', '-v', ...echo]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('[server progress]'))).toEqual([
      '[server progress] 1/3 step 1 of 3',
      '[server progress] 2/3 step 2 of 3',
      '[server progress] 3/3 step 3 of 3',
    ]);
    expect(r.stdout).toBe('waited 10 ms\n');
  });

  it('says nothing of the server without it', async () => {
    const r = await runCli(['call', 'slow', '--args', '{"ms":10,"steps":2}', ...echo]);
    expect(r.stderr).not.toContain('[server');
  });
});

describe('mcp-lab call -v --workspace', () => {
  const cli = cliWithOwnHome();
  let ws = '';
  beforeAll(async () => {
    ws = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-ws-stderr-'));
    const server = {
      id: 'echo',
      name: 'echo',
      transport: 'stdio',
      command: process.execPath,
      args: [fixtureScript('echo-server.ts')],
      env: [],
    };
    await writeFile(path.join(ws, 'mcp-lab.json'), JSON.stringify({ version: 1, servers: [server] }, null, 2));
  });
  afterAll(async () => {
    if (ws) await rm(ws, { recursive: true, force: true });
  });

  it("streams the configured server's stderr, log messages and progress as with a command", async () => {
    const logged = await cli.run(['call', 'log', '--args', '{"text":"from-the-workspace"}', '-v', '--workspace', ws]);
    expect(logged.code, logged.stderr).toBe(0);
    expect(logged.stderr).toMatch(/^\[server stderr\] echo-fixture: ready on stdio$/m);
    expect(logged.stderr).toMatch(/^\[server stderr\] .*from-the-workspace/m);
    expect(logged.stderr).toMatch(/^\[server (debug|info|notice|warning|error)\] .*from-the-workspace/m);
    const slow = await cli.run(['call', 'slow', '--args', '{"ms":10,"steps":2}', '--stderr', '--workspace', ws]);
    expect(slow.code, slow.stderr).toBe(0);
    expect(slow.stderr.split('\n').filter((l) => l.startsWith('[server progress]'))).toEqual([
      '[server progress] 1/2 step 1 of 2',
      '[server progress] 2/2 step 2 of 2',
    ]);
    expect(slow.stdout).toBe('waited 10 ms\n');
  });
});
