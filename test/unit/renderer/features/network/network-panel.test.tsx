import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../../../../src-renderer/app-context';
import { NetworkPanel } from '../../../../../src-renderer/features/network/network-panel';
import { createLogStore } from '../../../../../src-renderer/store/log-store';
import { createWorkbenchStore } from '../../../../../src-renderer/store/workbench-store';
import type { NetworkEntry } from '../../../../../src-shared/api/schemas/network';
import type { ServerSummary } from '../../../../../src-shared/api/schemas/server';
import { createFakeApi } from '../../helpers/fake-api';
import { serverSummary } from '../../helpers/fixtures';

const URL_ = 'http://127.0.0.1:9/mcp';
const entry = (
  id: number,
  method: string,
  url: string,
  status: number | undefined,
  rpc?: string,
  extra: Partial<NetworkEntry> = {},
): NetworkEntry => ({
  id,
  seq: id,
  startedAt: 1_700_000_000_000 + id,
  durationMs: 3,
  method,
  url,
  requestHeaders: [['authorization', '‹masked · 20 chars · #abc123›']],
  ...(rpc ? { requestBody: { text: JSON.stringify({ jsonrpc: '2.0', id, method: rpc }), size: 40, truncated: false } } : {}),
  ...(status !== undefined
    ? { status, responseHeaders: [['content-type', 'application/json']], responseBody: { text: '{}', size: 2, truncated: false } }
    : {}),
  ...extra,
});

function setup() {
  const fake = createFakeApi({ 'network.clear': () => ({ cleared: true }) });
  const workbench = createWorkbenchStore(fake.api);
  const server = {
    ...serverSummary('r'),
    config: { id: 'r', name: 'Remote', transport: 'http', url: URL_, headers: [] },
  } as unknown as ServerSummary;
  workbench
    .getState()
    ._applyNetwork('r', [
      entry(1, 'POST', URL_, 200, 'initialize'),
      entry(2, 'GET', 'http://127.0.0.1:9/.well-known/oauth-protected-resource', 404),
      entry(3, 'POST', URL_, 200, 'tools/call'),
      entry(4, 'POST', 'http://127.0.0.1:9/token', undefined, undefined, { error: 'connect ECONNREFUSED' }),
    ]);
  render(
    <ApiProvider api={fake.api} stores={{ workbench, logs: createLogStore() }}>
      <NetworkPanel server={server} />
    </ApiProvider>,
  );
  return { fake, workbench };
}

const rows = () => within(screen.getByRole('list', { name: 'HTTP requests' })).queryAllByRole('listitem');

describe('NetworkPanel', () => {
  it('lists every request with method, URL, status and time; masked headers stay masked', () => {
    setup();
    expect(rows()).toHaveLength(4);
    expect(rows()[1]!.textContent).toContain('GET');
    expect(rows()[1]!.textContent).toContain('/.well-known/oauth-protected-resource');
    expect(rows()[1]!.textContent).toContain('404');
    expect(rows()[3]!.textContent).toContain('no answer');
    expect(screen.getByLabelText('Network summary').textContent).toContain('4 of 4 requests');
    expect(rows()[0]!.textContent).toContain('‹masked · 20 chars · #abc123›');
  });

  it('filters by text (also the JSON-RPC method), by MCP endpoint and by failure', () => {
    setup();
    fireEvent.change(screen.getByLabelText('Filter requests'), { target: { value: 'tools/call' } });
    expect(rows()).toHaveLength(1);
    fireEvent.change(screen.getByLabelText('Filter requests'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Which requests'), { target: { value: 'mcp' } });
    expect(rows()).toHaveLength(2);
    fireEvent.change(screen.getByLabelText('Which requests'), { target: { value: 'failed' } });
    expect(rows().map((r) => r.textContent)).toEqual([expect.stringContaining('404'), expect.stringContaining('no answer')]);
  });

  it('exports what is shown as HAR 1.2, and Clear asks the engine', async () => {
    const { fake, workbench } = setup();
    let saved: Blob | undefined;
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => ((saved = b as Blob), 'blob:x'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    fireEvent.change(screen.getByLabelText('Which requests'), { target: { value: 'mcp' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export HAR' }));
    expect(create).toHaveBeenCalled();
    const har = JSON.parse(await saved!.text());
    expect(har.log.version).toBe('1.2');
    expect(har.log.entries.map((e: { request: { url: string } }) => e.request.url)).toEqual([URL_, URL_]);
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    await vi.waitFor(() => expect(workbench.getState().network.r).toBeUndefined());
    expect(fake.call).toHaveBeenCalledWith('network.clear', { serverId: 'r' });
  });

  it('shows an event stream’s events under its request (time since the request, type, id, size, data), and updates as more arrive', () => {
    const { workbench } = setup();
    const stream = (events: NonNullable<NetworkEntry['sseEvents']>, ended?: number): NetworkEntry =>
      entry(5, 'POST', URL_, 200, 'subscriptions/listen', {
        responseHeaders: [['content-type', 'text/event-stream']],
        responseBody: { text: '', size: 300, truncated: false, stream: true },
        sseEvents: events,
        ...(ended !== undefined ? { streamEndedAt: ended } : {}),
      });
    const t0 = 1_700_000_000_005;
    act(() =>
      workbench.getState()._applyNetwork('r', [
        stream([
          {
            at: t0 + 12,
            id: '41',
            event: 'message',
            size: 90,
            data: '{"method":"notifications/subscriptions/acknowledged"}',
            truncated: false,
          },
        ]),
      ]),
    );
    expect(screen.getByText(/Event stream, still open: 1 event,/)).toBeTruthy();
    const events = within(screen.getByRole('list', { name: 'Events' }));
    expect(events.getAllByRole('listitem')).toHaveLength(1);
    expect(events.getByText(/\+12 ms · message · id 41 · 90 B/)).toBeTruthy();
    expect(events.getByText(/subscriptions\/acknowledged/)).toBeTruthy();
    act(() =>
      workbench.getState()._applyNetwork('r', [
        stream(
          [
            { at: t0 + 12, id: '41', event: 'message', size: 90, data: '{}', truncated: false },
            { at: t0 + 40, event: 'message', size: 70, data: '{"method":"notifications/tools/list_changed"}', truncated: false },
          ],
          t0 + 50,
        ),
      ]),
    );
    expect(screen.getByText(/Event stream, ended after 50 ms: 2 events,/)).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Events' })).getAllByRole('listitem')).toHaveLength(2);
  });
});
