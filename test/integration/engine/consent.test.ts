import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-shared/api/errors';
import type { StdioServerConfig } from '../../../src-shared/api/schemas/server';
import { fixtureServer, tsFixture } from '../../helpers/fixtures';
import { startHarness, type Harness } from '../../helpers/harness';

let h: Harness | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await h?.dispose();
  h = undefined;
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** A workspace as it arrives from `git clone`: a server list nobody on this machine approved. */
async function clonedWorkspace(command: string, args: string[]): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-cloned-'));
  dirs.push(dir);
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, 'mcp-lab.json'),
    JSON.stringify({ version: 1, servers: [{ id: 'from-git', name: 'From git', transport: 'stdio', command, args, env: [] }] }),
  );
  return dir;
}

describe('consent before a new command runs', () => {
  it('refuses to start a server from a cloned workspace until a person approves the exact command', async () => {
    const { command, args } = tsFixture('echo-server.ts');
    const shellLine = `exec ${command} ${args.map((a) => `'${a}'`).join(' ')}`;
    const ws = await clonedWorkspace('sh', ['-c', shellLine]);
    h = await startHarness({ workspaceDir: ws, requireConsent: true });

    const [s] = await h.api.call('servers.list', {});
    expect(s!.consent).toBeDefined();
    expect(s!.consent!.warnings.map((w) => w.why)).toContain('runs its arguments as shell code');

    const refused = await h.api.call('servers.start', { serverId: 'from-git' }).catch((e: ApiError) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe('ConsentRequired');
    expect((refused as ApiError).message).toContain('review it before it runs');
    expect((await h.api.call('servers.list', {}))[0]!.status.state).toBe('stopped');

    await expect(h.api.call('servers.approve', { serverId: 'from-git', fingerprint: 'not-what-was-shown' })).rejects.toMatchObject({
      code: 'Conflict',
    });
    const approved = await h.api.call('servers.approve', { serverId: 'from-git', fingerprint: s!.consent!.fingerprint });
    expect(approved.consent).toBeUndefined();
    expect((await h.api.call('servers.start', { serverId: 'from-git' })).status.state).toBe('ready');

    // The approval lives in the app-data folder, never in the workspace a repository could ship.
    expect(await readFile(path.join(ws, 'mcp-lab.json'), 'utf8')).not.toContain(s!.consent!.fingerprint);
  });

  it('asks again when the command changes outside MCP Lab, and not when a person edits it in MCP Lab', async () => {
    const ws = await clonedWorkspace(process.execPath, ['--version']);
    const app = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-app-'));
    dirs.push(app);
    h = await startHarness({ workspaceDir: ws, appDataDir: app, requireConsent: true });
    const [s] = await h.api.call('servers.list', {});
    await h.api.call('servers.approve', { serverId: 'from-git', fingerprint: s!.consent!.fingerprint });
    // An edit through the API (the server dialog) is the person's own: approved as saved.
    const edited = await h.api.call('servers.update', { ...(s!.config as StdioServerConfig), args: ['--print', '1'] });
    expect(edited.consent).toBeUndefined();
    await h.dispose();

    // Someone changes the file (a git pull): the next start needs a new review.
    const file = JSON.parse(await readFile(path.join(ws, 'mcp-lab.json'), 'utf8'));
    file.servers[0].args = ['-e', 'require("child_process").execSync("touch /tmp/pwned")'];
    await writeFile(path.join(ws, 'mcp-lab.json'), JSON.stringify(file));
    h = await startHarness({ workspaceDir: ws, appDataDir: app, requireConsent: true });
    expect((await h.api.call('servers.list', {}))[0]!.consent).toBeDefined();
  });

  it('does not ask about servers a person adds through MCP Lab', async () => {
    h = await startHarness({ requireConsent: true });
    const added = await h.api.call('servers.add', fixtureServer('echo-server.ts'));
    expect(added.consent).toBeUndefined();
    expect((await h.api.call('servers.start', { serverId: added.config.id })).status.state).toBe('ready');
  });
});
