import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../../../src-renderer/app-context';
import { InfoTab } from '../../../../../src-renderer/features/server-info/info-tab';
import { createLogStore } from '../../../../../src-renderer/store/log-store';
import { createWorkbenchStore } from '../../../../../src-renderer/store/workbench-store';
import type { ServerInfo } from '../../../../../src-shared/api/schemas/server';
import { createFakeApi } from '../../helpers/fake-api';
import { serverSummary } from '../../helpers/fixtures';

const ok = (method: string, durationMs = 1.5) => ({
  serverId: 's',
  method,
  startedAt: 1_700_000_000_000,
  durationMs,
  requestBytes: 40,
  status: 'ok',
  responseBytes: 30,
  result: {},
});

function setup(info: ServerInfo, lists: (wb: ReturnType<typeof createWorkbenchStore>) => void = () => {}) {
  const fake = createFakeApi({ 'servers.ping': () => ok('ping', 0.42), 'logging.setLevel': () => ok('logging/setLevel') });
  const workbench = createWorkbenchStore(fake.api);
  lists(workbench);
  const server = serverSummary('s', 'ready', { info, startedAt: 500 });
  workbench.getState()._applyServerSnapshot([server]);
  render(
    <ApiProvider api={fake.api} stores={{ workbench, logs: createLogStore() }}>
      <InfoTab server={server} />
    </ApiProvider>,
  );
  return fake;
}

describe('InfoTab', () => {
  it('shows name, title, version, protocol, instructions with their line breaks, and capabilities as a tree', () => {
    setup({
      name: 'mcp-servers/everything',
      title: 'Everything',
      version: '2.0.0',
      protocolVersion: '2025-11-25',
      instructions: 'Line one\n  indented <b>two</b>',
      capabilities: {
        tools: { listChanged: true },
        resources: { subscribe: true, listChanged: true },
        logging: {},
        tasks: { requests: { tools: { call: {} } } },
      },
    });
    expect(screen.getByText('mcp-servers/everything')).toBeTruthy();
    expect(screen.getByText('Everything')).toBeTruthy();
    expect(screen.getByText('2025-11-25')).toBeTruthy();
    const instructions = screen.getByLabelText('Server instructions');
    expect(instructions.tagName).toBe('PRE');
    expect(instructions.textContent).toBe('Line one\n  indented <b>two</b>');
    expect(instructions.querySelector('b')).toBeNull();
    const tree = screen.getByRole('list', { name: 'Capabilities' });
    const item = (name: string) => within(tree).getByText(name).closest('li')!;
    expect(item('Resources').textContent).toMatch(/subscribe yes — subscriptions to changes of a resource/);
    expect(item('Prompts').textContent).toContain('not offered');
    expect(item('Completions').textContent).toContain('not offered');
    expect(item('Tools').textContent).toContain('listChanged yes');
    expect(item('Tasks').textContent).toMatch(/requests.*tools.*call/);
  });

  it('shows the cache hints of each list (TTL, until when, scope)', () => {
    const listedAt = Date.UTC(2026, 6, 28, 12, 0, 0);
    setup({ name: 'x', version: '1', capabilities: { tools: {}, prompts: {} }, protocolVersion: '2026-07-28', era: 'stateless' }, (wb) => {
      wb.getState()._applyToolList({
        serverId: 's',
        tools: [],
        pages: 1,
        listedAt,
        cache: { ttlMs: 60_000, cacheScope: 'public', freshUntil: listedAt + 60_000 },
      });
      wb.getState()._applyPromptList({
        serverId: 's',
        prompts: [],
        pages: 1,
        listedAt,
        cache: { ttlMs: 0, cacheScope: 'private', freshUntil: listedAt },
      });
    });
    const hints = within(screen.getByLabelText('Cache hints'));
    expect(hints.getByText('tools/list').nextElementSibling!.textContent).toMatch(
      /fresh for 1m 00s \(until .*\) · public: may be shared across users/,
    );
    expect(hints.getByText('prompts/list').nextElementSibling!.textContent).toMatch(
      /stale at once \(ttlMs 0\).*private: for this sign-in only/,
    );
    expect(hints.queryByText('resources/list')).toBeNull();
  });

  it('says a server whose lists carry no cache hints sent none', () => {
    setup({ name: 'x', version: '1', capabilities: {} });
    expect(screen.getByText(/the server’s list results carry no cache hints/)).toBeTruthy();
  });

  it('Ping shows the round trip', async () => {
    const fake = setup({ name: 'x', version: '1', capabilities: {} });
    fireEvent.click(screen.getByRole('button', { name: 'Ping' }));
    await waitFor(() => expect(screen.getByLabelText('Ping result').textContent).toContain('answered in 0.42 ms'));
    expect(fake.call).toHaveBeenCalledWith('servers.ping', { serverId: 's' });
  });

  it('sets the log level on a server that declares logging', async () => {
    const fake = setup({ name: 'x', version: '1', capabilities: { logging: {} } });
    fireEvent.change(screen.getByLabelText('Minimum level the server sends'), { target: { value: 'debug' } });
    await waitFor(() => expect(screen.getByLabelText('Log level result').textContent).toContain('accepted “debug”'));
    expect(fake.call).toHaveBeenCalledWith('logging.setLevel', { serverId: 's', level: 'debug' });
  });

  it('explains why there is no log level for a server without logging, and can force it', async () => {
    const fake = setup({ name: 'x', version: '1', capabilities: { tools: {} } });
    expect(screen.getByText(/does not declare the/).textContent).toMatch(/FastMCP 2\.x does/);
    const select = screen.getByLabelText('Minimum level the server sends');
    expect(select.hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Send it anyway' }));
    fireEvent.change(select, { target: { value: 'error' } });
    await waitFor(() => expect(fake.call).toHaveBeenCalledWith('logging.setLevel', { serverId: 's', level: 'error', force: true }));
  });

  it('shows the era and how it was chosen, and says a 2026-07-28 server is checked with server/discover', () => {
    setup({
      name: 'm',
      version: '2',
      protocolVersion: '2026-07-28',
      era: 'stateless',
      eraReason: 'server/discover offers 2026-07-28',
      capabilities: {},
    });
    expect(screen.getByText('2026-07-28')).toBeTruthy();
    expect(screen.getByText(/stateless \(server\/discover, no handshake\)/).textContent).toContain('server/discover offers 2026-07-28');
    expect(screen.getByText(/has no ping: MCP Lab asks server\/discover/)).toBeTruthy();
  });

  it('names the initialize era with the probe answer that chose it', () => {
    setup({
      name: 'e',
      version: '1',
      protocolVersion: '2025-11-25',
      era: 'initialize',
      eraReason: 'server/discover answered -32601 Method not found',
      capabilities: {},
    });
    expect(screen.getByText(/initialize handshake/).textContent).toContain('-32601');
    expect(screen.queryByText(/has no ping/)).toBeNull();
  });
});

describe('InfoTab deprecation report', () => {
  it('lists each deprecated feature seen, with its removal date, replacement and evidence; Check again asks anew', async () => {
    let uses = [{ feature: 'sampling', evidence: ['it asked for sampling/createMessage during this run'] }];
    const fake = createFakeApi({ 'servers.deprecations': () => ({ serverId: 's', uses }) });
    const workbench = createWorkbenchStore(fake.api);
    const server = serverSummary('s', 'ready', { info: { name: 'x', version: '1', capabilities: {} }, startedAt: 500 });
    workbench.getState()._applyServerSnapshot([server]);
    render(
      <ApiProvider api={fake.api} stores={{ workbench, logs: createLogStore() }}>
        <InfoTab server={server} />
      </ApiProvider>,
    );
    const list = await screen.findByRole('list', { name: 'Deprecated features in use' });
    expect(list.textContent).toContain('Sampling (sampling/createMessage)');
    expect(list.textContent).toContain('2027-07-28');
    expect(list.textContent).toContain('call an LLM provider’s API directly');
    expect(list.textContent).toContain('Seen: it asked for sampling/createMessage during this run.');
    uses = [];
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await screen.findByText('Nothing deprecated seen so far.');
    expect(fake.call).toHaveBeenCalledWith('servers.deprecations', { serverId: 's' });
  });
});
