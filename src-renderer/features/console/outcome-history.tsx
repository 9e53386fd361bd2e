import { useShallow } from 'zustand/react/shallow';
import { useActions, useWorkbench } from '../../app-context';
import { formatClock, formatDuration } from '../../components/format';
import { consoleSelectors } from '../../store/slices/console-slice';
import { OutcomeBadge } from '../../components/outcome-badge';

/** The last outcomes of this tool in this window; click one to show it. */
export function OutcomeHistory({ draftKey, viewedCallId }: { draftKey: string; viewedCallId: string | undefined }) {
  const history = useWorkbench(useShallow(consoleSelectors.history(draftKey)));
  const { viewOutcome } = useActions();
  if (history.length < 2) return null;
  return (
    <nav className="history" aria-label="Recent calls">
      <h4>Recent calls</h4>
      <ul>
        {history.map((o) => (
          <li key={o.callId}>
            <button
              type="button"
              className={`history-item ${o.callId === viewedCallId ? 'selected' : ''}`}
              aria-current={o.callId === viewedCallId ? 'true' : undefined}
              onClick={() => viewOutcome(draftKey, o.callId)}
            >
              <OutcomeBadge status={o.status} />
              <span className="mono small">{formatClock(o.startedAt)}</span>
              <span className="muted small">{formatDuration(o.durationMs)}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
