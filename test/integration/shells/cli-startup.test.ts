/**
 * What a command loads before it does anything: `--version` and `--help` answer without the
 * engine or the MCP SDK, and a verb loads its own module only when it runs. Checked by the modules
 * the process actually loaded (a load hook), not by timing.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/fixtures';
import { CLI } from '../../helpers/run-cli';

const HOOK = path.join(REPO_ROOT, 'test/fixtures/record-loaded-modules.mjs');
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-startup-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

let runs = 0;
/** Run mcp-lab with `args`; resolves to its exit code, its stdout and the modules it loaded. */
async function loadedBy(args: string[]): Promise<{ code: number | null; stdout: string; loaded: string[] }> {
  const file = path.join(dir, `loaded-${++runs}.txt`);
  const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', HOOK, CLI, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, MCP_LAB_TEST_LOADED: file, MCP_LAB_HOME: dir },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (c) => resolve({ code: c, stdout: out }));
  });
  const loaded = (await readFile(file, 'utf8').catch(() => '')).split('\n').filter(Boolean);
  return { code, stdout, loaded };
}

const engineOrSdk = (urls: string[]) =>
  urls.filter((u) => /\/chunks\/(create-engine|adhoc-server|serve)-|@modelcontextprotocol\/sdk|\/node_modules\/(ws|chokidar)\//.test(u));

describe('mcp-lab start-up', () => {
  it('--version and --help load neither the engine nor the MCP SDK', async () => {
    const version = await loadedBy(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(version.loaded.some((u) => u.endsWith('/out/main/cli.js'))).toBe(true);
    expect(engineOrSdk(version.loaded)).toEqual([]);

    const help = await loadedBy(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: mcp-lab/);
    expect(engineOrSdk(help.loaded)).toEqual([]);

    const callHelp = await loadedBy(['call', '--help']);
    expect(callHelp.code).toBe(0);
    expect(engineOrSdk(callHelp.loaded)).toEqual([]);
  });

  it('a call to a server started from a command loads no HTTP transport, OAuth, file watcher, parser, differ or tasks client', async () => {
    const call = await loadedBy([
      'call',
      'greet',
      '--args',
      '{"name":"Ada"}',
      '--',
      process.execPath,
      path.join(REPO_ROOT, 'out/main/example-server.js'),
    ]);
    expect(call.code).toBe(0);
    expect(call.stdout).toMatch(/Hi Ada!/);
    expect(call.loaded.some((u) => u.endsWith('sdk/dist/esm/client/index.js'))).toBe(true);
    // The tasks client brings a second SDK (@modelcontextprotocol/client): it loads on the first task call.
    const unused = call.loaded.filter((u) =>
      /sdk\/dist\/esm\/client\/(sse|streamableHttp|auth)|\/node_modules\/(chokidar|jsonc-parser|diff|picomatch|@modelcontextprotocol\/(ext-tasks|client))\//.test(
        u,
      ),
    );
    expect(unused).toEqual([]);
  });

  it('the server is spawned before the SDK client loads: the two overlap instead of adding up', async () => {
    const server = path.join(REPO_ROOT, 'out/main/example-server.js');
    const call = await loadedBy(['call', 'greet', '--args', '{"name":"Ada"}', '--', process.execPath, server]);
    expect(call.code).toBe(0);
    const spawned = call.loaded.findIndex((l) => l.startsWith('spawn ') && l.endsWith(server));
    const sdkClient = call.loaded.findIndex((u) => u.endsWith('sdk/dist/esm/client/index.js'));
    expect(spawned).toBeGreaterThanOrEqual(0);
    expect(sdkClient).toBeGreaterThan(spawned);
  });
});
