import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../../../src-renderer/app-context';
import { InfoTab } from '../../../../../src-renderer/features/server-info/info-tab';
import { createLogStore } from '../../../../../src-renderer/store/log-store';
import { createWorkbenchStore } from '../../../../../src-renderer/store/workbench-store';
import type { SurfaceVersion } from '../../../../../src-shared/api/schemas/surface';
import type { ToolInfo } from '../../../../../src-shared/api/schemas/tool';
import { buildSurface } from '../../../../../src-shared/surface/build-surface';
import { createFakeApi } from '../../helpers/fake-api';
import { serverSummary } from '../../helpers/fixtures';

const forecast = (required: string[], extra: Record<string, unknown> = {}): ToolInfo => ({
  name: 'forecast',
  inputSchema: { type: 'object', properties: { city: { type: 'string' }, days: { type: 'integer' }, ...extra }, required },
});

const version = (id: string, at: number, v: string, tools: ToolInfo[], trigger: SurfaceVersion['trigger'] = 'start'): SurfaceVersion => ({
  id,
  recordedAt: at,
  trigger,
  surface: buildSurface({
    info: { name: 'weather', version: v, capabilities: { tools: {} } },
    tools,
    resources: [],
    resourceTemplates: [],
    prompts: [],
  }),
});

function setup(versions: SurfaceVersion[]) {
  const fake = createFakeApi({ 'servers.deprecations': () => ({ serverId: 's', uses: [] }) });
  const workbench = createWorkbenchStore(fake.api);
  const server = serverSummary('s', 'ready', { info: { name: 'weather', version: '3', capabilities: { tools: {} } }, startedAt: 500 });
  workbench.getState()._applyServerSnapshot([server]);
  workbench.getState()._applySurfaceVersions('s', versions);
  render(
    <ApiProvider api={fake.api} stores={{ workbench, logs: createLogStore() }}>
      <InfoTab server={server} />
    </ApiProvider>,
  );
  return workbench;
}

describe('Info tab: surface changes', () => {
  it('shows the changes since the previous version, breaking first, and since any earlier one when picked', () => {
    setup([
      version('c', 3_000, '3.0.0', [forecast(['city', 'days'], { lang: { type: 'string' } })], 'reload'),
      version('b', 2_000, '2.0.0', [forecast(['city'], { lang: { type: 'string' } })]),
      version('a', 1_000, '1.0.0', [forecast(['city']), { name: 'alerts', inputSchema: { type: 'object' } }]),
    ]);
    expect(screen.getByLabelText('Surface change summary').textContent).toContain('1 breaking, 0 compatible.');
    const breaking = screen.getByRole('list', { name: 'Breaking changes' });
    expect(breaking.textContent).toBe('tool forecast input.days: parameter became required');

    fireEvent.change(screen.getByLabelText('Compare with the version of'), { target: { value: 'a' } });
    expect(screen.getByLabelText('Surface change summary').textContent).toContain('2 breaking, 1 compatible.');
    const items = within(screen.getByRole('list', { name: 'Breaking changes' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual(['tool alerts: tool removed', 'tool forecast input.days: parameter became required']);
    expect(screen.getByRole('list', { name: 'Compatible changes' }).textContent).toBe('tool forecast input.lang: optional parameter added');
  });

  it('says what it waits for with one version or none', () => {
    setup([version('a', 1_000, '1.0.0', [forecast(['city'])])]);
    expect(screen.getByText(/One version recorded/)).toBeTruthy();
  });

  it('follows the engine: a new version replaces the comparison', async () => {
    const wb = setup([version('b', 2_000, '2.0.0', [forecast(['city'])]), version('a', 1_000, '1.0.0', [forecast(['city'])])]);
    expect(screen.getByLabelText('Surface change summary').textContent).toContain('No changes.');
    act(() =>
      wb
        .getState()
        ._applySurfaceVersions('s', [
          version('c', 3_000, '3.0.0', []),
          version('b', 2_000, '2.0.0', [forecast(['city'])]),
          version('a', 1_000, '1.0.0', [forecast(['city'])]),
        ]),
    );
    await waitFor(() => expect(screen.getByLabelText('Surface change summary').textContent).toContain('1 breaking, 0 compatible.'));
  });
});
