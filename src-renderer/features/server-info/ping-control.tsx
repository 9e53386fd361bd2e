import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { useActions, useWorkbench } from '../../app-context';
import { formatClock, formatDuration } from '../../components/format';
import { requestProblem } from '../../components/request-problem';

/** Ping: the round trip of one `ping`, measured on the wire, or why it failed. */
export function PingControl({ server }: { server: ServerSummary }) {
  const id = server.config.id;
  const ping = useWorkbench((s) => s.pings[id]);
  const { ping: sendPing } = useActions();
  const ready = server.status.state === 'ready';
  const o = ping?.outcome;
  return (
    <div className="info-row">
      <button type="button" className="button" disabled={!ready || ping?.pending} onClick={() => void sendPing(id)}>
        {ping?.pending ? 'Pinging…' : 'Ping'}
      </button>
      <span role="status" aria-label="Ping result" className="ping-result">
        {ping?.error ? <span className="field-error">{ping.error}</span> : null}
        {o && o.status === 'ok' ? (
          <>
            <span className="flag-on">answered in {formatDuration(o.durationMs)}</span>
            <span className="muted small"> at {formatClock(o.startedAt)}</span>
          </>
        ) : null}
        {o && o.status !== 'ok' ? <span className="field-error">{requestProblem(o)}</span> : null}
        {!ping && !ready ? <span className="muted small">Start the server to ping it.</span> : null}
      </span>
    </div>
  );
}
