import type { LogEntry } from '../../../src-shared/api/schemas/log';
import { formatBytes, formatClock, formatDuration } from '../../components/format';
import { JsonView } from '../../components/json-view';

export function LogDetails({ entry, onClose }: { entry: LogEntry | undefined; onClose(): void }) {
  return (
    <aside className="log-details" aria-label="Log entry details">
      <div className="section-head">
        <h3>Entry</h3>
        <button type="button" className="icon-button" aria-label="Close details" onClick={onClose}>
          ✕
        </button>
      </div>
      {!entry ? (
        <p className="muted small">This entry has left the buffer.</p>
      ) : (
        <>
          <dl className="details-grid">
            <dt>Time</dt>
            <dd>{formatClock(entry.ts)}</dd>
            <dt>Seq</dt>
            <dd>{entry.seq}</dd>
            <dt>Server</dt>
            <dd>{entry.serverId}</dd>
            <dt>Source</dt>
            <dd>{entry.source}</dd>
            <dt>Level</dt>
            <dd>{entry.level}</dd>
            {entry.logger ? (
              <>
                <dt>Logger</dt>
                <dd>{entry.logger}</dd>
              </>
            ) : null}
            {entry.protocol ? (
              <>
                <dt>Message</dt>
                <dd>
                  {entry.protocol.dir === 'out' ? 'sent' : 'received'} {entry.protocol.kind}
                  {entry.protocol.method ? ` ${entry.protocol.method}` : ''}
                  {entry.protocol.id !== undefined ? ` #${String(entry.protocol.id)}` : ''}
                </dd>
                <dt>Size</dt>
                <dd>{formatBytes(entry.protocol.bytes)}</dd>
                {entry.protocol.latencyMs !== undefined ? (
                  <>
                    <dt>Latency</dt>
                    <dd>{formatDuration(entry.protocol.latencyMs)}</dd>
                  </>
                ) : null}
              </>
            ) : null}
          </dl>
          <h4>Text</h4>
          <pre className="log-full-text">{entry.text}</pre>
          {entry.data !== undefined ? (
            <>
              <h4>Data</h4>
              <JsonView value={entry.data} label="Log entry data" />
            </>
          ) : null}
        </>
      )}
    </aside>
  );
}
