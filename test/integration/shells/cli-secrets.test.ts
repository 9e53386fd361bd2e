/** The CLI's `--workspace` path uses the app's secrets: per workspace, and never from a store it cannot read. */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workspaceKey } from '../../../src-main/engine/workspace/workspace-key';
import { fixtureServer } from '../../helpers/fixtures';
import { runCli } from '../../helpers/run-cli';

let root: string;
let home: string;
let ws: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-cli-secrets-'));
  home = path.join(root, 'home');
  ws = path.join(root, 'ws');
  await mkdir(home, { recursive: true });
  await mkdir(ws, { recursive: true });
  const holdout = fixtureServer('echo-server.ts', { id: 'holdout', name: 'holdout', env: [{ key: 'API_KEY', secret: true }] });
  await writeFile(path.join(ws, 'mcp-lab.json'), JSON.stringify({ version: 1, servers: [holdout] }));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const envPresent = (dir: string) =>
  runCli(['call', 'env_present', '--json', '--args', '{"name":"API_KEY"}', '--workspace', dir, '--server', 'holdout'], {
    env: { MCP_LAB_HOME: home },
  });

describe('mcp-lab call --workspace', () => {
  it("gives the server its own workspace's secret, and a clone's server none", async () => {
    await writeFile(
      path.join(home, 'secrets.json'),
      JSON.stringify({ format: 2, workspaces: { [await workspaceKey(ws)]: { holdout: { API_KEY: 'value-of-ws' } } }, setAside: {} }),
    );
    const own = await envPresent(ws);
    expect(own.code).toBe(0);
    expect(JSON.parse(own.stdout).data.result.structuredContent).toEqual({ present: true, length: 'value-of-ws'.length });

    const clone = path.join(root, 'clone');
    await mkdir(clone);
    await cp(path.join(ws, 'mcp-lab.json'), path.join(clone, 'mcp-lab.json'));
    const other = await envPresent(clone);
    expect(other.code).toBe(0);
    expect(JSON.parse(other.stdout).data.result.structuredContent).toEqual({ present: false, length: 0 });
  });

  it('refuses to start a server that needs a secret when the store cannot be read, names the file, and leaves it as it was', async () => {
    const file = path.join(home, 'secrets.json');
    const broken = '{"format": 2, "workspaces": {';
    await writeFile(file, broken);
    const r = await envPresent(ws);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      `server did not start: "holdout" needs the secret API_KEY, and the secret store ${file} cannot be read: it is not valid JSON`,
    );
    expect(await readFile(file, 'utf8')).toBe(broken);
  });
});
