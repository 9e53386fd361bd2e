import type { SessionFile } from '../../../src-shared/api/schemas/session-file';
import { countOf } from '../../../src-shared/base/count-of';
import { formatClock, formatDuration } from '../../components/format';
import { ServerName, safeName } from '../../components/server-name';

const LOG_SHOWN = 200;

/**
 * A past session, read from a file: what the server was and offered, its protocol log, its call
 * history and its load runs. Text only, nothing to start or call: it is not a live server.
 */
export function PastSessionView({ session }: { session: SessionFile }) {
  const info = session.server.info;
  const log = session.log.slice(-LOG_SHOWN);
  return (
    <div className="past-session">
      <p className="past-session-banner" role="status">
        Past session, read-only — not a live server. Exported {new Date(session.exportedAt).toLocaleString()} from MCP Lab{' '}
        {session.appVersion}; the server was {session.server.state} then. Secrets were blanked (•••) when it was exported.
      </p>
      <section aria-label="Past server">
        <h3>
          <ServerName text={session.server.name} />
        </h3>
        <dl className="info-facts">
          <dt>Server</dt>
          <dd className="mono">{info ? `${safeName(info.name)} ${safeName(info.version)}` : '(never started)'}</dd>
          <dt>Protocol</dt>
          <dd className="mono">{info?.protocolVersion ?? '(unknown)'}</dd>
          <dt>Offered</dt>
          <dd>
            {session.surface
              ? [
                  countOf(session.surface.tools.length, 'tool'),
                  countOf(session.surface.resources.length, 'resource'),
                  countOf(session.surface.resourceTemplates.length, 'template'),
                  countOf(session.surface.prompts.length, 'prompt'),
                ].join(', ')
              : '(not known)'}
          </dd>
        </dl>
        {session.surface?.tools.length ? (
          <ul className="past-session-tools" aria-label="Past tools">
            {session.surface.tools.map((t) => (
              <li key={t.name}>
                <ServerName text={t.name} className="mono" />
                {t.description ? <span className="muted small"> — {safeName(t.description.split('\n')[0] ?? '')}</span> : null}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section aria-label="Past history">
        <h3>History ({session.history.length})</h3>
        <ul className="past-session-list">
          {session.history.map((e) => (
            <li key={e.id}>
              <span className="mono muted">{formatClock(e.startedAt)}</span> {e.kind} <ServerName text={e.target ?? ''} className="mono" />{' '}
              <span className="muted">{e.status}</span> <span className="muted small">{formatDuration(e.durationMs)}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-label="Past load runs">
        <h3>Load runs ({session.loadRuns.length})</h3>
        <ul className="past-session-list">
          {session.loadRuns.map((r) => (
            <li key={r.runId}>
              <span className="mono muted">{formatClock(r.startedAt)}</span> <ServerName text={r.spec.toolName} className="mono" /> —{' '}
              {r.state}, {r.completed} calls
            </li>
          ))}
        </ul>
      </section>
      <section aria-label="Past log">
        <h3>
          Log ({session.log.length}
          {session.log.length > LOG_SHOWN ? `, the last ${LOG_SHOWN} shown` : ''})
        </h3>
        <pre className="past-session-log" tabIndex={0}>
          {log.map((e) => `${formatClock(e.ts)} ${e.source.padEnd(12)} ${safeName(e.text)}`).join('\n')}
        </pre>
      </section>
    </div>
  );
}
