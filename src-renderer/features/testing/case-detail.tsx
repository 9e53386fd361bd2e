import { useState } from 'react';
import type { CaseResult, SuiteInfo } from '../../../src-shared/api/schemas/testing';
import { useActions, useWorkbench } from '../../app-context';
import { JsonView } from '../../components/json-view';
import { formatDuration } from '../../components/format';
import { CaseEditorDialog } from './case-editor-dialog';
import { FailureView } from './failure-view';
import { StatusIcon } from './status-icon';

/** The selected case: what it sends and checks, and what its last run said (with the failing diffs). */
export function CaseDetail({
  suite,
  index,
  result,
  running,
}: {
  suite: SuiteInfo;
  index: number;
  result: CaseResult | undefined;
  running: boolean;
}) {
  const c = suite.cases[index];
  const { runTests, acceptSnapshot, deleteCase, ensureUnderDebugger } = useActions();
  // A suite that names a configured server can run its case under that server's debugger.
  const serverId = typeof suite.server === 'string' ? suite.server : undefined;
  const debuggable = useWorkbench((s) => (serverId ? s.serversById[serverId]?.config.transport === 'stdio' : false));
  const [editing, setEditing] = useState(false);
  if (!c) return null;
  const ref = { suiteId: suite.id, caseIndex: index };
  const target = c.tool !== undefined ? `tool ${c.tool}` : c.resource !== undefined ? `resource ${c.resource}` : `prompt ${c.prompt}`;
  return (
    <section className="case-detail" aria-label="Test case">
      <header className="case-detail-head">
        <h3>
          {result ? <StatusIcon status={result.status} /> : null} {c.name}
        </h3>
        <span className="header-spacer" />
        <button type="button" className="button small" disabled={running} onClick={() => void runTests({ cases: [ref] })}>
          Run case
        </button>
        {serverId && debuggable && result?.status === 'failed' ? (
          <button
            type="button"
            className="button small"
            disabled={running}
            title="Run this case again with its server under the debugger (started or restarted under it first when it is not): its breakpoints pause the call"
            onClick={() => void ensureUnderDebugger(serverId).then((ok) => (ok ? runTests({ cases: [ref] }) : undefined))}
          >
            Run under the debugger
          </button>
        ) : null}
        <button type="button" className="button small" onClick={() => setEditing(true)}>
          Edit
        </button>
        <button type="button" className="button small danger-outline" onClick={() => void deleteCase(ref)}>
          Delete
        </button>
      </header>
      <p className="muted small">
        {target} · {suite.id}, line {suite.caseLines[index] ?? '?'}
        {c.skip ? ' · skipped (skip: true)' : ''}
      </p>
      {result && result.status !== 'pending' ? (
        <div className={`case-result case-result-${result.status}`} role="status" aria-label="Case result">
          <p className="case-result-line">
            <strong>
              {result.status === 'passed'
                ? 'Passed'
                : result.status === 'failed'
                  ? 'Failed'
                  : result.status === 'skipped'
                    ? 'Skipped'
                    : 'Running…'}
            </strong>
            {result.outcomeStatus ? ` · answered ${result.outcomeStatus}` : ''}
            {result.durationMs !== undefined ? ` in ${formatDuration(result.durationMs)}` : ''}
          </p>
          {result.error ? <p className="case-error">{result.error}</p> : null}
          {result.failures.map((f, i) => (
            <FailureView key={i} failure={f} />
          ))}
          {result.snapshot?.state === 'mismatched' ? (
            <button type="button" className="button small warning" onClick={() => void acceptSnapshot(ref)}>
              Accept new snapshot
            </button>
          ) : result.snapshot?.state === 'written' ? (
            <p className="muted small">Snapshot "{result.snapshot.key}" recorded; later runs compare against it.</p>
          ) : null}
        </div>
      ) : (
        <p className="muted small">Not run yet in this session.</p>
      )}
      <h4>Sends</h4>
      <JsonView value={c.arguments ?? {}} label="Case arguments" />
      <h4>Checks</h4>
      <JsonView value={c.expect.length ? c.expect : [{ status: 'ok' }]} label="Case assertions" />
      {editing ? <CaseEditorDialog suite={suite} index={index} onClose={() => setEditing(false)} /> : null}
    </section>
  );
}
