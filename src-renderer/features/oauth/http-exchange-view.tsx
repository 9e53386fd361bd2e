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
        {x.sseEvents ? (
          <span className="http-time muted">{`${x.sseEvents.length + (x.sseEventsDropped ?? 0)} event${x.sseEvents.length + (x.sseEventsDropped ?? 0) === 1 ? '' : 's'}`}</span>
        ) : null}
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
          {x.responseBody?.stream ? <SseEvents exchange={x} /> : <Body body={x.responseBody} />}
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

/** An event stream's events as they arrived: time since the request, type, id, size, and the data on demand. */
function SseEvents({ exchange: x }: { exchange: HttpExchange }) {
  const events = x.sseEvents ?? [];
  const state = x.streamEndedAt !== undefined ? `ended after ${formatDuration(x.streamEndedAt - x.startedAt)}` : 'still open';
  return (
    <>
      <p className="muted small">
        Event stream, {state}: {events.length} event{events.length === 1 ? '' : 's'}
        {x.sseEventsDropped ? ` and ${x.sseEventsDropped} more not kept` : ''}, {formatBytes(x.responseBody?.size ?? 0)}.
      </p>
      {events.length ? (
        <ol className="sse-events" aria-label="Events">
          {events.map((e, i) => (
            <li key={i}>
              <details>
                <summary className="mono small">
                  +{formatDuration(e.at - x.startedAt)} · {e.event}
                  {e.id !== undefined ? ` · id ${e.id}` : ''} · {formatBytes(e.size)}
                </summary>
                <pre className="http-body">{e.data || ' '}</pre>
                {e.truncated ? <p className="muted small">Showing the start of {formatBytes(e.size)}.</p> : null}
              </details>
            </li>
          ))}
        </ol>
      ) : null}
    </>
  );
}

function Body({ body }: { body: HttpBody | undefined }) {
  if (!body) return null;
  return (
    <>
      <pre className="http-body">{body.text || ' '}</pre>
      {body.truncated ? <p className="muted small">Showing the start of {formatBytes(body.size)}.</p> : null}
    </>
  );
}
