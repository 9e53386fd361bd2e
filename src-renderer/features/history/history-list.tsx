import { memo, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { HistorySummary } from '../../../src-shared/api/schemas/history';
import { useActions, useWorkbench } from '../../app-context';
import { formatClock, formatDuration } from '../../components/format';
import { OutcomeBadge } from '../../components/outcome-badge';
import { HISTORY_KIND_LABELS } from './history-labels';
import { ServerName } from '../../components/server-name';

/** The requests, newest first: status, kind, what it was about, when and how long. Tick two to diff. */
export function HistoryList({ showServer }: { showServer: boolean }) {
  const ids = useWorkbench(useShallow((s) => s.historyEntries.map((e) => e.id)));
  const loading = useWorkbench((s) => s.historyLoading);
  const error = useWorkbench((s) => s.historyError);
  const more = useWorkbench((s) => s.historyNextBefore !== undefined);
  const hidden = useWorkbench((s) => s.historyNewHidden);
  const filtered = useWorkbench(
    (s) => s.historyFilter.text.trim() !== '' || s.historyFilter.kind !== 'all' || s.historyFilter.status !== 'all',
  );
  const { loadMoreHistory, loadHistory, selectHistoryEntry } = useActions();
  const loadedFor = useWorkbench((s) => s.historyLoadedFor);
  const selected = useWorkbench((s) => s.historySelectedId);

  // Up and down move through the list, like a list box.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const i = selected ? ids.indexOf(selected) : -1;
    const next = ids[Math.min(ids.length - 1, Math.max(0, i + (e.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      selectHistoryEntry(next);
      document.getElementById(`history-row-${next}`)?.focus();
    }
  };

  return (
    <div className="call-history-list-wrap">
      {error ? (
        <div className="args-problem error" role="alert">
          <strong>The history could not be loaded:</strong> {error}
        </div>
      ) : null}
      {hidden > 0 ? (
        <button type="button" className="button small call-history-new" onClick={() => void loadHistory(loadedFor ?? null)}>
          {hidden} new {hidden === 1 ? 'request' : 'requests'}: refresh the search
        </button>
      ) : null}
      {ids.length === 0 && !loading && !error ? (
        <div className="call-history-empty" role="status">
          {filtered ? (
            <p>No request matches these filters.</p>
          ) : (
            <>
              <p>No requests yet.</p>
              <p className="muted small">
                Every tool call, resource read, prompt, completion, ping and log-level change you send (from this window, or from{' '}
                <code>mcp-lab … --workspace</code>) is kept here, with its arguments and result. Load runs, fuzzing and tests keep their own
                records.
              </p>
            </>
          )}
        </div>
      ) : (
        <ul className="call-history-list" aria-label="Request history" onKeyDown={onKeyDown}>
          {ids.map((id) => (
            <HistoryRow key={id} id={id} showServer={showServer} />
          ))}
        </ul>
      )}
      {more ? (
        <button type="button" className="button small call-history-more" onClick={() => void loadMoreHistory()}>
          Load older requests
        </button>
      ) : null}
    </div>
  );
}

const HistoryRow = memo(function HistoryRow({ id, showServer }: { id: string; showServer: boolean }) {
  const e = useWorkbench((s) => s.historyEntries.find((x) => x.id === id)) as HistorySummary | undefined;
  const selected = useWorkbench((s) => s.historySelectedId === id);
  const ticked = useWorkbench((s) => s.historyCompare.includes(id));
  const { selectHistoryEntry, toggleHistoryCompare } = useActions();
  if (!e) return null;
  const label = `${HISTORY_KIND_LABELS[e.kind]}${e.target ? ` ${e.target}` : ''}`;
  return (
    <li className={`call-history-row ${selected ? 'selected' : ''}`}>
      <input
        type="checkbox"
        className="call-history-tick"
        aria-label={`Compare ${label} at ${formatClock(e.startedAt)}`}
        checked={ticked}
        onChange={() => toggleHistoryCompare(id)}
      />
      <button
        type="button"
        id={`history-row-${id}`}
        className="call-history-pick"
        aria-current={selected ? 'true' : undefined}
        onClick={() => selectHistoryEntry(id)}
      >
        <span className="call-history-line">
          <OutcomeBadge status={e.status} />
          <span className="call-history-kind">{HISTORY_KIND_LABELS[e.kind]}</span>
          {e.target ? <span className="call-history-target mono">{e.target}</span> : null}
          {e.replayOf ? <span className="call-history-tag">replay</span> : null}
          {e.fromApp ? (
            <span className="call-history-tag" title={`Sent by the MCP App ${e.fromApp}`}>
              from App
            </span>
          ) : null}
          <span className="header-spacer" />
          <span className="mono small muted">{formatDuration(e.durationMs)}</span>
        </span>
        <span className="call-history-line small">
          <span className="call-history-preview mono muted">{e.error ?? e.preview}</span>
          <span className="header-spacer" />
          {showServer ? <ServerName className="muted" text={e.serverName} /> : null}
          <span className="mono muted">{formatClock(e.startedAt)}</span>
        </span>
      </button>
    </li>
  );
});
