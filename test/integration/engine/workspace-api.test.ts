import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { FileChangeBatch } from '../../../src-shared/api/schemas/workspace';
import { startHarness, waitForEvent, type Harness } from '../../helpers/harness';

let h: Harness;
afterEach(() => h.dispose());

it('reads, saves with a version, reports a conflict when the disk moved, and streams file changes', async () => {
  h = await startHarness();
  await mkdir(path.join(h.workspaceDir, 'src'), { recursive: true });
  await writeFile(path.join(h.workspaceDir, 'src', 'a.py'), 'one\n');
  expect((await h.api.call('workspace.tree', {})).entries.map((e) => e.path)).toEqual(['src']);
  const r = await h.api.call('workspace.read', { path: 'src/a.py' });

  let subscribed!: () => void;
  const first = new Promise<void>((r) => (subscribed = r));
  const seen = waitForEvent<FileChangeBatch>(
    (cb) => h.api.subscribe('workspace.fileChanged', {}, (b) => (subscribed(), cb(b))),
    (b) => b.changes.some((c) => c.path === 'src/a.py' && c.kind === 'changed'),
  );
  // The watcher starts with the first subscriber; changes after its first scan are reported.
  await first;
  await h.engine.workspace.whenWatching();
  await writeFile(path.join(h.workspaceDir, 'src', 'a.py'), 'two (from another editor)\n');
  await seen;

  const conflict = await h.api.call('workspace.save', { path: 'src/a.py', content: 'mine\n', baseVersion: r.version });
  expect(conflict).toMatchObject({ status: 'conflict', disk: { content: 'two (from another editor)\n' } });
  // The dirty buffer is journaled until it is saved.
  await h.api.call('workspace.journal', { path: 'src/a.py', content: 'mine\n', baseVersion: r.version });
  expect(await h.api.call('workspace.recovery', {})).toEqual([
    expect.objectContaining({ path: 'src/a.py', content: 'mine\n', diskChanged: true }),
  ]);
  const saved = await h.api.call('workspace.save', { path: 'src/a.py', content: 'mine\n', baseVersion: r.version, force: true });
  expect(saved.status).toBe('saved');
  expect(await h.api.call('workspace.recovery', {})).toEqual([]);
});

it('refuses paths outside the workspace with InvalidParams', async () => {
  h = await startHarness();
  await mkdir(h.workspaceDir, { recursive: true });
  await expect(h.api.call('workspace.read', { path: '../app/secrets.json' })).rejects.toMatchObject({ code: 'InvalidParams' });
  await expect(h.api.call('workspace.save', { path: '../evil.txt', content: 'x', baseVersion: null })).rejects.toMatchObject({
    code: 'InvalidParams',
  });
  await expect(h.api.call('workspace.journal', { path: '/etc/passwd', content: 'x' })).rejects.toMatchObject({ code: 'InvalidParams' });
});
