import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../../../src-renderer/app-context';
import { PastSessionDialog } from '../../../../../src-renderer/features/sessions/past-session-dialog';
import { createLogStore } from '../../../../../src-renderer/store/log-store';
import { createWorkbenchStore } from '../../../../../src-renderer/store/workbench-store';
import type { SessionFile } from '../../../../../src-shared/api/schemas/session-file';
import { buildSurface } from '../../../../../src-shared/surface/build-surface';
import { createFakeApi } from '../../helpers/fake-api';

const session: SessionFile = {
  format: 'mcp-lab/session',
  formatVersion: 1,
  exportedAt: Date.UTC(2026, 11, 7, 12),
  appVersion: '0.1.0',
  server: {
    name: 'Weather',
    config: { transport: 'stdio', command: 'uv', env: [{ key: 'API_KEY', secret: true, value: '•••' }] },
    info: { name: 'weather', version: '1.1.0', protocolVersion: '2025-11-25', capabilities: {} },
    state: 'ready',
  },
  surface: buildSurface({
    info: { name: 'weather', version: '1.1.0', capabilities: {} },
    tools: [{ name: 'forecast', description: 'The weather', inputSchema: { type: 'object' } }],
    resources: [],
    resourceTemplates: [],
    prompts: [],
  }),
  log: [{ seq: 1, ts: 1000, serverId: 'weather', source: 'stderr', level: 'info', text: 'key=•••' }],
  history: [],
  loadRuns: [],
  network: [],
};

function setup() {
  const fake = createFakeApi({});
  render(
    <ApiProvider api={fake.api} stores={{ workbench: createWorkbenchStore(fake.api), logs: createLogStore() }}>
      <PastSessionDialog onClose={() => {}} />
    </ApiProvider>,
  );
  return fake;
}

const pick = (name: string, text: string) =>
  fireEvent.change(screen.getByLabelText('Session file'), { target: { files: [new File([text], name, { type: 'application/json' })] } });

describe('PastSessionDialog', () => {
  it('shows an exported session read-only, clearly not live, and asks the engine nothing', async () => {
    const fake = setup();
    pick('weather.mcplab-session.json', JSON.stringify(session));
    const banner = await screen.findByText(/Past session, read-only — not a live server/);
    expect(banner.textContent).toContain('the server was ready then');
    expect(within(screen.getByRole('list', { name: 'Past tools' })).getByText('forecast')).toBeTruthy();
    expect(screen.getByText(/key=•••/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Start|Call|Restart/ })).toBeNull();
    expect(fake.call).not.toHaveBeenCalled();
  });

  it('says what is wrong with a file that is not a session', async () => {
    setup();
    pick('mcp.json', '{"mcpServers": {}}');
    await waitFor(() => expect(screen.getByText(/mcp.json: not an MCP Lab session file/)).toBeTruthy());
    pick('broken.json', '{');
    await waitFor(() => expect(screen.getByText(/broken.json: not JSON/)).toBeTruthy());
  });
});
