import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ToolCallOutcome } from '../../../src-shared/api/schemas/tool';
import { startHarness, type Harness } from '../../helpers/harness';
import { edit, finishedJob, nextReload } from './project-helpers';

// Real environments: a venv with FastMCP from PyPI (pip's cache keeps repeats fast), npm installs.
let h: Harness | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

const text = (o: ToolCallOutcome) => (o.status === 'ok' || o.status === 'toolError' ? o.result.content.map((c) => ('text' in c ? c.text : '')).join('') : '');

/** Every generated tool, called through the engine as a user would; language-specific argument names. */
async function callEveryTool(h: Harness, serverId: string, names: { inStock: string; maxResults: string; itemId: string; delay: string }) {
  const call = (toolName: string, args: Record<string, unknown>) => h.api.call('tools.call', { serverId, toolName, arguments: args });
  expect(text(await call('greet', { name: 'Ada' }))).toBe('Hello, Ada!');
  const calc = await call('calculate', { operation: 'multiply', a: 6, b: 7 });
  expect(calc.status).toBe('ok');
  expect(calc.status === 'ok' && calc.result.structuredContent).toMatchObject({ result: 42 });
  expect((await call('calculate', { operation: 'add', a: 5_000_000, b: 1 })).status).toBe('toolError');
  const div = await call('calculate', { operation: 'divide', a: 1, b: 0 });
  expect(div.status).toBe('toolError');
  expect(text(div)).toMatch(/divide by zero/);
  const search = await call('search_items', { query: 'set', category: 'tools', [names.inStock]: true, [names.maxResults]: 5 });
  expect(search.status === 'ok' && search.result.structuredContent).toMatchObject({ total: 1, items: [{ id: 'item-5' }] });
  const missing = await call('get_item', { [names.itemId]: 'item-42' });
  expect(missing.status).toBe('toolError');
  expect(text(missing)).toMatch(/No item with id item-42/);
  const slow = await call('slow_task', { steps: 2, [names.delay]: 0 });
  expect(slow.status === 'ok' && slow.result.structuredContent).toMatchObject({ steps: 2 });
  const health = await call('health_check', {});
  expect(health.status === 'ok' && health.result.structuredContent).toMatchObject({ status: 'ok' });
  const tpl = await h.api.call('resources.templates', { serverId });
  expect(tpl.status === 'ok' && tpl.result.resourceTemplates.map((t) => t.uriTemplate)).toEqual(['items://{item_id}']);
  const prompts = await h.api.call('prompts.list', { serverId });
  expect(prompts.status === 'ok' && prompts.result.prompts.map((p) => p.name)).toEqual(['describe_item']);
}

describe('FastMCP template', () => {
  it('scaffolds, sets up, passes its own tests, starts through the engine, answers every tool, and hot-reloads', async () => {
    h = await startHarness({ handshakeTimeoutMs: 30_000 });
    const created = await h.api.call('projects.create', { template: 'fastmcp', dir: 'weather', name: 'Weather' });
    expect([...created.files].sort()).toEqual(['.gitignore', 'README.md', 'pyproject.toml', 'requirements.txt', 'server.py', 'tests/test_server.py'].sort());
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
    expect((await h.api.call('tools.list', { serverId })).tools.find((t) => t.name === 'greet')?.inputSchema).toMatchObject({ properties: { name: { maxLength: 20 } } });

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
    await expect(h.api.call('projects.create', { template: 'fastmcp', dir: 'taken' })).rejects.toMatchObject({ code: 'Conflict', message: expect.stringMatching(/not empty.*server\.py/) });
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
    expect(job.steps[0]).toMatchObject({ id: 'environment', state: 'failed', detail: expect.stringMatching(/Python 3 was not found on PATH.*neither was uv.*Set up again/s) });
    expect(job.steps.slice(1).map((s) => s.state)).toEqual(['skipped', 'skipped']);
    expect(existsSync(path.join(h.workspaceDir, 'nopy', 'server.py'))).toBe(true);
  });

  it('shows the installer\'s stderr when a package cannot be installed, and "Set up again" then works', async () => {
    h = await startHarness({ processEnv: { ...process.env, PIP_NO_INDEX: '1', PIP_FIND_LINKS: '/nonexistent-wheels' } });
    const created = await h.api.call('projects.create', { template: 'fastmcp', dir: 'offline' });
    const job = await h.engine.projects.wait(created.job!.jobId);
    expect(job.state).toBe('failed');
    const install = job.steps.find((s) => s.id === 'install')!;
    expect(install.state).toBe('failed');
    expect(install.output.join('\n')).toMatch(/No matching distribution found for fastmcp/);
    expect(install.detail).toMatch(/pip could not install the requirements.*Set up again/s);
    const workspaceDir = h.workspaceDir;
    await h.engine.shutdown();

    // The same project, set up again with a working index.
    const again = await startHarness({ workspaceDir });
    const prev = h;
    h = again;
    void prev;
    const retry = await again.api.call('projects.setup', { template: 'fastmcp', dir: 'offline', runTests: false });
    const done = await finishedJob(again, retry.jobId);
    expect(done.steps.map((s) => s.state)).toEqual(['succeeded', 'succeeded']);
  }, 180_000);
});

describe('TypeScript template', () => {
  it('scaffolds, installs, passes its own tests, starts through the engine, answers every tool, and hot-reloads', async () => {
    h = await startHarness({ handshakeTimeoutMs: 30_000 });
    const created = await h.api.call('projects.create', { template: 'typescript', dir: 'shop-ts' });
    expect([...created.files].sort()).toEqual(['.gitignore', 'README.md', 'package.json', 'src/main.ts', 'src/server.ts', 'test/server.test.ts', 'tsconfig.json'].sort());
    const job = await finishedJob(h, created.job!.jobId);
    expect(job.steps.map((s) => [s.id, s.state])).toEqual([
      ['install', 'succeeded'],
      ['tests', 'succeeded'],
    ]);
    const serverId = created.serverId!;
    expect((await h.api.call('servers.start', { serverId })).status.state).toBe('ready');
    await callEveryTool(h, serverId, { inStock: 'inStockOnly', maxResults: 'maxResults', itemId: 'itemId', delay: 'delaySeconds' });

    await h.engine.reload.whenWatching(serverId);
    const file = path.join(h.workspaceDir, 'shop-ts', 'src', 'server.ts');
    const changed = nextReload(h, serverId, (e) => e.state === 'ready');
    await edit(file, "name: z.string().min(1).max(100).describe('The name of the person to greet')", "name: z.string().min(1).max(30).describe('Who to greet')");
    const ev = await changed;
    expect(ev.tools).toEqual([expect.objectContaining({ name: 'greet', change: 'changed' })]);
    expect(JSON.stringify(ev.tools[0]!.after)).toContain('"maxLength":30');

    // The builder reads every generated tool back, adds one, and the server follows the save.
    const read = await h.api.call('toolBuilder.read', { serverId });
    expect(read.tools.map((t) => t.model.name)).toEqual(['greet', 'calculate', 'search_items', 'get_item', 'slow_task', 'health_check']);
    expect(read.unreadable).toEqual([]);
    const tool = { name: 'shout', description: 'Say it loudly.', params: [{ name: 'words', kind: 'string' as const, description: 'What to say', required: true, minLength: 1 }], output: { kind: 'text' as const }, annotations: { readOnlyHint: true } };
    const dup = await h.api.call('toolBuilder.plan', { serverId, tool: { ...tool, name: 'greet' } });
    expect(dup.issues).toEqual([{ path: 'name', message: expect.stringMatching(/already has a tool named "greet"/) }]);
    const plan = await h.api.call('toolBuilder.plan', { serverId, tool });
    expect(plan.issues).toEqual([]);
    const added = nextReload(h, serverId, (e) => e.state === 'ready' && e.tools.some((t) => t.name === 'shout'));
    expect(await h.api.call('toolBuilder.apply', { serverId, content: plan.modified, baseVersion: plan.baseVersion })).toMatchObject({ status: 'saved' });
    expect((await added).tools).toEqual([expect.objectContaining({ name: 'shout', change: 'added' })]);
    expect(text(await h.api.call('tools.call', { serverId, toolName: 'shout', arguments: { words: 'hey' } }))).toBe('shout was called with {"words":"hey"}');
    // A stale plan (made from the old file) is a conflict, not an overwrite: the file moved on.
    expect(await h.api.call('toolBuilder.apply', { serverId, content: plan.original, baseVersion: plan.baseVersion })).toMatchObject({ status: 'conflict' });

    const broken = nextReload(h, serverId, (e) => e.state === 'failed');
    const badLine = (await readFile(file, 'utf8')).split('\n').findIndex((l) => l.includes("'calculate',")) + 1;
    await edit(file, "'calculate',", "'calculate',,");
    const failed = await broken;
    expect(failed.error?.location).toMatchObject({ file: 'shop-ts/src/server.ts', line: badLine });
  }, 240_000);
});
