import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import { useActions, useWorkbench } from '../../app-context';
import { StatusDot, isRunning, statusPid, statusText } from '../../components/status-dot';
import { serverSelectors } from '../../store/slices/servers-slice';
import { clientRequestSelectors } from '../../store/slices/client-requests-slice';
import { countOf } from '../../../src-shared/base/count-of';
import { safeName, ServerName } from '../../components/server-name';
import { ExampleServers } from '../projects/example-servers';

export function ServerList() {
  const ids = useWorkbench(useShallow(serverSelectors.ids));
  const loaded = useWorkbench((s) => s.serversLoaded);
  const { openDialog } = useActions();
  return (
    <aside className="sidebar" aria-label="Servers">
      <div className="sidebar-header">
        <h2>Servers</h2>
        <button type="button" className="button small" onClick={() => openDialog({ kind: 'addServer' })}>
          + Add server
        </button>
      </div>
      {/* Server lists of other clients. */}
      <div className="sidebar-actions">
        <button
          type="button"
          className="link-button small"
          title="Add servers from Claude Desktop, VS Code, Cursor or an mcp-lab.json"
          onClick={() => openDialog({ kind: 'importServers' })}
        >
          Import…
        </button>
        <button
          type="button"
          className="link-button small"
          disabled={loaded && ids.length === 0}
          title="Write these servers for Claude Desktop, VS Code or Cursor"
          onClick={() => openDialog({ kind: 'exportServers' })}
        >
          Export…
        </button>
        <button
          type="button"
          className="link-button small"
          title="Open a session file exported from a server's Info tab, read-only"
          onClick={() => openDialog({ kind: 'pastSession' })}
        >
          Open session…
        </button>
      </div>
      {loaded && ids.length === 0 ? (
        <>
          <p className="sidebar-empty">
            No servers yet. Add a server: any command that speaks MCP over stdio, e.g. <code>uv run server.py</code> or{' '}
            <code>node build/index.js</code>, or the URL of a running one, e.g. <code>http://127.0.0.1:3000/mcp</code>.
          </p>
          <ExampleServers />
        </>
      ) : (
        <ul className="server-list">
          {ids.map((id) => (
            <ServerListItem key={id} id={id} />
          ))}
        </ul>
      )}
    </aside>
  );
}

const ServerListItem = memo(function ServerListItem({ id }: { id: ServerId }) {
  const server = useWorkbench(serverSelectors.byId(id));
  const selected = useWorkbench((s) => s.selectedServerId === id);
  const asking = useWorkbench(clientRequestSelectors.countForServer(id));
  const { selectServer, startServer, stopServer } = useActions();
  if (!server) return null;
  const { status, config } = server;
  const pid = statusPid(status);
  const running = isRunning(status);
  const busy = status.state === 'stopping';
  return (
    <li className={`server-item ${selected ? 'selected' : ''}`}>
      <button type="button" className="server-select" aria-current={selected ? 'true' : undefined} onClick={() => selectServer(id)}>
        <StatusDot status={status} />
        <span className="server-item-text">
          <ServerName className="server-item-name" text={config.name} withTitle />
          <span className="server-item-meta">
            <span className={`state-text state-${status.state}`}>{statusText(status)}</span>
            {pid !== undefined ? <span className="pid">pid {pid}</span> : null}
            {config.transport !== 'stdio' ? (
              <span className="remote-tag" title={`Remote (${config.transport === 'sse' ? 'HTTP+SSE' : 'Streamable HTTP'}): ${config.url}`}>
                <span aria-hidden="true">⇄</span> {config.transport === 'sse' ? 'SSE' : 'HTTP'}
              </span>
            ) : null}
          </span>
        </span>
        {asking > 0 && !selected ? (
          <span className="request-badge" title={`${countOf(asking, 'request')} from this server waiting for your answer`}>
            {asking} waiting
          </span>
        ) : null}
      </button>
      <button
        type="button"
        className="icon-button quick-action"
        disabled={busy}
        aria-label={`${running ? 'Stop' : 'Start'} server ${safeName(config.name)}`}
        title={running ? 'Stop' : 'Start'}
        onClick={() => void (running ? stopServer(id) : startServer(id))}
      >
        {running ? '■' : '▶'}
      </button>
    </li>
  );
});
