import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CaseResult, SuiteInfo } from '../../../../../src-shared/api/schemas/testing';
import { ApiProvider } from '../../../../../src-renderer/app-context';
import { CaseDetail } from '../../../../../src-renderer/features/testing/case-detail';
import { createLogStore } from '../../../../../src-renderer/store/log-store';
import { createWorkbenchStore } from '../../../../../src-renderer/store/workbench-store';
import { createFakeApi } from '../../helpers/fake-api';
import { serverSummary } from '../../helpers/fixtures';

const SUITE: SuiteInfo = {
  id: 'doubling.test.json',
  file: '/w/tests/doubling.test.json',
  name: 'doubling',
  server: 's',
  setupCount: 0,
  cases: [{ name: 'doubles 3', tool: 'double', arguments: { n: 3 }, expect: [{ status: 'ok' }] }],
  caseLines: [5],
};
const result = (status: CaseResult['status']): CaseResult => ({ suiteId: SUITE.id, caseIndex: 0, name: 'doubles 3', status, failures: [] });
const RUN = { runId: 'r1', state: 'running', startedAt: 1, total: 1, passed: 0, failed: 0, skipped: 0, results: [], problems: [] };

function renderCase(status: CaseResult['status']) {
  const fake = createFakeApi({ 'debug.start': async () => serverSummary('s', 'ready'), 'tests.run': async () => RUN });
  const workbench = createWorkbenchStore(fake.api);
  workbench.getState()._applyServerSnapshot([serverSummary('s', 'ready')]);
  render(
    <ApiProvider api={fake.api} stores={{ workbench, logs: createLogStore() }}>
      <CaseDetail suite={SUITE} index={0} result={result(status)} running={false} />
    </ApiProvider>,
  );
  return fake;
}

describe('a failed test case under the debugger', () => {
  it('starts its server under the debugger, then runs that one case again', async () => {
    const fake = renderCase('failed');
    fireEvent.click(screen.getByRole('button', { name: 'Run under the debugger' }));
    await waitFor(() => expect(fake.call).toHaveBeenCalledWith('tests.run', { cases: [{ suiteId: SUITE.id, caseIndex: 0 }] }));
    expect(fake.call.mock.calls.map((c) => c[0])).toEqual(['debug.start', 'tests.run']);
  });

  it('is offered only for a failed case', () => {
    renderCase('passed');
    expect(screen.queryByRole('button', { name: 'Run under the debugger' })).toBeNull();
  });
});
