import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { EmptyState } from '../../components/empty-state';
import { CapabilitiesTree } from './capabilities-tree';
import { CacheHints } from './cache-hints';
import { DeprecationReport } from './deprecation-report';
import { LogLevelControl } from './log-level-control';
import { PingControl } from './ping-control';
import { ServerName } from '../../components/server-name';
import { SurfaceChanges } from './surface-changes';
import { ExportSessionButton } from '../sessions/export-session-button';

/** What the server said about itself in its initialize (or server/discover) answer, plus ping and the log level. */
export function InfoTab({ server }: { server: ServerSummary }) {
  const info = server.info;
  if (!info) {
    return (
      <EmptyState title="Nothing known about this server yet">
        Its name, version, capabilities and instructions come with the MCP handshake: start the server.
      </EmptyState>
    );
  }
  const running = server.status.state === 'ready';
  return (
    <div className="info-tab">
      {!running ? (
        <div className="stale-banner" role="status">
          The server is {server.status.state}: this is what it reported on its last run.
        </div>
      ) : null}
      <section aria-labelledby="info-server">
        <h3 id="info-server">Server</h3>
        <dl className="info-facts">
          <dt>Name</dt>
          <dd className="mono">
            <ServerName text={info.name} />
          </dd>
          {info.title ? (
            <>
              <dt>Title</dt>
              <dd>
                <ServerName text={info.title} />
              </dd>
            </>
          ) : null}
          <dt>Version</dt>
          <dd className="mono">{info.version || '(none given)'}</dd>
          <dt>Protocol</dt>
          <dd className="mono">{info.protocolVersion ?? '(unknown)'}</dd>
          {info.era ? (
            <>
              <dt>Era</dt>
              <dd>
                {info.era === 'stateless' ? 'stateless (server/discover, no handshake)' : 'initialize handshake'}
                {info.eraReason ? <span className="muted small era-reason"> — {info.eraReason}</span> : null}
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="info-health">
        <h3 id="info-health">Ping</h3>
        {info.era === 'stateless' ? (
          <p className="muted small">2026-07-28 has no ping: MCP Lab asks server/discover instead (here and in the health check).</p>
        ) : null}
        <PingControl server={server} />
      </section>
      <section aria-labelledby="info-logging">
        <h3 id="info-logging">Log level</h3>
        <LogLevelControl server={server} />
      </section>
      <section aria-labelledby="info-instructions">
        <h3 id="info-instructions">Instructions</h3>
        {info.instructions ? (
          <pre className="instructions-text" tabIndex={0} aria-label="Server instructions">
            {info.instructions}
          </pre>
        ) : (
          <p className="muted small">The server gave no instructions (a hint for the model on how to use it).</p>
        )}
      </section>
      <section aria-labelledby="info-changes">
        <h3 id="info-changes">Changes</h3>
        <SurfaceChanges serverId={server.config.id} />
      </section>
      <section aria-labelledby="info-share">
        <h3 id="info-share">Share</h3>
        <ExportSessionButton serverId={server.config.id} />
      </section>
      <section aria-labelledby="info-cache">
        <h3 id="info-cache">Cache hints on lists</h3>
        <CacheHints serverId={server.config.id} />
      </section>
      <section aria-labelledby="info-deprecations">
        <h3 id="info-deprecations">Deprecated features (2026-07-28)</h3>
        <DeprecationReport server={server} />
      </section>
      <section aria-labelledby="info-caps">
        <h3 id="info-caps">Capabilities</h3>
        <CapabilitiesTree capabilities={info.capabilities} />
      </section>
    </div>
  );
}
