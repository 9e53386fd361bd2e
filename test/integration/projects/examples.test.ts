import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../helpers/harness';
import { templateWheelhouseEnv } from '../../helpers/template-wheelhouse';
import { finishedJob } from './project-helpers';

// A fresh workspace that is not the default one: no seeded example, so the empty state's buttons
// are the way in. Real setups (npm install, a venv with FastMCP from PyPI), as a user gets them.
let h: Harness | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

describe('example servers in any workspace', () => {
  it('adds the TypeScript example in a free folder, without touching a folder of the same name, and it starts with its tools', async () => {
    h = await startHarness({ handshakeTimeoutMs: 30_000 });
    expect((await h.api.call('servers.list', {})).length).toBe(0);
    // A folder the user already has under the example's name stays as it is.
    const mine = path.join(h.workspaceDir, 'example-typescript', 'src', 'server.ts');
    await mkdir(path.dirname(mine), { recursive: true });
    await writeFile(mine, '// mine\n');

    const added = await h.api.call('projects.addExample', { template: 'typescript' });
    expect(added.source).toBe('example-typescript-2/src/server.ts');
    expect(await readFile(mine, 'utf8')).toBe('// mine\n');
    expect(existsSync(path.join(h.workspaceDir, added.source))).toBe(true);
    // The source the editor opens is a workspace file.
    expect((await h.api.call('workspace.read', { path: added.source })).content).toMatch(/McpServer/);

    const servers = await h.api.call('servers.list', {});
    expect(servers.map((s) => [s.config.id, s.config.name, 'cwd' in s.config ? s.config.cwd : undefined])).toEqual([
      [added.serverId, 'Example server (TypeScript)', 'example-typescript-2'],
    ]);
    await finishedJob(h, added.job!.jobId);
    const started = await h.api.call('servers.start', { serverId: added.serverId! });
    expect(started.status.state).toBe('ready');
    const tools = await h.api.call('tools.list', { serverId: added.serverId! });
    expect(tools.tools.map((t) => t.name)).toContain('greet');
  }, 300_000);

  it('adds the FastMCP example, which sets up its own .venv and starts with its tools', async () => {
    // The whole setup (venv, pip install -r requirements.txt, pytest), from local wheels of the requirements:
    // installing from the index is templates-fastmcp.test.ts's part.
    h = await startHarness({ handshakeTimeoutMs: 30_000, processEnv: { ...process.env, ...(await templateWheelhouseEnv()) } });
    const added = await h.api.call('projects.addExample', { template: 'fastmcp' });
    expect(added.source).toBe('example-fastmcp/server.py');
    expect(existsSync(path.join(h.workspaceDir, added.source))).toBe(true);
    await finishedJob(h, added.job!.jobId);
    expect((await h.api.call('servers.start', { serverId: added.serverId! })).status.state).toBe('ready');
    expect((await h.api.call('tools.list', { serverId: added.serverId! })).tools.map((t) => t.name)).toContain('greet');
  }, 300_000);
});
