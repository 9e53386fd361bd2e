import { useEffect, useState } from 'react';
import { HISTORY_KINDS, type HistoryKind } from '../../../src-shared/api/schemas/history';
import { useActions, useWorkbench } from '../../app-context';
import { formatBytes } from '../../components/format';
import type { HistoryStatusFilter } from '../../store/slices/history-slice';
import { STATUS_LABELS } from '../../components/outcome-badge';
import { HISTORY_KIND_LABELS } from './history-labels';
import { safeName } from '../../components/server-name';

const STATUSES: HistoryStatusFilter[] = ['all', 'failed', 'ok', 'toolError', 'protocolError', 'timeout', 'cancelled', 'crashed'];

/** Whose history, which kinds and statuses, a text search; the counts; diff and clear. */
export function HistoryToolbar({ serverId, serverName }: { serverId: string; serverName: string }) {
  const filter = useWorkbench((s) => s.historyFilter);
  const counts = useWorkbench((s) => s.historyCounts);
  const shown = useWorkbench((s) => s.historyEntries.length);
  const compare = useWorkbench((s) => s.historyCompare.length);
  const view = useWorkbench((s) => s.historyView);
  const { setHistoryFilter, setHistoryView, clearHistory } = useActions();
  const [text, setText] = useState(filter.text);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    if (text === filter.text) return;
    const t = setTimeout(() => setHistoryFilter({ text }), 250);
    return () => clearTimeout(t);
  }, [text, filter.text, setHistoryFilter]);

  const clearScope = filter.scope === 'server' ? serverId : undefined;
  return (
    <div className="call-history-head">
      <div className="call-history-toolbar" role="toolbar" aria-label="History filters">
        <span className="segmented small" role="radiogroup" aria-label="Whose history">
          <button type="button" role="radio" aria-checked={filter.scope === 'server'} onClick={() => setHistoryFilter({ scope: 'server' })}>
            This server
          </button>
          <button type="button" role="radio" aria-checked={filter.scope === 'all'} onClick={() => setHistoryFilter({ scope: 'all' })}>
            All servers
          </button>
        </span>
        <input
          type="search"
          className="input call-history-search"
          placeholder="Search tools, arguments, results…"
          aria-label="Search history"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <select
          className="input"
          aria-label="Kind of request"
          value={filter.kind}
          onChange={(e) => setHistoryFilter({ kind: e.target.value as HistoryKind | 'all' })}
        >
          <option value="all">Every kind</option>
          {HISTORY_KINDS.map((k) => (
            <option key={k} value={k}>
              {HISTORY_KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <select
          className="input"
          aria-label="Status"
          value={filter.status}
          onChange={(e) => setHistoryFilter({ status: e.target.value as HistoryStatusFilter })}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s === 'all' ? 'Any status' : s === 'failed' ? 'Not OK' : STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="call-history-counts">
        {counts ? (
          <span
            className="muted small"
            title={`The newest ${counts.maxEntries.toLocaleString()} requests within ${formatBytes(counts.maxBytes)} are kept per workspace; older ones fall out and are counted.`}
          >
            {shown < counts.matched ? `${shown} of ${counts.matched} shown` : `${counts.matched} shown`} · {counts.kept.toLocaleString()}{' '}
            kept
            {counts.dropped > 0 ? ` · ${counts.dropped.toLocaleString()} older fell out` : ''}
          </span>
        ) : null}
        <span className="header-spacer" />
        <button
          type="button"
          className="button small"
          disabled={compare < 2}
          aria-pressed={view === 'diff'}
          title={compare < 2 ? 'Tick two entries to compare their results' : 'Compare the results of the two ticked entries'}
          onClick={() => setHistoryView(view === 'diff' ? 'entry' : 'diff')}
        >
          Diff ({compare}/2)
        </button>
        {confirming ? (
          <span className="call-history-confirm" role="group" aria-label="Confirm clearing">
            <span className="small">Clear {clearScope ? `the history of ${safeName(serverName)}` : 'every server’s history'}?</span>
            <button
              type="button"
              className="button small danger"
              onClick={() => {
                setConfirming(false);
                void clearHistory(clearScope);
              }}
            >
              Clear
            </button>
            <button type="button" className="button small" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </span>
        ) : (
          <button type="button" className="button small danger-outline" disabled={!counts?.kept} onClick={() => setConfirming(true)}>
            Clear…
          </button>
        )}
      </div>
      {counts?.problem ? (
        <div className="args-problem warning" role="status">
          {counts.problem}
        </div>
      ) : null}
    </div>
  );
}
