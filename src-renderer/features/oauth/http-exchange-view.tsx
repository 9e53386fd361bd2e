import type { HttpBody, HttpExchange } from '../../../src-shared/api/schemas/http-exchange';
import { formatBytes, formatDuration } from '../../components/format';

/**
 * One recorded HTTP request and its response (secrets already masked by the engine): a line with
 * method, URL, status and time that opens onto the headers and bodies of both.
 */
export function HttpExchangeView({ exchange: x, open }: { exchange: HttpExchange; open?: boolean }) {
  const statusClass = x.error ? 'failed' : x.status === undefined ? '' : x.status < 300 ? 'ok' : x.status < 400 ? 'info' : 'failed';
  return (
    <details className="http-exchange" open={open}>
      <summary>
        <span className="http-method">{x.method}</span>
        <span className="http-url mono" title={x.url}>
          {x.url}
        </span>
        <span className={`http-status ${statusClass}`}>{x.error ? 'no answer' : x.status}</span>
        <span className="http-time muted">{formatDuration(x.durationMs)}</span>
      </summary>
      <div className="http-sides">
        <section aria-label="Request">
          <h5>Request</h5>
          <Headers pairs={x.requestHeaders} />
          <Body body={x.requestBody} />
        </section>
        <section aria-label="Response">
          <h5>Response</h5>
          {x.error ? <p className="field-error">{x.error}</p> : null}
          {x.responseHeaders ? <Headers pairs={x.responseHeaders} /> : null}
          <Body body={x.responseBody} />
        </section>
      </div>
    </details>
  );
}

function Headers({ pairs }: { pairs: [string, string][] }) {
  if (!pairs.length) return <p className="muted small">No headers.</p>;
  return (
    <dl className="http-headers mono">
      {pairs.map(([k, v], i) => (
        <div key={`${k}-${i}`}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Body({ body }: { body: HttpBody | undefined }) {
  if (!body) return null;
  if (body.stream) return <p className="muted small">An event stream (not read here).</p>;
  return (
    <>
      <pre className="http-body">{body.text || ' '}</pre>
      {body.truncated ? <p className="muted small">Showing the start of {formatBytes(body.size)}.</p> : null}
    </>
  );
}
