import { useState } from 'react';
import type { ClientRequestResponse, PendingClientRequest } from '../../../src-shared/api/schemas/client-request';
import { RequestActions } from './request-actions';

interface Props {
  request: PendingClientRequest;
  onRespond(r: ClientRequestResponse): Promise<void>;
}

/** The URL when it is http(s), for opening; otherwise the reason it will not be opened. */
export function openableUrl(raw: unknown): { url: URL } | { problem: string } {
  if (typeof raw !== 'string') return { problem: 'The server sent no URL.' };
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { problem: 'This is not a valid URL, so MCP Lab will not open it.' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    return { problem: `MCP Lab opens only http and https links; this one is "${u.protocol}".` };
  if (u.username || u.password)
    return { problem: 'This link carries a user name or password (a phishing tell), so MCP Lab will not open it.' };
  return { url: u };
}

/**
 * A URL-mode elicitation: the server wants the user to visit a page (sign-in, payment, consent).
 * The engine never opens anything; here the URL is shown as text and opened only for http(s),
 * after the person confirms.
 */
export function UrlElicitationView({ request, onRespond }: Props) {
  const p = request.params;
  const target = openableUrl(p.url);
  const [step, setStep] = useState<'idle' | 'confirming' | 'opened'>('idle');

  const open = () => {
    if (!('url' in target)) return;
    window.open(target.url.href, '_blank', 'noopener,noreferrer');
    setStep('opened');
  };

  return (
    <div className="request-view url-elicitation-view">
      <p className="request-message">{typeof p.message === 'string' ? p.message : '(no message)'}</p>
      <div className="url-box">
        <span className="field-label">The server wants you to open</span>
        <code className="url-text">{typeof p.url === 'string' ? p.url : '(no url)'}</code>
        {'url' in target ? (
          <span className="field-help">
            Host: <strong>{target.url.host}</strong>. Check it is where you expect to go.
          </span>
        ) : (
          <span className="field-error">{target.problem}</span>
        )}
        {typeof p.elicitationId === 'string' ? <span className="muted small">Elicitation id: {p.elicitationId}</span> : null}
      </div>
      {'url' in target ? (
        step === 'confirming' ? (
          <div className="confirm-open" role="group" aria-label="Confirm opening the link">
            <span>
              Open <strong>{target.url.host}</strong> in your browser?
            </span>
            <button type="button" className="button primary small" autoFocus onClick={open}>
              Open
            </button>
            <button type="button" className="button small" onClick={() => setStep('idle')}>
              Don&apos;t open
            </button>
          </div>
        ) : (
          <div className="confirm-open">
            <button type="button" className="button" onClick={() => setStep('confirming')}>
              Open in browser…
            </button>
            {step === 'opened' ? <span className="muted small">Opened in a new tab. Complete the step there, then Accept.</span> : null}
          </div>
        )
      ) : null}
      <RequestActions
        primary={{
          label: 'Accept',
          title: 'Tell the server the user agreed to (and did) go there',
          onClick: () => onRespond({ action: 'accept' }),
        }}
        secondary={[{ label: 'Decline', title: 'The user explicitly said no', onClick: () => onRespond({ action: 'decline' }) }]}
        escape={{ label: 'Cancel', title: 'The user dismissed it without choosing', onClick: () => onRespond({ action: 'cancel' }) }}
      />
    </div>
  );
}
