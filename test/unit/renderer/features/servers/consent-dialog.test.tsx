import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../../../src-renderer/app-context';
import { DialogHost } from '../../../../../src-renderer/features/servers/dialog-host';
import { createLogStore } from '../../../../../src-renderer/store/log-store';
import { createWorkbenchStore } from '../../../../../src-renderer/store/workbench-store';
import { createFakeApi } from '../../helpers/fake-api';
import { serverSummary } from '../../helpers/fixtures';

/** A server whose command came with the workspace: nothing runs before the person reviewed it. */
function setup() {
  const unreviewed = serverSummary('py', 'stopped', { consent: { fingerprint: 'f1', warnings: [] } });
  const fake = createFakeApi({
    'servers.approve': async () => undefined,
    'servers.start': async () => serverSummary('py', 'ready'),
    'debug.start': async () => serverSummary('py', 'ready'),
  });
  const wb = createWorkbenchStore(fake.api);
  wb.getState()._applyServerSnapshot([unreviewed]);
  render(
    <ApiProvider api={fake.api} stores={{ workbench: wb, logs: createLogStore() }}>
      <DialogHost />
    </ApiProvider>,
  );
  return { fake, wb, methods: () => fake.call.mock.calls.map((c) => c[0]) };
}

describe('Review before it runs', () => {
  it('after Debug, allowing the command starts it under the debugger, as asked', async () => {
    const { wb, fake, methods } = setup();
    await wb.getState().debugServer('py');
    expect(methods()).toEqual([]);
    fireEvent.click(await screen.findByRole('button', { name: 'Allow and debug' }));
    await waitFor(() => expect(methods()).toEqual(['servers.approve', 'debug.start']));
    expect(fake.call).toHaveBeenCalledWith('debug.start', { serverId: 'py' });
  });

  it('after Start, allowing it starts it without the debugger', async () => {
    const { wb, methods } = setup();
    await wb.getState().startServer('py');
    fireEvent.click(await screen.findByRole('button', { name: 'Allow and start' }));
    await waitFor(() => expect(methods()).toEqual(['servers.approve', 'servers.start']));
  });
});
