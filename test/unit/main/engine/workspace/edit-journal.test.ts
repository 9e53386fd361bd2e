import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { EditJournal } from '../../../../../src-main/engine/workspace/edit-journal';
import { WorkspaceFiles } from '../../../../../src-main/engine/workspace/workspace-files';
import { systemClock } from '../../../../../src-main/engine/base/clock';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-journal-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

it('keeps dirty buffers across a "crash" and offers them on the next open', async () => {
  const ws = path.join(root, 'ws');
  const app = path.join(root, 'app');
  await writeFile(path.join(root, 'placeholder'), '');
  const files = new WorkspaceFiles(root);
  await writeFile(path.join(root, 'a.py'), 'base\n');
  const base = (await files.read('a.py')).version;

  const j1 = await EditJournal.open(ws, app, systemClock, 10);
  j1.update('a.py', 'unsaved edit\n', base);
  j1.update('b.py', 'a new file never saved\n', null);
  await j1.flush();
  expect(await readFile(j1.file, 'utf8')).toContain('unsaved edit');
  // No dispose, no clean shutdown: the next window opens the journal file.
  const j2 = await EditJournal.open(ws, app, systemClock, 10);
  const rec = await j2.recovery((p) => files.current(p));
  expect(rec.map((e) => [e.path, e.content, e.diskChanged])).toEqual([
    ['a.py', 'unsaved edit\n', false],
    ['b.py', 'a new file never saved\n', false],
  ]);
});

it('drops entries the disk already holds and flags those whose file changed since', async () => {
  const app = path.join(root, 'app');
  const files = new WorkspaceFiles(root);
  await writeFile(path.join(root, 'a.py'), 'base\n');
  await writeFile(path.join(root, 'c.py'), 'c base\n');
  const a = (await files.read('a.py')).version;
  const c = (await files.read('c.py')).version;
  const j = await EditJournal.open(root, app, systemClock, 10);
  j.update('a.py', 'saved in the end\n', a);
  j.update('c.py', 'mine\n', c);
  await writeFile(path.join(root, 'a.py'), 'saved in the end\n');
  await writeFile(path.join(root, 'c.py'), 'theirs\n');
  const rec = await j.recovery((p) => files.current(p));
  expect(rec).toEqual([expect.objectContaining({ path: 'c.py', content: 'mine\n', diskChanged: true })]);
  j.update('c.py', null, null);
  await j.flush();
  expect(await (await EditJournal.open(root, app, systemClock, 10)).recovery((p) => files.current(p))).toEqual([]);
});
