import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DebugState } from '../../../../../src-shared/api/schemas/debug';
import { ApiProvider } from '../../../../../src-renderer/app-context';
import { DebugPanel } from '../../../../../src-renderer/features/debug/debug-panel';
import { createLogStore } from '../../../../../src-renderer/store/log-store';
import { createWorkbenchStore } from '../../../../../src-renderer/store/workbench-store';
import { createFakeApi } from '../../helpers/fake-api';

const pausedAt = (line: number, since: number): DebugState => ({
  serverId: 's',
  state: 'paused',
  language: 'python',
  paused: { threadId: 1, reason: 'breakpoint', location: { path: '/w/server.py', relPath: 'server.py', line }, since },
});

function renderPanel() {
  let n = 0;
  const fake = createFakeApi({
    'debug.stackTrace': async () => [{ id: 7, name: 'double', location: { path: '/w/server.py', line: 11 } }],
    'debug.scopes': async () => [],
    'debug.evaluate': async (p) => {
      const { expression } = p as { expression: string };
      if (expression === 'nope') throw new Error("NameError: name 'nope' is not defined");
      return { result: `${expression}#${++n}`, variablesReference: 0 };
    },
  });
  const workbench = createWorkbenchStore(fake.api);
  workbench.getState()._applyDebugState('s', pausedAt(11, 1));
  render(
    <ApiProvider api={fake.api} stores={{ workbench, logs: createLogStore() }}>
      <DebugPanel />
    </ApiProvider>,
  );
  return { fake, workbench };
}

const evaluations = (fake: ReturnType<typeof createFakeApi>) =>
  fake.call.mock.calls.filter((c) => c[0] === 'debug.evaluate').map((c) => c[1]);

describe('watch expressions', () => {
  it('are evaluated in the selected frame when added and again at every pause, and show what failed', async () => {
    const { fake, workbench } = renderPanel();
    const add = screen.getByRole('textbox', { name: 'Add a watch expression' });
    fireEvent.change(add, { target: { value: 'n * 2' } });
    fireEvent.submit(add);
    fireEvent.change(add, { target: { value: 'nope' } });
    fireEvent.submit(add);
    const list = screen.getByRole('list', { name: 'Watch' });
    await waitFor(() => expect(list.textContent).toContain('n * 2 = n * 2#1'));
    await waitFor(() => expect(list.textContent).toContain("NameError: name 'nope' is not defined"));
    expect(evaluations(fake)).toContainEqual({ serverId: 's', expression: 'n * 2', frameId: 7 });

    // It runs on and stops again: the watches are evaluated afresh.
    act(() => workbench.getState()._applyDebugState('s', { serverId: 's', state: 'running', language: 'python' }));
    act(() => workbench.getState()._applyDebugState('s', pausedAt(12, 2)));
    const again = await screen.findByRole('list', { name: 'Watch' });
    await waitFor(() => expect(again.textContent).toMatch(/n \* 2 = n \* 2#[2-9]/));
    expect(evaluations(fake).filter((e) => (e as { expression: string }).expression === 'n * 2').length).toBeGreaterThanOrEqual(2);
  });

  it('are kept per server, and one can be removed', async () => {
    const { workbench } = renderPanel();
    const add = screen.getByRole('textbox', { name: 'Add a watch expression' });
    fireEvent.change(add, { target: { value: 'n' } });
    fireEvent.submit(add);
    fireEvent.change(add, { target: { value: 'n' } });
    fireEvent.submit(add);
    expect(workbench.getState().watchesByServer).toEqual({ s: ['n'] });
    fireEvent.click(within(screen.getByRole('list', { name: 'Watch' })).getByRole('button', { name: 'Remove watch n' }));
    expect(workbench.getState().watchesByServer).toEqual({ s: [] });
  });
});
