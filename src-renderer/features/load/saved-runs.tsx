import type { LoadRunSummary } from '../../../src-shared/api/schemas/load';
import { formatClock, formatDuration } from '../../components/format';
import { ServerName } from '../../components/server-name';

interface Props {
  runs: LoadRunSummary[];
  openId: string | null;
  picked: string[];
  onOpen(runId: string): void;
  onTogglePick(runId: string): void;
}

/** The workspace's saved runs: open one, or tick two to compare them. */
export function SavedRuns({ runs, openId, picked, onOpen, onTogglePick }: Props) {
  if (runs.length === 0) return <p className="muted small">No saved runs yet. Every finished run is saved in the workspace.</p>;
  return (
    <ul className="saved-runs" aria-label="Saved runs">
      {runs.map((r) => (
        <li key={r.runId} className={r.runId === openId ? 'open' : ''}>
          <input
            type="checkbox"
            aria-label={`Compare run ${r.runId}`}
            checked={picked.includes(r.runId)}
            onChange={() => onTogglePick(r.runId)}
          />
          <button type="button" className="saved-run" onClick={() => onOpen(r.runId)}>
            <ServerName className="mono" text={r.spec.toolName} />
            <span className="muted small">
              {new Date(r.startedAt).toLocaleDateString()} {formatClock(r.startedAt)} ·{' '}
              {r.spec.kind === 'leak' ? `leak: ${r.leak?.verdict ?? '?'}` : `${r.callsPerSecond}/s · p95 ${formatDuration(r.latency.p95)}`}
              {r.state !== 'completed' ? ` · ${r.state}` : ''}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
