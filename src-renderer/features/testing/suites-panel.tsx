import { useEffect, useState } from 'react';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import type { SuiteInfo } from '../../../src-shared/api/schemas/testing';
import { useActions, useWorkbench } from '../../app-context';
import { EmptyState } from '../../components/empty-state';
import { testingSelectors } from '../../store/slices/testing-slice';
import { CaseDetail } from './case-detail';
import { ExportSuiteDialog } from './export-suite-dialog';
import { StatusIcon } from './status-icon';

/** Saved suites of the workspace: run all, a suite or a case, watch them pass or fail, read the diffs. */
export function SuitesPanel({ server }: { server: ServerSummary }) {
  const suites = useWorkbench((s) => s.suites);
  const suitesError = useWorkbench((s) => s.suitesError);
  const run = useWorkbench((s) => s.testRun);
  const selected = useWorkbench((s) => s.selectedCase);
  const selectedResult = useWorkbench(testingSelectors.caseResult(selected));
  const { loadSuites, runTests, stopTests, selectCase } = useActions();
  const [exporting, setExporting] = useState<SuiteInfo | null>(null);

  useEffect(() => void loadSuites(), [loadSuites]);
  // A finished run may have written snapshots or been started elsewhere: refresh the list.
  useEffect(() => {
    if (run?.state !== 'running') void loadSuites();
  }, [run?.state, loadSuites]);

  // After a run, show the first failure when nothing is selected: that is what a person looks for.
  useEffect(() => {
    if (!run || run.state === 'running' || selected) return;
    const failed = run.results.find((r) => r.status === 'failed');
    if (failed) selectCase({ suiteId: failed.suiteId, caseIndex: failed.caseIndex });
  }, [run, selected, selectCase]);

  const running = run?.state === 'running';
  const resultOf = (suiteId: string, caseIndex: number) => run?.results.find((r) => r.suiteId === suiteId && r.caseIndex === caseIndex);
  const list = suites?.suites ?? [];
  const ordered = [...list.filter((s) => s.server === server.config.id), ...list.filter((s) => s.server !== server.config.id)];
  const selectedSuite = selected ? list.find((s) => s.id === selected.suiteId) : undefined;
  const finished = run ? run.passed + run.failed + run.skipped : 0;

  if (suites && list.length === 0 && suites.problems.length === 0) {
    return (
      <EmptyState title="No saved tests yet">
        <p>
          Call a tool in the Tools tab, then press <strong>Save as test</strong> in its result. Tests are saved as plain JSON in{' '}
          <code>{suites.dir}</code>, ready for git and for <code>mcp-lab test</code> in CI.
        </p>
      </EmptyState>
    );
  }

  return (
    <div className="suites-layout">
      <div className="suites-side">
        <div className="suites-toolbar" role="toolbar" aria-label="Test runs">
          <button type="button" className="button primary small" disabled={running || list.length === 0} onClick={() => void runTests({})}>
            Run all
          </button>
          <button
            type="button"
            className="button small"
            disabled={running || !run || run.failed === 0}
            onClick={() => run && void runTests({ rerunFailedOf: run.runId })}
          >
            Re-run failed
          </button>
          {running ? (
            <button type="button" className="button small danger-outline" onClick={() => void stopTests()}>
              Stop
            </button>
          ) : null}
          <span className="header-spacer" />
          <button
            type="button"
            className="icon-button"
            aria-label="Reload suites from disk"
            title="Reload suites from disk"
            onClick={() => void loadSuites()}
          >
            ⟳
          </button>
        </div>
        {run ? (
          <div className="test-progress" role="status" aria-label="Test run progress">
            <progress max={Math.max(1, run.total)} value={finished} />
            <span>
              <span className="test-count-passed">{run.passed} passed</span>, <span className="test-count-failed">{run.failed} failed</span>
              {run.skipped ? `, ${run.skipped} skipped` : ''}{' '}
              {running ? `(${finished} of ${run.total})` : run.state === 'stopped' ? '(stopped)' : ''}
            </span>
          </div>
        ) : null}
        {suitesError ? (
          <div className="args-problem error" role="alert">
            Could not read the suites: {suitesError}
          </div>
        ) : null}
        {suites?.problems.length ? (
          <div className="args-problem error" role="alert" aria-label="Suite file problems">
            <strong>Suite files with problems (not run):</strong>
            <ul>
              {suites.problems.map((p, i) => (
                <li key={i}>
                  <code>
                    {p.file.split('/').slice(-1)[0]}:{p.line}:{p.column}
                  </code>{' '}
                  {p.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="suite-list" role="tree" aria-label="Test suites">
          {ordered.map((suite) => (
            <div key={suite.id} className="suite" role="treeitem" aria-expanded="true" aria-selected="false" aria-label={suite.name}>
              <div className="suite-head">
                <span className="suite-name">{suite.name}</span>
                <span className="muted small">{typeof suite.server === 'string' ? suite.server : suite.server.command}</span>
                <span className="header-spacer" />
                <button
                  type="button"
                  className="button small"
                  onClick={() => setExporting(suite)}
                  aria-label={`Export suite ${suite.name} as native tests`}
                  title="Export as a pytest or vitest file"
                >
                  Export…
                </button>
                <button
                  type="button"
                  className="button small"
                  disabled={running}
                  onClick={() => void runTests({ suiteIds: [suite.id] })}
                  aria-label={`Run suite ${suite.name}`}
                >
                  Run
                </button>
              </div>
              <ul className="case-list" role="group">
                {suite.cases.map((c, i) => {
                  const r = resultOf(suite.id, i);
                  const isSel = selected?.suiteId === suite.id && selected.caseIndex === i;
                  return (
                    <li key={i} role="treeitem" aria-selected={isSel}>
                      <button
                        type="button"
                        className={`case-item ${isSel ? 'selected' : ''}`}
                        onClick={() => selectCase({ suiteId: suite.id, caseIndex: i })}
                      >
                        <StatusIcon status={r?.status ?? 'pending'} />
                        <span className="case-name">{c.name}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </div>
      </div>
      {exporting ? <ExportSuiteDialog suite={exporting} onClose={() => setExporting(null)} /> : null}
      <div className="suites-main">
        {selectedSuite && selected ? (
          <CaseDetail
            key={`${selected.suiteId}#${selected.caseIndex}`}
            suite={selectedSuite}
            index={selected.caseIndex}
            result={selectedResult}
            running={running}
          />
        ) : (
          <EmptyState title="Pick a case">
            Select a case to see what it sends, what it checks and, after a run, the diff of what failed.
          </EmptyState>
        )}
      </div>
    </div>
  );
}
