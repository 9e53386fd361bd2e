import { useMemo, useState } from 'react';
import type { HistoryEntry } from '../../../src-shared/api/schemas/history';
import { useActions, useWorkbench } from '../../app-context';
import { formatClock, formatDuration, prettyJson } from '../../components/format';
import { OutcomeBadge } from '../../components/outcome-badge';
import { HISTORY_KIND_LABELS } from './history-labels';
import { comparableResult } from './history-result';
import { lineDiff, sideBySide } from './result-diff';
import { countOf } from '../../../src-shared/base/count-of';

/** The results of the two ticked requests, line by line: unified or side by side. */
export function HistoryDiff() {
  const ids = useWorkbench((s) => s.historyCompare);
  const a = useWorkbench((s) => (ids[0] ? s.historyDetails[ids[0]] : undefined));
  const b = useWorkbench((s) => (ids[1] ? s.historyDetails[ids[1]] : undefined));
  const errors = useWorkbench((s) =>
    ids
      .map((id) => s.historyDetailErrors[id])
      .filter(Boolean)
      .join('; '),
  );
  const { setHistoryView } = useActions();
  const [mode, setMode] = useState<'unified' | 'split'>('split');
  // Older on the left: a diff reads as "what changed since".
  const [left, right] = a && b && a.seq > b.seq ? [b, a] : [a, b];
  const lines = useMemo(
    () => (left && right ? lineDiff(prettyJson(comparableResult(left)), prettyJson(comparableResult(right))) : []),
    [left, right],
  );
  const rows = useMemo(() => (mode === 'split' ? sideBySide(lines) : []), [lines, mode]);

  if (errors) {
    return (
      <div className="args-problem error" role="alert">
        <strong>Cannot diff:</strong> {errors}
      </div>
    );
  }
  if (!left || !right) return <div className="loading">Loading both results…</div>;
  const removed = lines.filter((l) => l.op === 'removed').length;
  const added = lines.filter((l) => l.op === 'added').length;
  const n = (k: number) => countOf(k, 'line');
  return (
    <section className="call-history-diff" aria-label="Diff of two results">
      <header className="call-history-diff-head">
        <h3>Diff of two results</h3>
        <span className="segmented small" role="radiogroup" aria-label="Diff layout">
          <button type="button" role="radio" aria-checked={mode === 'split'} onClick={() => setMode('split')}>
            Side by side
          </button>
          <button type="button" role="radio" aria-checked={mode === 'unified'} onClick={() => setMode('unified')}>
            Unified
          </button>
        </span>
        <span className="header-spacer" />
        <button type="button" className="button small" onClick={() => setHistoryView('entry')}>
          Close diff
        </button>
      </header>
      <div className="call-history-diff-sides">
        <Side entry={left} mark="−" />
        <Side entry={right} mark="+" />
      </div>
      <p className="muted small" role="status">
        {removed + added === 0
          ? 'The two results are the same.'
          : `${n(removed)} only in the older result, ${n(added)} only in the newer one.`}
      </p>
      {mode === 'unified' ? (
        <pre className="call-history-diff-text" aria-label="Unified diff" tabIndex={0}>
          {lines.map((l, i) => (
            <span key={i} className={`diff-line diff-${l.op}`}>
              {l.op === 'added' ? '+ ' : l.op === 'removed' ? '- ' : '  '}
              {l.text}
              {'\n'}
            </span>
          ))}
        </pre>
      ) : (
        <div className="call-history-diff-split" role="table" aria-label="Side-by-side diff" tabIndex={0}>
          {rows.map((r, i) => (
            <div key={i} className="diff-row" role="row">
              <span role="cell" className={`diff-cell ${r.left ? `diff-${r.left.op}` : 'diff-blank'}`}>
                {r.left?.text ?? ''}
              </span>
              <span role="cell" className={`diff-cell ${r.right ? `diff-${r.right.op}` : 'diff-blank'}`}>
                {r.right?.text ?? ''}
              </span>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}

function Side({ entry, mark }: { entry: HistoryEntry; mark: string }) {
  return (
    <div className="call-history-diff-side">
      <span className="mono">{mark}</span> <OutcomeBadge status={entry.status} /> {HISTORY_KIND_LABELS[entry.kind]}{' '}
      <span className="mono">{entry.target}</span>
      <span className="muted small">
        {' '}
        {formatClock(entry.startedAt)} · {formatDuration(entry.durationMs)}
      </span>
      <div className="mono small muted call-history-preview">{entry.preview}</div>
    </div>
  );
}
