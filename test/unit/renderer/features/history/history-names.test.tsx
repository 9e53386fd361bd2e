import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../../../src-renderer/app-context';
import { HistoryList } from '../../../../../src-renderer/features/history/history-list';
import { createLogStore } from '../../../../../src-renderer/store/log-store';
import { createWorkbenchStore } from '../../../../../src-renderer/store/workbench-store';
import type { HistorySummary } from '../../../../../src-shared/api/schemas/history';
import { createFakeApi } from '../../helpers/fake-api';

describe('History list', () => {
  it('shows a server name with a right-to-left override as visible code points, isolated from the row', () => {
    const fake = createFakeApi({});
    const workbench = createWorkbenchStore(fake.api);
    const entry = {
      id: 'h1',
      seq: 1,
      serverId: 's',
      serverName: 'invoice\u202Etxt.exe',
      kind: 'tool',
      method: 'tools/call',
      target: 'greet',
      status: 'ok',
      startedAt: 1_000,
      durationMs: 2,
      requestBytes: 10,
      preview: '{}',
      origin: 'ui',
    } as unknown as HistorySummary;
    workbench.setState({ historyEntries: [entry] });
    render(
      <ApiProvider api={fake.api} stores={{ workbench, logs: createLogStore() }}>
        <HistoryList showServer />
      </ApiProvider>,
    );
    const list = screen.getByRole('list', { name: 'Request history' });
    expect(list.textContent).toContain('invoice⟨U+202E⟩txt.exe');
    expect(list.textContent).not.toMatch(/\u202e/);
    expect(list.querySelector('bdi[dir="auto"]')).toBeTruthy();
  });
});
