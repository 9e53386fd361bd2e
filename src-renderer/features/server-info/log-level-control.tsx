import { useState } from 'react';
import { LOG_LEVELS, type LogLevel } from '../../../src-shared/api/schemas/log';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { useActions, useWorkbench } from '../../app-context';
import { requestProblem } from '../../components/request-problem';

/**
 * logging/setLevel for servers that declare `logging`; for the others an explanation, and a way to
 * send it anyway (the spec says not to, and some servers answer "Method not found").
 */
export function LogLevelControl({ server }: { server: ServerSummary }) {
  const id = server.config.id;
  const ready = server.status.state === 'ready';
  const advertised = !!server.info?.capabilities.logging;
  const last = useWorkbench((s) => s.logLevels[id]);
  const { setLogLevel } = useActions();
  const [force, setForce] = useState(false);
  // A restarted server starts at its own default again: an older choice no longer holds.
  const current = last && last.startedAt === server.startedAt ? last : undefined;
  const o = current?.outcome;

  return (
    <div className="loglevel-control">
      {!advertised ? (
        <p className="muted small">
          This server does not declare the <code>logging</code> capability, so MCP Lab does not send <code>logging/setLevel</code> to it
          (the spec says clients must not). It may still send log messages: FastMCP 2.x does without declaring it. They appear in the Logs
          tab either way.
        </p>
      ) : null}
      <div className="info-row">
        <label htmlFor={`log-level-${id}`}>Minimum level the server sends</label>
        <select
          id={`log-level-${id}`}
          className="input"
          value={current?.level ?? ''}
          disabled={!ready || current?.pending || (!advertised && !force)}
          onChange={(e) => void setLogLevel(id, e.target.value as LogLevel, !advertised)}
        >
          <option value="" disabled>
            (server default)
          </option>
          {LOG_LEVELS.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
        {!advertised ? (
          <label className="checkbox-label">
            <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} disabled={!ready} />
            Send it anyway
          </label>
        ) : null}
        <span role="status" aria-label="Log level result" className="small">
          {current?.pending ? <span className="muted">setting…</span> : null}
          {o?.status === 'ok' ? <span className="flag-on">The server accepted “{current?.level}”.</span> : null}
          {o && o.status !== 'ok' ? <span className="field-error">{requestProblem(o)}</span> : null}
          {current?.error ? <span className="field-error">{current.error}</span> : null}
        </span>
      </div>
    </div>
  );
}
