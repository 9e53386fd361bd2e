import { beforeEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../../src-shared/api/contract';
import { createWorkbenchStore, type WorkbenchStore } from '../../../../src-renderer/store/workbench-store';
import { readRememberedView, rememberView, viewMemoryKey } from '../../../../src-renderer/store/view-memory';
import { createFakeApi } from '../helpers/fake-api';
import { serverSummary } from '../helpers/fixtures';

const version = { mtimeMs: 1, size: 1, hash: 'h' };
const DISK: Record<string, string> = { 'server.py': 'print(1)\n', 'notes.md': '# notes\n' };

/** A window of `dir`, as after a reload: servers `a` and `b`, then the app info, as they arrive from the engine. */
function openWindow(dir: string): WorkbenchStore {
  const fake = createFakeApi({
    'workspace.read': async (p) => {
      const path = (p as { path: string }).path;
      if (!(path in DISK)) throw new Error(`${path}: no such file`);
      return { path, content: DISK[path], version };
    },
  });
  const wb = createWorkbenchStore(fake.api);
  rememberView(wb, localStorage);
  wb.getState()._applyServerSnapshot([serverSummary('a'), serverSummary('b')]);
  wb.getState()._setAppInfo({ workspaceDir: dir } as AppInfo);
  return wb;
}

beforeEach(() => localStorage.clear());

describe('the view a reload brings back', () => {
  it('restores the selected server, the tab and the side-by-side view of the same workspace only', async () => {
    const first = openWindow('/ws/one');
    expect(first.getState().selectedServerId).toBe('a');
    first.getState().selectServer('b');
    first.getState().setActiveTab('logs');
    first.getState().setMainView('split');

    const again = openWindow('/ws/one');
    expect(again.getState()).toMatchObject({ selectedServerId: 'b', activeTab: 'logs', mainView: 'split' });
    const other = openWindow('/ws/two');
    expect(other.getState()).toMatchObject({ selectedServerId: 'a', activeTab: 'tools', mainView: 'server' });
  });

  it('reopens the files of the editor and shows it again; a file deleted since is left out', async () => {
    const first = openWindow('/ws/one');
    await first.getState().openFile('notes.md');
    await first.getState().openFile('server.py');
    expect(first.getState().mainView).toBe('editor');
    const saved = JSON.parse(localStorage.getItem(viewMemoryKey('/ws/one'))!) as { files: string[] };
    localStorage.setItem(viewMemoryKey('/ws/one'), JSON.stringify({ ...saved, files: ['gone.py', ...saved.files] }));

    const again = openWindow('/ws/one');
    await expect.poll(() => again.getState().mainView).toBe('editor');
    expect(again.getState()).toMatchObject({ tabOrder: ['notes.md', 'server.py'], activePath: 'server.py' });
    expect(again.getState().notices).toEqual([]);
  });

  it('writes nothing before the remembered view is restored, so a fresh window does not erase it', () => {
    localStorage.setItem(viewMemoryKey('/ws/one'), JSON.stringify({ serverId: 'b', mainView: 'server', tab: 'history', files: [] }));
    const wb = createWorkbenchStore(createFakeApi().api);
    rememberView(wb, localStorage);
    wb.getState().setActiveTab('dashboard'); // the default state moving before the servers arrived
    expect(readRememberedView(localStorage, '/ws/one')?.tab).toBe('history');
  });

  it('ignores what it cannot read and a server that is gone', () => {
    localStorage.setItem(viewMemoryKey('/ws/one'), '{not json');
    expect(readRememberedView(localStorage, '/ws/one')).toBeNull();
    localStorage.setItem(viewMemoryKey('/ws/one'), JSON.stringify({ serverId: 'removed', mainView: 'sideways', tab: 'nope' }));
    expect(openWindow('/ws/one').getState()).toMatchObject({ selectedServerId: 'a', activeTab: 'tools', mainView: 'server' });
  });
});
