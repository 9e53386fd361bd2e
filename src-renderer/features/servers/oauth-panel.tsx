import { useState } from 'react';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { useActions } from '../../app-context';
import { useNow } from '../../components/use-now';
import { openableUrl } from '../client-requests/url-elicitation-view';

/**
 * OAuth 2.1 for a remote server: a sign-in the engine waits for (open the authorization
 * page after a confirm; only http(s) is ever opened), the signed-in state with scopes and expiry,
 * and sign-out. The engine never opens anything itself.
 */
export function OAuthPanel({ server }: { server: ServerSummary }) {
  const { signOutServer, openDialog } = useActions();
  const oauth = server.oauth;
  const now = useNow(oauth?.pending ? 1000 : 30_000, !!oauth);
  if (server.config.transport === 'stdio' || !oauth) return null;
  const id = server.config.id;

  if (oauth.pending) {
    const left = Math.max(0, Math.round((oauth.pending.expiresAt - now) / 1000));
    return (
      <div className="oauth-panel pending" role="status" aria-label="Sign-in">
        <div className="oauth-text">
          <strong>Sign-in needed.</strong> The server uses OAuth: sign in at{' '}
          <strong className="mono">{oauth.pending.authorizationServer}</strong> in your browser, then come back here. MCP Lab waits{' '}
          {left > 60 ? `${Math.ceil(left / 60)} more minutes` : `${left} more seconds`}.
        </div>
        <SignInButton url={oauth.pending.url} />
        <StepsButton onClick={() => openDialog({ kind: 'oauthDebugger', serverId: id })} />
      </div>
    );
  }
  return (
    <div className="oauth-panel" role="status" aria-label="Sign-in">
      <div className="oauth-text">
        {oauth.signedIn ? (
          <>
            <strong>Signed in</strong> (OAuth)
            {oauth.scopes?.length ? (
              <>
                {' '}
                · scopes <span className="mono">{oauth.scopes.join(' ')}</span>
              </>
            ) : null}
            {oauth.expiresAt ? <> · access token {expiry(oauth.expiresAt, now)} (renewed when needed)</> : null}
          </>
        ) : (
          <>
            <strong>Not signed in.</strong> Start the server to sign in.
          </>
        )}
        {oauth.error ? <p className="field-error">Last sign-in: {oauth.error}</p> : null}
      </div>
      <StepsButton onClick={() => openDialog({ kind: 'oauthDebugger', serverId: id })} />
      {oauth.signedIn ? (
        <button type="button" className="button small" onClick={() => void signOutServer(id)}>
          Sign out
        </button>
      ) : null}
    </div>
  );
}

/** Opens the sign-in debugger: every step of the sign-ins with their HTTP requests. */
export function StepsButton({ onClick, label = 'Sign-in steps' }: { onClick(): void; label?: string }) {
  return (
    <button type="button" className="button small" onClick={onClick}>
      {label}
    </button>
  );
}

/** Opens the authorization page only for http(s), and only after the person confirms. */
export function SignInButton({ url }: { url: string }) {
  const target = openableUrl(url);
  const [step, setStep] = useState<'idle' | 'confirming' | 'opened'>('idle');
  if (!('url' in target)) return <span className="field-error">{target.problem}</span>;
  if (step === 'confirming') {
    return (
      <div className="confirm-open" role="group" aria-label="Confirm opening the sign-in page">
        <span>
          Open <strong>{target.url.host}</strong> in your browser?
        </span>
        <button
          type="button"
          className="button primary small"
          autoFocus
          onClick={() => {
            window.open(target.url.href, '_blank', 'noopener,noreferrer');
            setStep('opened');
          }}
        >
          Open
        </button>
        <button type="button" className="button small" onClick={() => setStep('idle')}>
          Don&apos;t open
        </button>
      </div>
    );
  }
  return (
    <div className="confirm-open">
      <button type="button" className="button primary small" onClick={() => setStep('confirming')}>
        Sign in…
      </button>
      {step === 'opened' ? <span className="muted small">Opened in your browser. Approve there; MCP Lab continues on its own.</span> : null}
    </div>
  );
}

/** "expires in 59 min", "expired 3 min ago": relative, the way a person reads it. */
function expiry(at: number, now: number): string {
  const min = Math.round(Math.abs(at - now) / 60_000);
  const span = min < 1 ? 'less than a minute' : min < 120 ? `${min} min` : `${Math.round(min / 60)} h`;
  return at > now ? `expires in ${span}` : `expired ${span} ago`;
}
