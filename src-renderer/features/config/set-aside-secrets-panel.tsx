import { useState } from 'react';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { useActions } from '../../app-context';
import { describeSecretKey } from './secret-key-label';

/**
 * Secrets an earlier MCP Lab saved under this server's id alone, before secrets were kept per
 * workspace: MCP Lab cannot tell whose they are, so it asks. Until then the server does not start.
 */
export function SetAsideSecretsPanel({ server }: { server: ServerSummary }) {
  const { resolveSetAsideSecrets } = useActions();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const keys = server.secretsSetAside;
  if (!keys?.length) return null;
  const one = keys.length === 1;

  const decide = async (decision: 'use' | 'discard') => {
    setBusy(true);
    setError(null);
    try {
      await resolveSetAsideSecrets(server.config.id, decision);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="set-aside-panel" role="alert" aria-label="Secrets waiting for a decision">
      <h2>Whose secret{one ? ' is this' : 's are these'}?</h2>
      <p>
        An earlier version of MCP Lab saved {one ? 'a secret' : 'secrets'} for a server with the id <code>{server.config.id}</code>:{' '}
        {keys.map((k, i) => (
          <span key={k}>
            {i > 0 ? ', ' : ''}
            <code>{describeSecretKey(k)}</code>
          </span>
        ))}
        . {one ? 'It was' : 'They were'} filed under the id alone, and another workspace (a clone, say) may use the same id, so MCP Lab does
        not give {one ? 'it' : 'them'} to this server without asking. The server will not start until you decide.
      </p>
      <div className="set-aside-actions">
        <button type="button" className="button primary" disabled={busy} onClick={() => void decide('use')}>
          Use {one ? 'it' : 'them'} in this workspace
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void decide('discard')}>
          Discard {one ? 'it' : 'them'}
        </button>
        <span className="muted small">
          Used here, {one ? 'it belongs' : 'they belong'} to this workspace only. Or enter a new value in the server&apos;s settings.
        </span>
      </div>
      {error ? <p className="field-error">{error}</p> : null}
    </section>
  );
}
