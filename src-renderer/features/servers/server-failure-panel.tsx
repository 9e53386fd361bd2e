import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { useActions, useWorkbench } from '../../app-context';
import { oauthSelectors } from '../../store/slices/oauth-slice';
import { StepsButton } from './oauth-panel';
import { InstallDebugpy } from '../debug/install-debugpy';

/** Why a server is not running, in its own words: message, hint, stderr tail, and a way to retry. */
export function ServerFailurePanel({ server }: { server: ServerSummary }) {
  const { startServer, debugServer, openDialog } = useActions();
  const traces = useWorkbench(oauthSelectors.traces(server.config.id));
  const { status } = server;
  if (status.state !== 'failed' && status.state !== 'crashed') return null;
  const remote = server.config.transport !== 'stdio';
  // A start under the debugger is retried under the debugger.
  const debugFailure = status.state === 'failed' && (status.kind === 'debuggerMissing' || status.kind === 'debuggerUnavailable');
  const title =
    status.state === 'failed'
      ? remote
        ? 'MCP Lab could not connect'
        : 'The server could not start'
      : remote
        ? 'The connection was lost'
        : `The server crashed${status.exitCode !== null ? ` (exit code ${status.exitCode})` : ''}${status.signal ? ` (signal ${status.signal})` : ''}`;
  return (
    <section className="failure-panel" role="alert" aria-label="Server failure">
      <div className="failure-head">
        <h2>{title}</h2>
        <span className="failure-actions">
          {status.state === 'failed' && (status.kind === 'signInFailed' || status.kind === 'authRequired') && traces.length ? (
            <StepsButton label="Show the sign-in steps" onClick={() => openDialog({ kind: 'oauthDebugger', serverId: server.config.id })} />
          ) : null}
          <button
            type="button"
            className="button primary"
            onClick={() => void (debugFailure ? debugServer(server.config.id) : startServer(server.config.id))}
          >
            {status.state === 'failed' ? 'Retry' : remote ? 'Reconnect' : 'Start again'}
          </button>
        </span>
      </div>
      <p className="failure-message">{status.message}</p>
      {status.state === 'failed' && status.hint ? <p className="failure-hint">{status.hint}</p> : null}
      {status.state === 'failed' && status.kind === 'debuggerMissing' && server.config.transport === 'stdio' ? (
        <InstallDebugpy serverId={server.config.id} python={server.config.command} />
      ) : null}
      {status.stderrTail.length > 0 ? (
        <>
          <h3>Last stderr lines</h3>
          <pre className="stderr-tail">{status.stderrTail.join('\n')}</pre>
        </>
      ) : remote || (status.state === 'failed' && (status.kind === 'secretsUnavailable' || status.kind === 'debuggerMissing')) ? null : (
        <p className="muted">The server wrote nothing to stderr.</p>
      )}
    </section>
  );
}
