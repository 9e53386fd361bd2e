import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../../../src-renderer/app-context';
import { NOTICE_INFO_MS, Notices } from '../../../../src-renderer/components/notices';
import { createLogStore } from '../../../../src-renderer/store/log-store';
import { createWorkbenchStore } from '../../../../src-renderer/store/workbench-store';
import { createFakeApi } from '../helpers/fake-api';

function setup() {
  const fake = createFakeApi({});
  const workbench = createWorkbenchStore(fake.api);
  render(
    <ApiProvider api={fake.api} stores={{ workbench, logs: createLogStore() }}>
      <Notices />
    </ApiProvider>,
  );
  const push = (kind: 'info' | 'error', text: string) => act(() => workbench.getState().pushNotice(kind, text));
  return { push };
}

describe('Notices', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('information closes by itself, not while the pointer rests on it; an error stays until dismissed', () => {
    const { push } = setup();
    push('info', 'Saved');
    push('error', 'The engine refused to start it');
    act(() => vi.advanceTimersByTime(NOTICE_INFO_MS + 1));
    expect(screen.queryByText('Saved')).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('The engine refused to start it');

    push('info', 'Copied');
    fireEvent.mouseEnter(screen.getByText('Copied').parentElement!);
    act(() => vi.advanceTimersByTime(NOTICE_INFO_MS * 3));
    expect(screen.getByText('Copied')).toBeTruthy();
    fireEvent.mouseLeave(screen.getByText('Copied').parentElement!);
    act(() => vi.advanceTimersByTime(NOTICE_INFO_MS + 1));
    expect(screen.queryByText('Copied')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Dismiss message' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows at most three, the newest ones', () => {
    const { push } = setup();
    for (const n of [1, 2, 3, 4, 5]) push('error', `failure ${n}`);
    expect(screen.getAllByRole('alert').map((a) => a.textContent?.replace('✕', ''))).toEqual(['failure 3', 'failure 4', 'failure 5']);
  });
});
