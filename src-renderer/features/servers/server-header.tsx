import type { ServerHealth, ServerSummary } from '../../../src-shared/api/schemas/server';
import { describeProtocol } from '../../../src-shared/api/schemas/protocol';
import { useActions, useWorkbench } from '../../app-context';
import { pausedAtText } from '../../store/slices/debug-slice';
import { formatDuration, formatUptime } from '../../components/format';
import { StatusDot, statusPid, statusText } from '../../components/status-dot';
import { useNow } from '../../components/use-now';
import { commandLine } from './argv';
import { ClientFeaturesRestartNote } from './client-features-restart-note';
import { OAuthPanel } from './oauth-panel';
import { ServerName, safeName } from '../../components/server-name';

/** Ready (the process runs and was initialized) but not answering pings: say for how long. */
function notAnswering(health: ServerHealth, now: number): string {
  if (health.unresponsiveSince === undefined) return 'but not answering pings';
  const ms = Math.max(0, now - health.unresponsiveSince);
  return `but not answering pings for ${ms < 60_000 ? `${Math.max(1, Math.floor(ms / 1000))} s` : formatUptime(ms)}`;
}

export function ServerHeader({ server }: { server: ServerSummary }) {
  const { startServer, stopServer, restartServer, openDialog, debugServer } = useActions();
  const pausedAt = useWorkbench((s) => pausedAtText(s.debugByServer[server.config.id]));
  const debugging = useWorkbench((s) => {
    const d = s.debugByServer[server.config.id]?.state;
    return d === 'running' || d === 'paused' || d === 'attaching';
  });
  const { config, status, info } = server;
  const id = config.id;
  const state = status.state;
  const now = useNow(1000, state === 'ready');
  const pid = statusPid(status);
  const canStart = state === 'stopped' || state === 'crashed' || state === 'failed';
  const canStop = state === 'ready' || state === 'starting';
  const reason = status.state === 'stopped' ? status.reason : undefined;

  return (
    <header className="server-header">
      <div className="server-title-row">
        <h1 className="server-name" title={safeName(config.name)}>
          <ServerName text={config.name} />
        </h1>
        <span className={`status-pill state-${state}`}>
          <StatusDot status={status} />
          {statusText(status)}
        </span>
        {state === 'ready' && server.health?.state === 'unresponsive' ? (
          <span
            className="health-badge"
            role="status"
            title={`${server.health.message ?? 'the last ping failed'} (${server.health.consecutiveFailures} in a row)`}
          >
            {notAnswering(server.health, now)}
          </span>
        ) : null}
        {pausedAt ? (
          <span className="debug-badge" role="status" aria-label="Debugger">
            {pausedAt}
          </span>
        ) : debugging ? (
          <span className="debug-badge" role="status" aria-label="Debugger">
            under the debugger
          </span>
        ) : null}
        <span className="header-spacer" />
        <div className="server-actions" role="group" aria-label="Server actions">
          <button type="button" className="button primary" disabled={!canStart} onClick={() => void startServer(id)}>
            {server.consent ? 'Review and start' : 'Start'}
          </button>
          {config.transport === 'stdio' ? (
            <button
              type="button"
              className="button"
              disabled={state === 'starting' || state === 'stopping'}
              title="Start under the debugger (Python: debugpy; Node: --inspect); breakpoints are set in the editor's gutter"
              onClick={() => void debugServer(id)}
            >
              Debug
            </button>
          ) : null}
          <button type="button" className="button" disabled={!canStop} onClick={() => void stopServer(id)}>
            Stop
          </button>
          <button type="button" className="button" disabled={state !== 'ready'} onClick={() => void restartServer(id)}>
            Restart
          </button>
          <button type="button" className="button" onClick={() => openDialog({ kind: 'editServer', serverId: id })}>
            Edit
          </button>
          <button type="button" className="button danger-outline" onClick={() => openDialog({ kind: 'removeServer', serverId: id })}>
            Remove
          </button>
        </div>
      </div>
      {server.consent ? (
        <div className="consent-banner" role="note">
          This command is new to this machine{server.consent.warnings.length ? ' and has parts worth a second look' : ''}: MCP Lab shows it
          to you before it runs.
          <button type="button" className="button small" onClick={() => openDialog({ kind: 'consent', serverId: id })}>
            Review
          </button>
        </div>
      ) : null}
      {config.transport === 'stdio' ? (
        <code className="command-line" title="The command MCP Lab runs (no shell)">
          {commandLine(config.command, config.args)}
        </code>
      ) : (
        <code
          className="command-line"
          title={`The URL MCP Lab connects to (${config.transport === 'sse' ? 'HTTP+SSE' : 'Streamable HTTP'})`}
        >
          <span className="remote-badge">{config.transport === 'sse' ? 'SSE' : 'HTTP'}</span> {config.url}
        </code>
      )}
      {config.transport !== 'stdio' ? (
        <button type="button" className="button small network-open" onClick={() => openDialog({ kind: 'network', serverId: id })}>
          Network
        </button>
      ) : null}
      <OAuthPanel server={server} />
      <dl className="server-facts">
        {reason ? <Fact label="Reason" value={reason} /> : null}
        {pid !== undefined ? <Fact label="PID" value={String(pid)} /> : null}
        {state === 'ready' ? <Fact label="Uptime" value={formatUptime(now - status.since)} /> : null}
        {state === 'ready' && server.health?.lastLatencyMs != null ? (
          <Fact
            label="Ping"
            value={`${formatDuration(server.health.lastLatencyMs)}${server.health.method === 'server/discover' ? ' (server/discover)' : ''}`}
          />
        ) : null}
        {info ? <Fact label="Server" value={safeName(`${info.title ?? info.name} ${info.version}`)} /> : null}
        {info?.protocolVersion ? <Fact label="Protocol" value={describeProtocol(info)} /> : null}
        {server.restartCount > 0 ? <Fact label="Restarts" value={String(server.restartCount)} /> : null}
        {config.transport === 'stdio' && config.cwd ? <Fact label="Directory" value={config.cwd} /> : null}
      </dl>
      <ClientFeaturesRestartNote server={server} />
      {info?.instructions ? (
        <details className="instructions">
          <summary>Server instructions</summary>
          <p>{info.instructions}</p>
        </details>
      ) : null}
    </header>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>
        <ServerName text={value} />
      </dd>
    </div>
  );
}
