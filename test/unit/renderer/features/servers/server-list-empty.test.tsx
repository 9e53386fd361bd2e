import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../src-shared/api/errors';
import { ApiProvider } from '../../../../../src-renderer/app-context';
import { ServerList } from '../../../../../src-renderer/features/servers/server-list';
import { createLogStore } from '../../../../../src-renderer/store/log-store';
import { bindApiEvents } from '../../../../../src-renderer/store/sync/bind-api-events';
import { createWorkbenchStore } from '../../../../../src-renderer/store/workbench-store';
import { createFakeApi } from '../../helpers/fake-api';
import { serverSummary } from '../../helpers/fixtures';

function setup(addExample: (p: unknown) => unknown) {
  const fake = createFakeApi({
    'projects.addExample': addExample,
    'workspace.read': (p) => ({ path: (p as { path: string }).path, content: '// the example\n', version: 'v1' }),
    'app.info': () => new Promise(() => {}),
  });
  const workbench = createWorkbenchStore(fake.api);
  const logs = createLogStore();
  bindApiEvents(fake.api, workbench, logs);
  render(
    <ApiProvider api={fake.api} stores={{ workbench, logs }}>
      <ServerList />
    </ApiProvider>,
  );
  return { fake, workbench };
}

describe('the server list of an empty workspace', () => {
  it('offers each example server as its own button, adds it, selects it and opens its source in the editor', async () => {
    const { fake, workbench } = setup(() => ({
      dir: '/ws/example-fastmcp',
      files: ['server.py'],
      serverId: 'ex',
      source: 'example-fastmcp/server.py',
    }));
    expect(screen.queryByRole('group', { name: 'Add the example servers' })).toBeNull();
    act(() => fake.emit('servers.changed', []));
    const group = await screen.findByRole('group', { name: 'Add the example servers' });
    expect([...group.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['TypeScript example', 'FastMCP example']);

    fireEvent.click(screen.getByRole('button', { name: 'FastMCP example' }));
    await waitFor(() => expect(workbench.getState().activePath).toBe('example-fastmcp/server.py'));
    expect(fake.call).toHaveBeenCalledWith('projects.addExample', { template: 'fastmcp' });
    expect(workbench.getState().mainView).not.toBe('server');
    expect(workbench.getState().selectedServerId).toBe('ex');

    // Once the workspace has a server, the list shows it instead.
    act(() => fake.emit('servers.changed', [serverSummary('ex')]));
    expect(screen.queryByRole('group', { name: 'Add the example servers' })).toBeNull();
  });

  it('says why an example could not be added, and opens nothing', async () => {
    const { fake, workbench } = setup(() => {
      throw new ApiError(
        'Conflict',
        'the workspace already has example-typescript and example-typescript-2 … example-typescript-20: remove or rename one',
      );
    });
    act(() => fake.emit('servers.changed', []));
    fireEvent.click(await screen.findByRole('button', { name: 'TypeScript example' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/remove or rename one/);
    expect(workbench.getState().activePath).toBeNull();
    expect(screen.getByRole('button', { name: 'TypeScript example' })).not.toHaveProperty('disabled', true);
  });
});
