import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../../../src-renderer/app-context';
import { ServerHeader } from '../../../../../src-renderer/features/servers/server-header';
import { createLogStore } from '../../../../../src-renderer/store/log-store';
import { createWorkbenchStore } from '../../../../../src-renderer/store/workbench-store';
import type { ServerHealth } from '../../../../../src-shared/api/schemas/server';
import { createFakeApi } from '../../helpers/fake-api';
import { serverSummary } from '../../helpers/fixtures';

function renderHeader(health: ServerHealth | undefined) {
  const fake = createFakeApi({});
  const server = serverSummary('s', 'ready', health ? { health } : {});
  render(
    <ApiProvider api={fake.api} stores={{ workbench: createWorkbenchStore(fake.api), logs: createLogStore() }}>
      <ServerHeader server={server} />
    </ApiProvider>,
  );
}

describe('ServerHeader health', () => {
  it('a ready server that stopped answering pings says both, in one phrase, with how long', () => {
    const since = Date.now() - 12_400;
    renderHeader({
      state: 'unresponsive',
      lastPingAt: since + 5_000,
      lastLatencyMs: 2,
      consecutiveFailures: 3,
      message: 'no answer to ping within 5 s',
      unresponsiveSince: since,
    });
    expect(screen.getByText('ready')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/^but not answering pings for 1[23] s$/);
    expect(screen.queryByText('unresponsive')).toBeNull();
  });

  it('a ping answered again: no health badge at all', () => {
    renderHeader({ state: 'ok', lastPingAt: Date.now(), lastLatencyMs: 1, consecutiveFailures: 0 });
    expect(screen.queryByText(/not answering/)).toBeNull();
  });
});
