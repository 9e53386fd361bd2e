import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ToolInfo } from '../../../../../src-shared/api/schemas/tool';
import { ApiProvider } from '../../../../../src-renderer/app-context';
import { CallConsole } from '../../../../../src-renderer/features/console/call-console';
import { createLogStore } from '../../../../../src-renderer/store/log-store';
import { createWorkbenchStore } from '../../../../../src-renderer/store/workbench-store';
import { createFakeApi } from '../../helpers/fake-api';
import { outcome, serverSummary } from '../../helpers/fixtures';

const greet: ToolInfo = {
  name: 'greet',
  title: 'Greet someone',
  description: 'Greets a person.\nSecond line.',
  inputSchema: {
    type: 'object',
    properties: { name: { type: 'string', minLength: 1 }, style: { type: 'string', enum: ['formal', 'casual'], default: 'casual' } },
    required: ['name'],
    $schema: 'http://json-schema.org/draft-07/schema#',
  },
  annotations: { readOnlyHint: true },
};

function setup() {
  const fake = createFakeApi({
    'tools.call': (p) => ({
      ...outcome('ok', { result: { content: [{ type: 'text', text: 'Hi Ada' }] } }),
      callId: (p as { callId: string }).callId,
    }),
  });
  const workbench = createWorkbenchStore(fake.api);
  const server = serverSummary('s');
  workbench.getState()._applyServerSnapshot([server]);
  render(
    <ApiProvider api={fake.api} stores={{ workbench, logs: createLogStore() }}>
      <CallConsole server={server} tool={greet} />
    </ApiProvider>,
  );
  return { fake, workbench };
}

describe('CallConsole', () => {
  it('calls with the form arguments (defaults included) and shows the result', async () => {
    const { fake } = setup();
    expect(screen.getByText('Send anyway')).toBeTruthy(); // "name" is required and empty
    fireEvent.change(document.querySelector('#s-greet_name')!, { target: { value: 'Ada' } });
    fireEvent.click(screen.getByRole('button', { name: 'Call' }));
    await waitFor(() => expect(screen.getByText('Hi Ada')).toBeTruthy());
    expect(fake.call.mock.calls[0]![1]).toMatchObject({ arguments: { name: 'Ada', style: 'casual' }, timeoutMs: 60_000 });
  });

  it('JSON mode: malformed JSON disables Call and says why; schema-invalid JSON can be sent anyway', async () => {
    const { fake } = setup();
    fireEvent.click(screen.getByRole('radio', { name: 'JSON' }));
    const editor = await screen.findByTestId('monaco-mock');
    fireEvent.change(editor, { target: { value: '{ "name": ' } });
    expect(screen.getByText(/Malformed JSON/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Call' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('radio', { name: 'Form' }) as HTMLButtonElement).disabled).toBe(true);
    act(() => {
      fireEvent.keyDown(window, { key: 'Enter', ctrlKey: true, metaKey: true });
    });
    expect(fake.call).not.toHaveBeenCalled();

    fireEvent.change(editor, { target: { value: '{ "name": 42 }' } });
    expect(screen.getByText(/Does not match the tool's input schema/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send anyway' }));
    await waitFor(() => expect(fake.call).toHaveBeenCalledTimes(1));
    expect(fake.call.mock.calls[0]![1]).toMatchObject({ arguments: { name: 42 } });
  });
});
