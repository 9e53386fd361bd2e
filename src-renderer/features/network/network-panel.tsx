import { useMemo, useState } from 'react';
import type { NetworkEntry } from '../../../src-shared/api/schemas/network';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { toHar } from '../../../src-shared/network/har';
import { APP_VERSION } from '../../../src-shared/version';
import { useActions, useWorkbench } from '../../app-context';
import { downloadText } from '../../components/download';
import { formatBytes } from '../../components/format';
import { HttpExchangeView } from '../oauth/http-exchange-view';

type StatusFilter = 'all' | 'failed' | 'mcp';

/** What a request was, for the filter: its JSON-RPC method when it has one. */
function rpcMethod(e: NetworkEntry): string | undefined {
  try {
    const m = (JSON.parse(e.requestBody?.text ?? '') as { method?: unknown }).method;
    return typeof m === 'string' ? m : undefined;
  } catch {
    return undefined;
  }
}

function matches(e: NetworkEntry, text: string, status: StatusFilter, endpoint: string): boolean {
  if (status === 'failed' && !(e.error || (e.status !== undefined && e.status >= 400))) return false;
  if (status === 'mcp' && e.url.split('?')[0] !== endpoint) return false;
  if (!text) return true;
  const t = text.toLowerCase();
  return [e.method, e.url, String(e.status ?? ''), rpcMethod(e) ?? ''].some((v) => v.toLowerCase().includes(t));
}

/**
 * Every HTTP request of a remote server (its MCP endpoint, OAuth discovery, registration, tokens),
 * newest last, with secrets masked by the engine; filterable, and exported as HAR 1.2.
 */
export function NetworkPanel({ server }: { server: ServerSummary }) {
  const id = server.config.id;
  const entries = useWorkbench((s) => s.network[id]);
  const { clearNetwork } = useActions();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const endpoint = server.config.transport === 'stdio' ? '' : server.config.url;
  const shown = useMemo(() => (entries ?? []).filter((e) => matches(e, text, status, endpoint)), [entries, text, status, endpoint]);
  const bytes = shown.reduce((n, e) => n + (e.requestBody?.size ?? 0) + (e.responseBody?.size ?? 0), 0);

  return (
    <div className="network-panel">
      <div className="suites-toolbar">
        <input
          className="input"
          type="search"
          placeholder="Filter: method, URL, status, JSON-RPC method"
          aria-label="Filter requests"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <select className="input" aria-label="Which requests" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
          <option value="all">All requests</option>
          <option value="mcp">MCP endpoint only</option>
          <option value="failed">Failed (4xx, 5xx, no answer)</option>
        </select>
        <span className="muted small" role="status" aria-label="Network summary">
          {shown.length} of {entries?.length ?? 0} requests · {formatBytes(bytes)}
        </span>
        <span className="header-spacer" />
        <button
          type="button"
          className="button small"
          disabled={!shown.length}
          onClick={() =>
            downloadText(
              `${id}-network.har`,
              'application/json',
              JSON.stringify(toHar(shown, { name: 'MCP Lab', version: APP_VERSION }), null, 2),
            )
          }
        >
          Export HAR
        </button>
        <button type="button" className="button small" disabled={!entries?.length} onClick={() => void clearNetwork(id)}>
          Clear
        </button>
      </div>
      {!entries?.length ? (
        <p className="muted small">No requests yet: start the server, and each HTTP request it takes shows up here (secrets masked).</p>
      ) : (
        <ol className="network-list" aria-label="HTTP requests">
          {shown.map((e) => (
            <li key={e.id}>
              <HttpExchangeView exchange={e} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
