import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../../../src-renderer/app-context';
import { ResultView } from '../../../../../src-renderer/features/console/result-view';
import { OpenResourceProvider } from '../../../../../src-renderer/features/resources/open-resource-context';
import { ResourcesTab } from '../../../../../src-renderer/features/resources/resources-tab';
import { createLogStore } from '../../../../../src-renderer/store/log-store';
import { createWorkbenchStore } from '../../../../../src-renderer/store/workbench-store';
import { createFakeApi } from '../../helpers/fake-api';
import { outcome, serverSummary } from '../../helpers/fixtures';

const base = { serverId: 's', startedAt: 1_000, durationMs: 2, requestBytes: 40 };
const TEMPLATE = 'notes://{folder}/{id}{?q}';

function setup(caps: Record<string, unknown> = { resources: { subscribe: true }, completions: {} }, readFails = () => false) {
  let reads = 0;
  const fake = createFakeApi({
    'resources.read': (p) => {
      const { uri } = p as { uri: string };
      reads++;
      if (readFails()) throw new Error('the connection to the server is closed');
      return {
        ...base,
        startedAt: 1_000 + reads,
        method: 'resources/read',
        status: 'ok',
        responseBytes: 60,
        result: { contents: [{ uri, mimeType: 'text/plain', text: `contents of ${uri} #${reads}` }] },
      };
    },
    'resources.subscribe': () => ({ ...base, method: 'resources/subscribe', status: 'ok', responseBytes: 30, result: {} }),
    'completion.complete': (p) => {
      const { argument } = p as { argument: { name: string; value: string } };
      return {
        ...base,
        method: 'completion/complete',
        status: 'ok',
        responseBytes: 30,
        result: { values: ['n1', 'n2', 'n3'].filter((v) => v.startsWith(argument.value)) },
      };
    },
    'resources.expandTemplate': (p) => {
      const v = (p as { variables: Record<string, string> }).variables;
      return { uri: `notes://${v.folder ?? ''}/${v.id ?? ''}${v.q ? `?q=${v.q}` : ''}` };
    },
  });
  const workbench = createWorkbenchStore(fake.api);
  const server = serverSummary('s', 'ready', { info: { name: 'srv', version: '1', capabilities: caps } });
  workbench.getState()._applyServerSnapshot([server]);
  workbench.getState()._applyResourceList({
    serverId: 's',
    resources: [
      {
        uri: 'notes://inbox/n1',
        name: 'n1',
        title: 'First note',
        mimeType: 'text/plain',
        size: 2048,
        annotations: { audience: ['user'], priority: 0.5 },
      },
    ],
    resourceTemplates: [{ uriTemplate: TEMPLATE, name: 'note', title: 'Note by folder and id' }],
    pages: 1,
    templatePages: 1,
    listedAt: 1,
    subscriptions: [],
  });
  const ui = (
    <ApiProvider api={fake.api} stores={{ workbench, logs: createLogStore() }}>
      <OpenResourceProvider serverId="s">
        <ResourcesTab server={server} />
      </OpenResourceProvider>
    </ApiProvider>
  );
  const view = render(ui);
  const calls = (m: string) => fake.call.mock.calls.filter((c) => c[0] === m).map((c) => c[1]);
  return { fake, workbench, calls, view };
}

describe('ResourcesTab', () => {
  it('lists resources with URI, MIME type, size and annotations, and reads one in one click', async () => {
    const { calls } = setup();
    const item = within(screen.getByRole('list', { name: 'Resources' })).getByRole('button', { name: /First note/ });
    expect(item.textContent).toContain('notes://inbox/n1');
    expect(item.textContent).toContain('2.0 KiB');
    expect(item.textContent).toContain('for user');
    expect(item.textContent).toContain('priority 0.5');
    fireEvent.click(item);
    await waitFor(() => expect(screen.getByLabelText('Resource text').textContent).toBe('contents of notes://inbox/n1 #1'));
    expect(calls('resources.read')).toEqual([{ serverId: 's', uri: 'notes://inbox/n1' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Re-read' }));
    await waitFor(() => expect(screen.getByLabelText('Resource text').textContent).toBe('contents of notes://inbox/n1 #2'));
  });

  it('subscribes, marks a live update with a dot and the time, and re-reads by itself when asked to', async () => {
    const { calls, workbench } = setup();
    fireEvent.click(within(screen.getByRole('list', { name: 'Resources' })).getByRole('button', { name: /First note/ }));
    await waitFor(() => expect(screen.getByLabelText('Resource text')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Subscribe' }));
    await waitFor(() => expect(calls('resources.subscribe')).toEqual([{ serverId: 's', uri: 'notes://inbox/n1' }]));
    // The engine's snapshot brings the subscription back.
    act(() =>
      workbench.getState()._applyResourceList({ ...workbench.getState().resourcesByServer.s!, subscriptions: ['notes://inbox/n1'] }),
    );
    expect(screen.getByRole('button', { name: 'Subscribed' }).getAttribute('aria-pressed')).toBe('true');

    act(() => workbench.getState()._noteResourceUpdate({ serverId: 's', uri: 'notes://inbox/n1', at: 5_000 }));
    expect(screen.getByText(/Changed on the server at/)).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Resources' }).querySelector('.update-dot')).toBeTruthy();
    expect(calls('resources.read')).toHaveLength(1);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Auto re-read on change' }));
    act(() => workbench.getState()._noteResourceUpdate({ serverId: 's', uri: 'notes://inbox/n1', at: 6_000 }));
    await waitFor(() => expect(calls('resources.read')).toHaveLength(2));
  });

  it('auto re-read reads once per change: a failed read is not retried until the server reports another change', async () => {
    let down = false;
    const { calls, workbench } = setup(undefined, () => down);
    fireEvent.click(within(screen.getByRole('list', { name: 'Resources' })).getByRole('button', { name: /First note/ }));
    await waitFor(() => expect(screen.getByLabelText('Resource text')).toBeTruthy());
    act(() =>
      workbench.getState()._applyResourceList({ ...workbench.getState().resourcesByServer.s!, subscriptions: ['notes://inbox/n1'] }),
    );
    fireEvent.click(screen.getByRole('checkbox', { name: 'Auto re-read on change' }));

    down = true;
    act(() => workbench.getState()._noteResourceUpdate({ serverId: 's', uri: 'notes://inbox/n1', at: 9_000 }));
    await waitFor(() => expect(calls('resources.read')).toHaveLength(2));
    await waitFor(() => expect(screen.getByText(/connection to the server is closed/)).toBeTruthy());
    // Let every pending render and effect run: no further read may start on its own.
    await act(async () => {
      for (let i = 0; i < 20; i++) await Promise.resolve();
    });
    expect(calls('resources.read')).toHaveLength(2);

    down = false;
    act(() => workbench.getState()._noteResourceUpdate({ serverId: 's', uri: 'notes://inbox/n1', at: 9_500 }));
    await waitFor(() => expect(calls('resources.read')).toHaveLength(3));
    await act(async () => {
      for (let i = 0; i < 20; i++) await Promise.resolve();
    });
    // The successful read's start time (from the fake) is older than the change: still one read.
    expect(calls('resources.read')).toHaveLength(3);
  });

  it('a template gets one field per variable, completions with the filled values as context, a URI preview from the engine, and Read', async () => {
    const { calls } = setup();
    fireEvent.click(
      within(screen.getByRole('list', { name: 'Resource templates' })).getByRole('button', { name: /Note by folder and id/ }),
    );
    const form = screen.getByRole('form', { name: 'Template variables' });
    expect(
      within(form)
        .getAllByRole('combobox')
        .map((i) => i.id),
    ).toEqual(['tpl-s-note-folder', 'tpl-s-note-id', 'tpl-s-note-q']);
    expect(screen.getByRole('button', { name: 'Read' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByText(/Fill “folder”, “id” to read/)).toBeTruthy();

    fireEvent.change(form.querySelector('#tpl-s-note-folder')!, { target: { value: 'work' } });
    const id = form.querySelector<HTMLInputElement>('#tpl-s-note-id')!;
    fireEvent.focus(id);
    fireEvent.change(id, { target: { value: 'n' } });
    await waitFor(() => expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['n1', 'n2', 'n3']));
    expect(calls('completion.complete').at(-1)).toEqual({
      serverId: 's',
      ref: { type: 'ref/resource', uri: TEMPLATE },
      argument: { name: 'id', value: 'n' },
      context: { arguments: { folder: 'work' } },
    });
    fireEvent.keyDown(id, { key: 'ArrowDown' });
    fireEvent.keyDown(id, { key: 'ArrowDown' });
    fireEvent.keyDown(id, { key: 'Enter' });
    expect(id.value).toBe('n2');
    await waitFor(() => expect(screen.getByLabelText('Expanded URI').textContent).toBe('notes://work/n2'));
    fireEvent.click(screen.getByRole('button', { name: 'Read' }));
    await waitFor(() => expect(screen.getByLabelText('Resource text').textContent).toBe('contents of notes://work/n2 #1'));
    expect(calls('resources.read')).toEqual([{ serverId: 's', uri: 'notes://work/n2' }]);
  });

  it('without advertised completions the fields are plain inputs and no completion is asked for', () => {
    const { calls } = setup({ resources: {} });
    fireEvent.click(within(screen.getByRole('list', { name: 'Resource templates' })).getByRole('button', { name: /Note by folder/ }));
    expect(screen.queryAllByRole('combobox')).toHaveLength(0);
    fireEvent.focus(document.querySelector('#tpl-s-note-id')!);
    expect(calls('completion.complete')).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Subscribe' })).toBeNull();
  });
});

describe('resource_link in a tool result', () => {
  it('"Open" switches to the Resources tab and reads the linked URI', async () => {
    const fake = createFakeApi({
      'resources.read': (p) => ({
        ...base,
        method: 'resources/read',
        status: 'ok',
        responseBytes: 10,
        result: { contents: [{ uri: (p as { uri: string }).uri, text: 'x' }] },
      }),
    });
    const workbench = createWorkbenchStore(fake.api);
    const tool = outcome('ok', {
      serverId: 's',
      result: { content: [{ type: 'resource_link', uri: 'demo://resource/dynamic/text/2', name: 'Text Resource 2' }] },
    });
    render(
      <ApiProvider api={fake.api} stores={{ workbench, logs: createLogStore() }}>
        <OpenResourceProvider serverId="s">
          <ResultView outcome={tool} />
        </OpenResourceProvider>
      </ApiProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: /Read this resource in the Resources tab: demo:\/\/resource\/dynamic\/text\/2/ }));
    expect(workbench.getState().activeTab).toBe('resources');
    expect(workbench.getState().resourceSelection.s).toEqual({ kind: 'resource', uri: 'demo://resource/dynamic/text/2' });
    await waitFor(() =>
      expect(fake.call).toHaveBeenCalledWith('resources.read', { serverId: 's', uri: 'demo://resource/dynamic/text/2' }, expect.anything()),
    );
  });
});
