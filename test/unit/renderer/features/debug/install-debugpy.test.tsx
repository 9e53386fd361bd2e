import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../../../src-renderer/app-context';
import { ServerFailurePanel } from '../../../../../src-renderer/features/servers/server-failure-panel';
import { createLogStore } from '../../../../../src-renderer/store/log-store';
import { createWorkbenchStore } from '../../../../../src-renderer/store/workbench-store';
import { createFakeApi } from '../../helpers/fake-api';
import { serverSummary } from '../../helpers/fixtures';

const missing = serverSummary('py', 'stopped', {
  config: { id: 'py', name: 'Py', transport: 'stdio', command: '.venv/bin/python', args: ['server.py'], env: [] },
  status: {
    state: 'failed',
    since: 1,
    kind: 'debuggerMissing',
    message: "debugpy is not installed in this server's Python environment (.venv/bin/python)",
    hint: 'Install it there',
    stderrTail: [],
  },
});

function renderPanel() {
  const fake = createFakeApi({
    'debug.installDebugpy': async () => ({ installed: true, python: '.venv/bin/python', version: '1.8.22' }),
    'debug.start': async () => missing,
  });
  render(
    <ApiProvider api={fake.api} stores={{ workbench: createWorkbenchStore(fake.api), logs: createLogStore() }}>
      <ServerFailurePanel server={missing} />
    </ApiProvider>,
  );
  return fake;
}

describe('Install debugpy', () => {
  it('installs nothing until the person saw the command and confirmed; then installs and debugs again', async () => {
    const fake = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Install debugpy…' }));
    expect(fake.call).not.toHaveBeenCalled();
    expect(screen.getByRole('group', { name: 'Install debugpy' }).textContent).toContain('.venv/bin/python -m pip install debugpy==1.8.22');
    fireEvent.click(screen.getByRole('button', { name: 'Install and debug' }));
    await waitFor(() => expect(fake.call).toHaveBeenCalledWith('debug.start', { serverId: 'py' }));
    expect(fake.call.mock.calls.map((c) => c[0])).toEqual(['debug.installDebugpy', 'debug.start']);
  });

  it('Retry of a start under the debugger retries under the debugger', async () => {
    const fake = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(fake.call).toHaveBeenCalledWith('debug.start', { serverId: 'py' }));
  });
});
