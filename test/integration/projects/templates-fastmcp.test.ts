import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../helpers/harness';
import { callEveryTool, edit, finishedJob, nextReload } from './project-helpers';

// A real environment: a venv with FastMCP from the package index, as a user's first setup gets it (the
// relaxed install included, when the index lacks a release). Other tests that set up this template install
// from local wheels (test/helpers/template-wheelhouse.ts). Each template has its own file so that their
// long installs run side by side.
let h: Harness | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

describe('FastMCP template', () => {
  it('scaffolds, sets up, passes its own tests, starts through the engine, answers every tool, and hot-reloads', async () => {
    h = await startHarness({ handshakeTimeoutMs: 30_000 });
    const created = await h.api.call('projects.create', { template: 'fastmcp', dir: 'weather', name: 'Weather' });
    expect([...created.files].sort()).toEqual(
      ['.gitignore', 'README.md', 'pyproject.toml', 'requirements.txt', 'server.py', 'tests/test_server.py'].sort(),
    );
    const job = await finishedJob(h, created.job!.jobId);
    expect(job.steps.map((s) => [s.id, s.state])).toEqual([
      ['environment', 'succeeded'],
      ['install', 'succeeded'],
      ['tests', 'succeeded'],
    ]);
    expect(job.steps[2]!.output.join('\n')).toMatch(/13 passed/);

    const serverId = created.serverId!;
    const started = await h.api.call('servers.start', { serverId });
    expect(started.status.state).toBe('ready');
    expect(started.toolCount).toBe(6);
    await callEveryTool(h, serverId, { inStock: 'in_stock_only', maxResults: 'max_results', itemId: 'item_id', delay: 'delay_seconds' });

    // Hot reload: a schema change in the source arrives as a changed tool.
    await h.engine.reload.whenWatching(serverId);
    const file = path.join(h.workspaceDir, 'weather', 'server.py');
    const changed = nextReload(h, serverId, (e) => e.state === 'ready');
    await edit(file, 'min_length=1, max_length=100', 'min_length=1, max_length=20');
    const ev = await changed;
    expect(ev.trigger).toEqual(['server.py']);
    expect(ev.tools).toEqual([expect.objectContaining({ name: 'greet', change: 'changed' })]);
    expect(JSON.stringify(ev.tools[0]!.after)).toContain('"maxLength":20');
    expect((await h.api.call('tools.list', { serverId })).tools.find((t) => t.name === 'greet')?.inputSchema).toMatchObject({
      properties: { name: { maxLength: 20 } },
    });

    // A syntax error: the reload fails, with stderr and the line the traceback names.
    const broken = nextReload(h, serverId, (e) => e.state === 'failed');
    const source = await readFile(file, 'utf8');
    const badLine = source.split('\n').findIndex((l) => l.startsWith('async def greet(')) + 1;
    await edit(file, 'async def greet(', 'async def greet((');
    const failed = await broken;
    expect(failed.error?.stderrTail.join('\n')).toMatch(/SyntaxError/);
    expect(failed.error?.location).toMatchObject({ file: 'weather/server.py', workspacePath: 'weather/server.py', line: badLine });

    // Saving the fix brings it back (a failed server is still watched).
    const fixed = nextReload(h, serverId, (e) => e.state === 'ready');
    await edit(file, 'async def greet((', 'async def greet(');
    await fixed;
    expect((await h.api.call('servers.list', {})).find((s) => s.config.id === serverId)?.status.state).toBe('ready');
  }, 240_000);

  it('refuses a target folder that is not empty and writes nothing', async () => {
    h = await startHarness();
    const dir = path.join(h.workspaceDir, 'taken');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'server.py'), 'mine\n');
    await expect(h.api.call('projects.create', { template: 'fastmcp', dir: 'taken' })).rejects.toMatchObject({
      code: 'Conflict',
      message: expect.stringMatching(/not empty.*server\.py/),
    });
    expect(await readdir(dir)).toEqual(['server.py']);
    expect(await readFile(path.join(dir, 'server.py'), 'utf8')).toBe('mine\n');
    expect(await h.api.call('servers.list', {})).toEqual([]);
  });

  it('says clearly when neither Python nor uv is found, and keeps the files for "Set up again"', async () => {
    const emptyBin = path.join(path.dirname(process.execPath), 'no-such-bin-dir');
    h = await startHarness({ processEnv: { ...process.env, PATH: emptyBin } });
    const created = await h.api.call('projects.create', { template: 'fastmcp', dir: 'nopy' });
    const job = await h.engine.projects.wait(created.job!.jobId);
    expect(job.state).toBe('failed');
    expect(job.steps[0]).toMatchObject({
      id: 'environment',
      state: 'failed',
      detail: expect.stringMatching(/Python 3 was not found on PATH.*neither was uv.*Set up again/s),
    });
    expect(job.steps.slice(1).map((s) => s.state)).toEqual(['skipped', 'skipped']);
    expect(existsSync(path.join(h.workspaceDir, 'nopy', 'server.py'))).toBe(true);
  });
});
