import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../../../../src-renderer/app-context';
import { SuitesPanel } from '../../../../../src-renderer/features/testing/suites-panel';
import { createLogStore } from '../../../../../src-renderer/store/log-store';
import { createWorkbenchStore } from '../../../../../src-renderer/store/workbench-store';
import { ApiError } from '../../../../../src-shared/api/errors';
import type { SuiteList, TestExportRequest } from '../../../../../src-shared/api/schemas/testing';
import { createFakeApi } from '../../helpers/fake-api';
import { serverSummary } from '../../helpers/fixtures';

const list: SuiteList = {
  dir: '/ws/.mcp-lab/tests',
  problems: [],
  suites: [
    {
      id: 'shop.test.json',
      file: '/ws/.mcp-lab/tests/shop.test.json',
      name: 'Shop',
      server: 's1',
      setupCount: 0,
      caseLines: [3],
      cases: [{ name: 'greets', tool: 'greet', expect: [] }],
    },
  ],
};

function setup(onWrite: (p: TestExportRequest) => void = () => {}) {
  const fake = createFakeApi({
    'tests.list': () => list,
    'tests.export': (params) => {
      const p = params as TestExportRequest;
      if (p.write) onWrite(p);
      const out = p.out ?? (p.format === 'pytest' ? 'shop/tests/test_mcp_lab_shop.py' : 'shop/test/mcp-lab-shop.test.ts');
      return {
        text: `# Exported by MCP Lab (${p.format})\n`,
        out,
        fileName: out.split('/').at(-1),
        written: p.write === true,
        warnings: p.format === 'vitest' ? ['case 1 "greets": a warning'] : [],
      };
    },
  });
  const workbench = createWorkbenchStore(fake.api);
  render(
    <ApiProvider api={fake.api} stores={{ workbench, logs: createLogStore() }}>
      <SuitesPanel server={serverSummary('s1')} />
    </ApiProvider>,
  );
  return fake;
}

const exportCalls = (fake: ReturnType<typeof createFakeApi>) =>
  fake.call.mock.calls.filter((c) => c[0] === 'tests.export').map((c) => c[1]);

afterEach(() => vi.restoreAllMocks());

describe('Export a suite from the Tests tab', () => {
  it('says the file is being prepared until it arrives, with no empty labelled preview', async () => {
    const fake = createFakeApi({ 'tests.list': () => list, 'tests.export': () => new Promise(() => {}) });
    render(
      <ApiProvider api={fake.api} stores={{ workbench: createWorkbenchStore(fake.api), logs: createLogStore() }}>
        <SuitesPanel server={serverSummary('s1')} />
      </ApiProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Export suite Shop as native tests' }));
    expect((await screen.findByText('Preparing the test file…')).getAttribute('role')).toBe('status');
    expect(screen.queryByLabelText('Exported test file')).toBeNull();
  });

  it('previews the file for the chosen runner and writes it inside the workspace where the exporter suggests', async () => {
    const writes: TestExportRequest[] = [];
    const fake = setup((p) => writes.push(p));
    fireEvent.click(await screen.findByRole('button', { name: 'Export suite Shop as native tests' }));
    expect((await screen.findByLabelText('Exported test file')).textContent).toBe('# Exported by MCP Lab (pytest)\n');
    expect(exportCalls(fake)).toEqual([{ suiteId: 'shop.test.json', format: 'pytest' }]);
    expect((screen.getByLabelText('File (in the workspace)') as HTMLInputElement).placeholder).toBe('shop/tests/test_mcp_lab_shop.py');

    fireEvent.click(screen.getByRole('radio', { name: 'vitest (TypeScript SDK)' }));
    await waitFor(() => expect(screen.getByLabelText('Exported test file').textContent).toBe('# Exported by MCP Lab (vitest)\n'));
    expect(screen.getByLabelText('What the export could not carry').textContent).toContain('a warning');

    fireEvent.click(screen.getByRole('button', { name: 'Write to workspace' }));
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Export written' }).textContent).toBe('Wrote shop/test/mcp-lab-shop.test.ts.'),
    );
    expect(writes).toEqual([
      { suiteId: 'shop.test.json', format: 'vitest', out: 'shop/test/mcp-lab-shop.test.ts', write: true, force: false },
    ]);
  });

  it('a file the export did not write is replaced only after "Replace it"', async () => {
    const writes: TestExportRequest[] = [];
    setup((p) => {
      writes.push(p);
      if (!p.force)
        throw new ApiError('Conflict', "shop/tests/test_server.py exists and was not written by MCP Lab's export, so it was left alone");
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Export suite Shop as native tests' }));
    fireEvent.change(await screen.findByLabelText('File (in the workspace)'), { target: { value: 'shop/tests/test_server.py' } });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Download test_server.py' })).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Write to workspace' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/was not written by MCP Lab's export, so it was left alone/);
    expect(screen.queryByRole('status', { name: 'Export written' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Replace it' }));
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Export written' }).textContent).toBe('Wrote shop/tests/test_server.py.'),
    );
    expect(writes.map((w) => [w.out, w.force])).toEqual([
      ['shop/tests/test_server.py', false],
      ['shop/tests/test_server.py', true],
    ]);
  });

  it('downloads the file (browser mode needs no file access)', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (created.push(b as Blob), 'blob:x'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Export suite Shop as native tests' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Download test_mcp_lab_shop.py' }));
    expect(click).toHaveBeenCalledTimes(1);
    expect(await created[0]!.text()).toBe('# Exported by MCP Lab (pytest)\n');
  });
});
