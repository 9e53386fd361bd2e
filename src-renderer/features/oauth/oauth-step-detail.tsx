import type { OAuthStep, OAuthTrace } from '../../../src-shared/api/schemas/oauth-trace';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { SignInButton } from '../servers/oauth-panel';
import { HttpExchangeView } from './http-exchange-view';

export const STATE_LABEL: Record<OAuthStep['state'], string> = {
  ok: 'OK',
  info: 'Note',
  warning: 'Warning',
  failed: 'Failed',
  waiting: 'Waiting',
};

/**
 * One step of a sign-in: where it went wrong and what to do first (that is what a person opened
 * this for), then what the specification expects, what happened, the values at a glance, and the
 * HTTP requests with their headers and bodies.
 */
export function OAuthStepDetail({ step, trace, server }: { step: OAuthStep; trace: OAuthTrace; server: ServerSummary }) {
  const pending = server.oauth?.pending;
  // Opened at first: the request that failed (the last of a failed step), or the only one.
  const openIndex = step.state === 'failed' ? step.exchanges.length - 1 : step.exchanges.length === 1 ? 0 : -1;
  return (
    <article className="oauth-step-detail" aria-label={`Step: ${step.title}`}>
      <header className="oauth-step-head">
        <h3>{step.title}</h3>
        <span className={`oauth-state-badge ${step.state}`}>{STATE_LABEL[step.state]}</span>
      </header>
      {step.problem ? (
        <section className={`oauth-callout ${step.state === 'failed' ? 'failed' : 'warning'}`} aria-label="Where it went wrong">
          <h4>{step.state === 'failed' ? 'Where it went wrong' : 'Worth a look'}</h4>
          <p>
            <Prose text={step.problem} />
          </p>
          {step.fix ? (
            <>
              <h4>What to do</h4>
              <p>
                <Prose text={step.fix} />
              </p>
            </>
          ) : null}
        </section>
      ) : null}
      {step.state === 'waiting' && pending && trace.state === 'waiting' ? (
        <section className="oauth-callout waiting" aria-label="Waiting for you">
          <p>Open the sign-in page and approve; MCP Lab continues on its own when the browser comes back.</p>
          <SignInButton url={pending.url} />
        </section>
      ) : null}
      {step.outcome ? (
        <section>
          <h4>What happened</h4>
          <p>{step.outcome}</p>
        </section>
      ) : null}
      <section>
        <h4>What the specification expects</h4>
        <p className="oauth-expected">
          <Prose text={step.expected} />
        </p>
        {step.spec ? (
          <a className="oauth-spec-link" href={step.spec.url} target="_blank" rel="noopener noreferrer">
            {step.spec.label}
          </a>
        ) : null}
      </section>
      {step.facts.length ? (
        <section>
          <h4>At a glance</h4>
          <dl className="oauth-facts">
            {step.facts.map(([k, v], i) => (
              <div key={`${k}-${i}`}>
                <dt>{k}</dt>
                <dd className="mono">{v}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      {step.exchanges.length ? (
        <section>
          <h4>
            HTTP{' '}
            <span className="muted small">
              ({step.exchanges.length === 1 ? '1 request' : `${step.exchanges.length} requests`}; tokens, secrets, codes and verifiers are
              masked)
            </span>
          </h4>
          {step.exchanges.map((x, i) => (
            <HttpExchangeView key={x.seq} exchange={x} open={i === openIndex} />
          ))}
        </section>
      ) : null}
    </article>
  );
}

/** Engine text with `code` spans: shown as code, everything else as plain text (never markup). */
function Prose({ text }: { text: string }) {
  return (
    <>
      {text.split('`').map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="oauth-code">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}
