import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { PendingClientRequest } from '../../../../../src-shared/api/schemas/client-request';
import { ApiError } from '../../../../../src-shared/api/errors';
import { ApiProvider } from '../../../../../src-renderer/app-context';
import { ClientRequestsHost } from '../../../../../src-renderer/features/client-requests/requests-dialog';
import { ServerList } from '../../../../../src-renderer/features/servers/server-list';
import { createLogStore } from '../../../../../src-renderer/store/log-store';
import { bindApiEvents } from '../../../../../src-renderer/store/sync/bind-api-events';
import { createWorkbenchStore } from '../../../../../src-renderer/store/workbench-store';
import { createFakeApi } from '../../helpers/fake-api';
import { serverSummary } from '../../helpers/fixtures';

const now = Date.now();
const form: PendingClientRequest = {
  id: 'r-form',
  serverId: 'a',
  kind: 'elicitation',
  method: 'elicitation/create',
  jsonRpcId: 3,
  receivedAt: now,
  expiresAt: now + 600_000,
  params: {
    message: 'Tell us about you',
    requestedSchema: {
      type: 'object',
      properties: {
        name: { type: 'string', title: 'Name' },
        color: {
          type: 'string',
          title: 'Colour',
          oneOf: [
            { const: 'r', title: 'Red' },
            { const: 'g', title: 'Green' },
          ],
          default: 'g',
        },
      },
      required: ['name'],
    },
  },
};
const sampling: PendingClientRequest = {
  ...form,
  id: 'r-sampling',
  kind: 'sampling',
  method: 'sampling/createMessage',
  params: {
    messages: [
      { role: 'user', content: { type: 'text', text: '<b>not html</b>' } },
      { role: 'user', content: { type: 'image', data: 'iVBORw0KGgo=', mimeType: 'image/png' } },
    ],
    systemPrompt: 'Be brief',
    maxTokens: 20,
    modelPreferences: { hints: [{ name: 'claude-3-haiku' }], costPriority: 0.5 },
    tools: [{ name: 'search', description: 'Searches', inputSchema: { type: 'object' } }],
    toolChoice: { mode: 'auto' },
  },
};

function setup(respond: (p: unknown) => unknown = () => ({ requestId: 'x', serverId: 'a', kind: 'elicitation', action: 'accept' })) {
  const fake = createFakeApi({ 'requests.respond': respond, 'app.info': () => new Promise(() => {}) });
  const workbench = createWorkbenchStore(fake.api);
  const logs = createLogStore();
  bindApiEvents(fake.api, workbench, logs);
  act(() => fake.emit('servers.changed', [serverSummary('a'), serverSummary('b')]));
  render(
    <ApiProvider api={fake.api} stores={{ workbench, logs }}>
      <ServerList />
      <ClientRequestsHost />
    </ApiProvider>,
  );
  return { fake, workbench };
}

describe('Requests from the server', () => {
  it('says when a 2026-07-28 server asked inside an input_required answer, and that the request is sent again', () => {
    const { fake } = setup();
    const params = {
      message: 'Your name?',
      requestedSchema: { type: 'object', properties: { name: { type: 'string', minLength: 1 } }, required: ['name'] },
    };
    act(() =>
      fake.emit('requests.pending', [
        { ...form, params, jsonRpcId: '4/name', inputRequired: { method: 'tools/call', key: 'name', round: 1 } },
      ]),
    );
    expect(screen.getByText('at least 1 character')).toBeTruthy();
    const meta = document.querySelector('.request-meta')!.textContent!;
    expect(meta).toContain('asks elicitation/create “name” in its input_required answer to tools/call (round 1)');
    expect(meta).toContain('MCP Lab sends tools/call again with your answer');
    expect(meta).not.toContain('keeps running');
  });

  it('opens for a pending form, refuses to send what breaks the schema, then sends the values', async () => {
    const { fake } = setup();
    act(() => fake.emit('requests.pending', [form]));
    expect(screen.getByRole('heading', { name: 'The server asks for information' })).toBeTruthy();
    expect(screen.getByText('Tell us about you')).toBeTruthy();
    expect((screen.getByLabelText(/^Colour/) as HTMLSelectElement).value).toBe('g');

    fireEvent.click(screen.getByRole('button', { name: /^Accept/ }));
    await screen.findByText('is required');
    expect(fake.call.mock.calls.filter((c) => c[0] === 'requests.respond')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText(/^Name/), { target: { value: 'Ada' } });
    fireEvent.click(screen.getByRole('button', { name: /^Accept/ }));
    await waitFor(() =>
      expect(fake.call).toHaveBeenCalledWith('requests.respond', {
        requestId: 'r-form',
        response: { action: 'accept', content: { name: 'Ada', color: 'g' } },
      }),
    );
  });

  it('shows the engine refusing an answer, and says when the server withdrew the request on screen', async () => {
    const { fake } = setup(() => {
      throw new ApiError('InvalidParams', 'the answer does not match the form the server asked for: name: is required');
    });
    act(() => fake.emit('requests.pending', [form]));
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    expect((await screen.findByRole('alert')).textContent).toContain('does not match the form');

    act(() => {
      fake.emit('requests.ended', {
        id: 'r-form',
        serverId: 'a',
        kind: 'elicitation',
        reason: 'withdrawn',
        detail: 'timed out on the server',
        endedAt: now,
      });
      fake.emit('requests.pending', []);
    });
    expect(screen.getByText('The server withdrew this request.')).toBeTruthy();
    expect(screen.getByText('Its reason: timed out on the server')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Close/ }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows a sampling request as text (tools, hints) and sends the reply with Ctrl+Enter; Escape rejects', async () => {
    const { fake } = setup(() => ({ requestId: 'r-sampling', serverId: 'a', kind: 'sampling', action: 'reply' }));
    act(() => fake.emit('requests.pending', [sampling]));
    expect(screen.getByText('<b>not html</b>')).toBeTruthy();
    expect(screen.getByText('Be brief')).toBeTruthy();
    expect(screen.getByText('search')).toBeTruthy();
    expect(document.querySelector('b')).toBeNull();
    expect(screen.getByAltText('Image in message 2').getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    fireEvent.click(screen.getByRole('button', { name: 'claude-3-haiku' }));
    const reply = screen.getByLabelText('Reply (assistant message)');
    fireEvent.change(reply, { target: { value: 'Short.' } });
    fireEvent.keyDown(reply, { key: 'Enter', ctrlKey: true, metaKey: true });
    await waitFor(() =>
      expect(fake.call).toHaveBeenCalledWith('requests.respond', {
        requestId: 'r-sampling',
        response: { action: 'reply', content: { type: 'text', text: 'Short.' }, model: 'claude-3-haiku', stopReason: 'endTurn' },
      }),
    );
    // The buttons (and Escape) are disabled while the reply is on its way: wait until it has been answered.
    await waitFor(() => expect(document.querySelector('[data-escape-action]')?.hasAttribute('disabled')).toBe(false));
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    await waitFor(() =>
      expect(fake.call).toHaveBeenCalledWith('requests.respond', { requestId: 'r-sampling', response: { action: 'reject' } }),
    );
  });

  it('a request of a server that is not selected waits behind a badge and a pill', () => {
    const { fake, workbench } = setup();
    act(() => fake.emit('requests.pending', [{ ...form, serverId: 'b' }]));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('1 waiting')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Go to Server b' }));
    expect(workbench.getState().selectedServerId).toBe('b');
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(screen.queryByText('1 waiting')).toBeNull();
  });

  it('URL mode: the link is text, opened only for http(s) and only after confirming', () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const { fake } = setup();
    act(() =>
      fake.emit('requests.pending', [
        { ...form, id: 'u', params: { mode: 'url', message: 'Sign in', url: 'https://auth.example.com/x?y=1', elicitationId: 'e1' } },
      ]),
    );
    expect(screen.getByText('https://auth.example.com/x?y=1')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open in browser…' }));
    expect(open).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect(open).toHaveBeenCalledWith('https://auth.example.com/x?y=1', '_blank', 'noopener,noreferrer');

    act(() =>
      fake.emit('requests.pending', [
        { ...form, id: 'v', params: { mode: 'url', message: 'Run', url: 'javascript:alert(1)', elicitationId: 'e2' } },
      ]),
    );
    expect(screen.queryByRole('button', { name: 'Open in browser…' })).toBeNull();
    expect(screen.getByText('MCP Lab opens only http and https links; this one is "javascript:".')).toBeTruthy();
    open.mockRestore();
  });
});
