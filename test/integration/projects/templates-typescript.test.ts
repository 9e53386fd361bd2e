import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../helpers/harness';
import { callEveryTool, edit, finishedJob, nextReload, text } from './project-helpers';

// A real environment: npm install from the registry.
// Each template has its own file so that their long installs run side by side.
let h: Harness | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

describe('TypeScript template', () => {
  it('scaffolds, installs, passes its own tests, starts through the engine, answers every tool, and hot-reloads', async () => {
    h = await startHarness({ handshakeTimeoutMs: 30_000 });
    const created = await h.api.call('projects.create', { template: 'typescript', dir: 'shop-ts' });
    expect([...created.files].sort()).toEqual(
      ['.gitignore', 'README.md', 'package.json', 'src/main.ts', 'src/server.ts', 'test/server.test.ts', 'tsconfig.json'].sort(),
    );
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
    await edit(
      file,
      "name: z.string().min(1).max(100).describe('The name of the person to greet')",
      "name: z.string().min(1).max(30).describe('Who to greet')",
    );
    const ev = await changed;
    expect(ev.tools).toEqual([expect.objectContaining({ name: 'greet', change: 'changed' })]);
    expect(JSON.stringify(ev.tools[0]!.after)).toContain('"maxLength":30');

    // The builder reads every generated tool back, adds one, and the server follows the save.
    const read = await h.api.call('toolBuilder.read', { serverId });
    expect(read.tools.map((t) => t.model.name)).toEqual(['greet', 'calculate', 'search_items', 'get_item', 'slow_task', 'health_check']);
    expect(read.unreadable).toEqual([]);
    const tool = {
      name: 'shout',
      description: 'Say it loudly.',
      params: [{ name: 'words', kind: 'string' as const, description: 'What to say', required: true, minLength: 1 }],
      output: { kind: 'text' as const },
      annotations: { readOnlyHint: true },
    };
    const dup = await h.api.call('toolBuilder.plan', { serverId, tool: { ...tool, name: 'greet' } });
    expect(dup.issues).toEqual([{ path: 'name', message: expect.stringMatching(/already has a tool named "greet"/) }]);
    const plan = await h.api.call('toolBuilder.plan', { serverId, tool });
    expect(plan.issues).toEqual([]);
    const added = nextReload(h, serverId, (e) => e.state === 'ready' && e.tools.some((t) => t.name === 'shout'));
    expect(await h.api.call('toolBuilder.apply', { serverId, content: plan.modified, baseVersion: plan.baseVersion })).toMatchObject({
      status: 'saved',
    });
    expect((await added).tools).toEqual([expect.objectContaining({ name: 'shout', change: 'added' })]);
    expect(text(await h.api.call('tools.call', { serverId, toolName: 'shout', arguments: { words: 'hey' } }))).toBe(
      'shout was called with {"words":"hey"}',
    );
    // A stale plan (made from the old file) is a conflict, not an overwrite: the file moved on.
    expect(await h.api.call('toolBuilder.apply', { serverId, content: plan.original, baseVersion: plan.baseVersion })).toMatchObject({
      status: 'conflict',
    });

    const broken = nextReload(h, serverId, (e) => e.state === 'failed');
    const badLine = (await readFile(file, 'utf8')).split('\n').findIndex((l) => l.includes("'calculate',")) + 1;
    await edit(file, "'calculate',", "'calculate',,");
    const failed = await broken;
    expect(failed.error?.location).toMatchObject({ file: 'shop-ts/src/server.ts', line: badLine });
  }, 240_000);
});
