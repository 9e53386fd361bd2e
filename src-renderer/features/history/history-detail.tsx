import { useWorkbench, useActions } from '../../app-context';
import { EmptyState } from '../../components/empty-state';
import { formatBytes, formatClock, prettyJson } from '../../components/format';
import { JsonView } from '../../components/json-view';
import { historySelectors } from '../../store/slices/history-slice';
import { CopyButton } from '../resources/copy-button';
import { EDIT_TARGETS, HISTORY_KIND_LABELS, ORIGIN_LABELS } from './history-labels';
import { HistoryResult } from './history-result';
import { safeName, ServerName } from '../../components/server-name';

/** One kept request: what was sent, what came back, and Replay / Edit and resend. */
export function HistoryDetail() {
  const id = useWorkbench((s) => s.historySelectedId);
  const entry = useWorkbench(historySelectors.selectedDetail);
  const error = useWorkbench((s) => (id ? s.historyDetailErrors[id] : undefined));
  const replaying = useWorkbench((s) => (id ? !!s.historyReplaying[id] : false));
  const replayError = useWorkbench((s) => (id ? s.historyReplayErrors[id] : undefined));
  const serverState = useWorkbench((s) => (entry ? s.serversById[entry.serverId]?.status.state : undefined));
  // Only a server MCP Lab starts itself can run under its debugger.
  const debuggable = useWorkbench((s) => (entry ? s.serversById[entry.serverId]?.config.transport === 'stdio' : false));
  const { replayHistory, replayUnderDebugger, editAndResend, selectHistoryEntry } = useActions();

  if (!id) {
    return (
      <EmptyState title="Pick a request">
        <p>Its arguments and result appear here, with Replay and Edit and resend. Tick two requests to diff their results.</p>
      </EmptyState>
    );
  }
  if (error) {
    return (
      <div className="args-problem error" role="alert">
        <strong>This request could not be shown:</strong> {error}
      </div>
    );
  }
  if (!entry) return <div className="loading">Loading…</div>;

  const ready = serverState === 'ready';
  const notReady =
    serverState === undefined
      ? `the server "${safeName(entry.serverName)}" is no longer in this workspace`
      : `the server is ${serverState}`;
  const editTarget = EDIT_TARGETS[entry.kind];
  return (
    <article className="call-history-detail" aria-label="Request details">
      <header className="call-history-detail-head">
        <h3>
          {HISTORY_KIND_LABELS[entry.kind]} {entry.target ? <span className="mono">{entry.target}</span> : null}
        </h3>
        <span className="muted small">
          <ServerName text={entry.serverName} /> · {formatClock(entry.startedAt)} · <code>{entry.method}</code> · from the{' '}
          {ORIGIN_LABELS[entry.origin]}
          {entry.fromApp ? (
            <>
              {' '}
              · sent by the MCP App <code>{entry.fromApp}</code>
            </>
          ) : null}
          {entry.replayOf ? (
            <>
              {' '}
              · replay of{' '}
              <button type="button" className="link-button" onClick={() => selectHistoryEntry(entry.replayOf!)}>
                an earlier request
              </button>
            </>
          ) : null}
        </span>
        <div className="call-history-actions">
          <button
            type="button"
            className="button primary small"
            disabled={!ready || replaying}
            title={ready ? 'Send the same request again; the new outcome is kept too' : `Cannot replay: ${notReady}`}
            onClick={() => void replayHistory(entry.id)}
          >
            {replaying ? 'Replaying…' : 'Replay'}
          </button>
          {debuggable ? (
            <button
              type="button"
              className="button small"
              disabled={replaying || serverState === 'starting' || serverState === 'stopping'}
              title="Send the same request again with the server under the debugger (started or restarted under it first when it is not): its breakpoints pause it"
              onClick={() => void replayUnderDebugger(entry.id, entry.serverId)}
            >
              Replay under the debugger
            </button>
          ) : null}
          {editTarget ? (
            <button
              type="button"
              className="button small"
              disabled={serverState === undefined}
              title={`Open it in ${editTarget} with these values, to change them and send it again`}
              onClick={() => editAndResend(entry)}
            >
              Edit and resend
            </button>
          ) : null}
        </div>
      </header>
      {replayError ? (
        <div className="args-problem error" role="alert">
          <strong>Replay failed:</strong> {replayError}
        </div>
      ) : null}
      {entry.redacted ? (
        <div className="args-problem warning" role="note">
          A secret value of this server was blanked out (•••) of what is kept here. Replay would send the blanked value, so use Edit and
          resend.
        </div>
      ) : null}
      <section className="call-history-section" aria-label="Request">
        <h4>
          Request <span className="muted small">↑ {formatBytes(entry.requestBytes)}</span>
          <CopyButton text={prettyJson(entry.params)} what="the request parameters" />
        </h4>
        {entry.paramsSavedTo ? (
          <p className="muted small">
            The parameters were too large to keep here whole: a trimmed view is shown; replay sends the whole of them, saved at{' '}
            <code>{entry.paramsSavedTo}</code>.
          </p>
        ) : null}
        <JsonView value={entry.params} label="Request parameters" className="call-history-params" />
      </section>
      <section className="call-history-section" aria-label="Response">
        <h4>Response</h4>
        {entry.truncated && entry.kind !== 'tools.call' ? (
          <p className="muted small">
            This result is {formatBytes(entry.truncated.bytes)}: a trimmed view is kept; the whole one was saved to{' '}
            <code>{entry.truncated.savedTo}</code>.
          </p>
        ) : null}
        <HistoryResult entry={entry} />
      </section>
    </article>
  );
}
