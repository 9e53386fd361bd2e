import { useEffect, useRef } from 'react';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import type { ResourceInfo } from '../../../src-shared/api/schemas/resource';
import { useActions, useWorkbench } from '../../app-context';
import { EmptyState } from '../../components/empty-state';
import { formatClock } from '../../components/format';
import { catalogSelectors } from '../../store/slices/catalog-slice';
import { resourcesSelectors } from '../../store/slices/resources-slice';
import { ReadResult } from './read-result';
import { AppPanel } from '../apps/app-panel';
import { ResourceMeta } from './resource-meta';
import { SubscriptionControls } from './subscription-controls';
import { ServerName } from '../../components/server-name';

/** One resource: what the server listed about it, Read / Re-read / Cancel, subscription, and the last read. */
export function ResourceViewer({ server, uri, info }: { server: ServerSummary; uri: string; info: ResourceInfo | undefined }) {
  const id = server.config.id;
  const ready = server.status.state === 'ready';
  const read = useWorkbench(resourcesSelectors.read(id, uri));
  const auto = useWorkbench(resourcesSelectors.autoReread(id, uri));
  const lastUpdate = useWorkbench(catalogSelectors.lastUpdate(id, uri));
  const { readResource, cancelRead } = useActions();
  const reading = read?.reading ?? false;
  const readAt = read?.outcome?.startedAt;
  const stale = lastUpdate !== undefined && (readAt === undefined || lastUpdate > readAt);

  // "Auto re-read": whenever the shown contents are older than the server's last change, read again,
  // including a change that arrived while another tab was open (this view was not mounted then).
  // One read per change: a read that fails (or whose clock lags the change's) must not start the
  // next one, or a dropped connection turns into a tight read loop.
  const rereadFor = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!auto || !ready || !stale || reading || lastUpdate === undefined) return;
    if (rereadFor.current !== undefined && rereadFor.current >= lastUpdate) return;
    rereadFor.current = lastUpdate;
    void readResource(id, uri);
  }, [auto, ready, stale, reading, lastUpdate, readResource, id, uri]);

  const title = info?.title ?? info?.name ?? 'Unlisted resource';
  return (
    <div className="call-console resource-viewer">
      <header className="console-header">
        <div className="console-title-row">
          <h2 className="console-title">
            <ServerName text={title} />
          </h2>
          {info && info.title && info.name !== info.title ? (
            <code className="tool-name">
              <ServerName text={info.name} />
            </code>
          ) : null}
          <ResourceMeta mimeType={info?.mimeType} size={info?.size} annotations={info?.annotations} />
        </div>
        <code className="resource-uri">{uri}</code>
        {info?.description ? <p className="tool-description">{info.description}</p> : null}
        {!info ? <p className="muted small">Not in the server’s resource list: opened from a link or a template.</p> : null}
      </header>
      <div className="call-controls">
        <button
          type="button"
          className="button primary call-button"
          disabled={!ready || reading}
          onClick={() => void readResource(id, uri)}
        >
          {reading ? 'Reading…' : read ? 'Re-read' : 'Read'}
        </button>
        {reading ? (
          <button type="button" className="button" onClick={() => cancelRead(id, uri)}>
            Cancel
          </button>
        ) : null}
        <SubscriptionControls server={server} uri={uri} />
        {lastUpdate !== undefined ? (
          <span className={`update-note ${stale ? 'stale' : ''}`} role="status">
            {stale ? <span className="update-dot" aria-hidden="true" /> : null}
            {stale ? 'Changed on the server' : 'Last change'} at {formatClock(lastUpdate)}
          </span>
        ) : null}
        {!ready ? <span className="muted small">The server is {server.status.state}: start it to read.</span> : null}
      </div>
      {uri.startsWith('ui://') && ready ? <AppPanel key={uri} serverId={id} uri={uri} /> : null}
      {read ? <ReadResult read={read} /> : <EmptyState title="Not read yet">Read it to see its contents.</EmptyState>}
    </div>
  );
}
