import { describe, expect, it, vi } from 'vitest';
import { bindApiEvents } from '../../../../src-renderer/store/sync/bind-api-events';
import { createLogStore } from '../../../../src-renderer/store/log-store';
import { createWorkbenchStore } from '../../../../src-renderer/store/workbench-store';
import { isDirty } from '../../../../src-renderer/store/slices/build-slice';
import { createFakeApi } from '../helpers/fake-api';

const v1 = { mtimeMs: 1, size: 4, hash: 'h1' };
const v2 = { mtimeMs: 2, size: 6, hash: 'h2' };

function setup(saveOutcome: unknown) {
  let disk = { content: 'one\n', version: v1 };
  const fake = createFakeApi({
    'workspace.read': async () => ({ path: 'a.py', ...disk }),
    'workspace.save': vi.fn(async () => saveOutcome),
    'workspace.journal': async () => ({ journaled: true }),
  });
  const wb = createWorkbenchStore(fake.api);
  return { wb, fake, setDisk: (d: typeof disk) => (disk = d) };
}

describe('editor buffers', () => {
  it('a save that meets a changed disk keeps the buffer dirty and opens the conflict dialog', async () => {
    const { wb, fake } = setup({ status: 'conflict', path: 'a.py', disk: { content: 'theirs\n', version: v2 } });
    await wb.getState().openFile('a.py');
    wb.getState().editBuffer('a.py', 'mine\n');
    expect(await wb.getState().saveFile('a.py')).toBe('conflict');
    expect(fake.call).toHaveBeenCalledWith('workspace.save', { path: 'a.py', content: 'mine\n', baseVersion: v1, force: false });
    expect(isDirty(wb.getState().tabs['a.py'])).toBe(true);
    expect(wb.getState().dialog).toEqual({ kind: 'fileConflict', path: 'a.py' });
    // "Take theirs" replaces the buffer with the disk and makes it clean.
    await wb.getState().resolveConflict('a.py', 'theirs');
    expect(wb.getState().tabs['a.py']).toMatchObject({ content: 'theirs\n', savedContent: 'theirs\n', baseVersion: v2 });
  });

  it('a failed save says why and leaves the buffer dirty', async () => {
    const { wb } = setup({ status: 'failed', path: 'a.py', message: 'Could not save a.py: the disk is full.' });
    await wb.getState().openFile('a.py');
    wb.getState().editBuffer('a.py', 'mine\n');
    expect(await wb.getState().saveFile('a.py')).toBe('failed');
    expect(wb.getState().tabs['a.py']).toMatchObject({ content: 'mine\n', saveError: 'Could not save a.py: the disk is full.' });
    expect(isDirty(wb.getState().tabs['a.py'])).toBe(true);
    expect(wb.getState().notices.at(-1)?.text).toMatch(/disk is full/);
  });

  it('a clean buffer follows the disk; a dirty one keeps its edits and is flagged', async () => {
    const { wb, fake, setDisk } = setup({ status: 'saved' });
    bindApiEvents(fake.api, wb, createLogStore());
    await wb.getState().openFile('a.py');
    setDisk({ content: 'two\n', version: v2 });
    fake.emit('workspace.fileChanged', { changes: [{ path: 'a.py', kind: 'changed' }] });
    await vi.waitFor(() => expect(wb.getState().tabs['a.py']?.content).toBe('two\n'));
    wb.getState().editBuffer('a.py', 'mine\n');
    setDisk({ content: 'three\n', version: { ...v2, hash: 'h3' } });
    fake.emit('workspace.fileChanged', { changes: [{ path: 'a.py', kind: 'changed' }] });
    await vi.waitFor(() => expect(wb.getState().tabs['a.py']?.diskChanged).toBe(true));
    expect(wb.getState().tabs['a.py']?.content).toBe('mine\n');
  });
});
