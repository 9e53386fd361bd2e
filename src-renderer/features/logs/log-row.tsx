import { memo } from 'react';
import type { LogEntry } from '../../../src-shared/api/schemas/log';
import { formatBytes, formatClock, formatDuration } from '../../components/format';

interface Props {
  entry: LogEntry;
  /** The entry's buffer position, handed back to onSelect (keeps onSelect stable across rows). */
  pos: number;
  serverName?: string;
  selected: boolean;
  onSelect(pos: number): void;
}

function ProtocolSummary({ entry }: { entry: LogEntry }) {
  const p = entry.protocol;
  if (!p)
    return (
      <span className="log-text" role="gridcell">
        {entry.text}
      </span>
    );
  return (
    <span className="log-text" role="gridcell">
      <span className={`dir dir-${p.dir}`} title={p.dir === 'out' ? 'sent to the server' : 'received from the server'}>
        {p.dir === 'out' ? '→' : '←'}
      </span>
      <span className="proto-kind">{p.kind}</span>
      {p.method ? <span className="proto-method">{p.method}</span> : null}
      {p.id !== undefined ? <span className="proto-id">#{String(p.id)}</span> : null}
      <span className="proto-size">{formatBytes(p.bytes)}</span>
      {p.latencyMs !== undefined ? <span className="proto-latency">{formatDuration(p.latencyMs)}</span> : null}
      {p.detail ? <span className="proto-text">{p.detail}</span> : null}
    </span>
  );
}

/** One log line; everything is text (log lines come from untrusted servers). */
export const LogRow = memo(function LogRow({ entry, pos, serverName, selected, onSelect }: Props) {
  return (
    <div
      className={`log-row level-${entry.level} ${selected ? 'selected' : ''}`}
      role="row"
      aria-selected={selected}
      onClick={() => onSelect(pos)}
    >
      {/* Cells, so a screen reader reads the grid's rows column by column. */}
      <span className="log-time" role="gridcell">
        {formatClock(entry.ts)}
      </span>
      <span className={`source-badge source-${entry.source}`} role="gridcell">
        {entry.source}
      </span>
      <span className={`log-level level-${entry.level}`} role="gridcell">
        {entry.level}
      </span>
      {serverName !== undefined ? (
        <span className="log-server" role="gridcell">
          {serverName}
        </span>
      ) : null}
      {entry.source === 'protocol' ? (
        <ProtocolSummary entry={entry} />
      ) : (
        <span className="log-text" role="gridcell">
          {entry.text}
        </span>
      )}
    </div>
  );
});
