import type { ConsentRequest, RemoteServerConfig } from '../../../src-shared/api/schemas/server';

const TRANSPORT_LABELS = { http: 'Streamable HTTP', sse: 'HTTP+SSE (older)' } as const;

/** What a person reviews before MCP Lab connects to a remote server: where requests go and what is sent along. */
export function RemoteConsentFacts({ config, warnings }: { config: RemoteServerConfig; warnings: ConsentRequest['warnings'] }) {
  const flagged = (where: 'url' | 'headers', text: string) =>
    warnings.some((w) => w.where === where && (where === 'headers' ? w.match === text : text.includes(w.match)));
  return (
    <dl className="consent-facts">
      <dt>URL</dt>
      <dd className={`mono ${flagged('url', config.url) ? 'flagged' : ''}`}>{config.url}</dd>
      <dt>Transport</dt>
      <dd>{TRANSPORT_LABELS[config.transport]}</dd>
      <dt>Headers</dt>
      <dd>
        {config.headers.length === 0 ? (
          <span className="muted">none</span>
        ) : (
          <ul className="consent-env">
            {config.headers.map((h) => (
              <li key={h.key} className={flagged('headers', h.key) ? 'flagged' : ''}>
                <span className="mono">{h.key}</span>
                {h.secret ? <span className="muted"> (secret)</span> : <span className="mono muted">: {h.value}</span>}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}
