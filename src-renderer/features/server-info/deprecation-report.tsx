import { useEffect, useState } from 'react';
import { DEPRECATED_FEATURES, type DeprecatedUse } from '../../../src-shared/api/schemas/deprecation';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { useActions } from '../../app-context';

type State = { uses: DeprecatedUse[] } | { error: string } | undefined;

/**
 * Features the 2026-07-28 revision deprecates that this server was seen to use, each with when it
 * may be removed and what replaces it. Asked again when the server's state changes and on demand
 * (a tool that samples shows up once it has been called).
 */
export function DeprecationReport({ server }: { server: ServerSummary }) {
  const { fetchDeprecations } = useActions();
  const id = server.config.id;
  const [state, setState] = useState<State>();
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let live = true;
    fetchDeprecations(id).then(
      (r) => live && setState({ uses: r.uses }),
      (e: unknown) => live && setState({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [fetchDeprecations, id, server.status.state, asked]);

  return (
    <>
      <div className="info-row">
        <button type="button" className="button" onClick={() => setAsked((n) => n + 1)}>
          Check again
        </button>
        <span className="muted small">
          From what the server declared, sent during this run and how MCP Lab signed in to it. <code>mcp-lab lint</code> also reads its
          source.
        </span>
      </div>
      {state && 'error' in state ? <p className="field-error">Could not build the report: {state.error}</p> : null}
      {state && 'uses' in state && !state.uses.length ? <p className="muted small">Nothing deprecated seen so far.</p> : null}
      {state && 'uses' in state && state.uses.length ? (
        <ul className="deprecation-list" aria-label="Deprecated features in use">
          {state.uses.map((u) => {
            const f = DEPRECATED_FEATURES[u.feature];
            return (
              <li key={u.feature}>
                <strong>{f.name}</strong>
                <span className="muted small">
                  {' '}
                  — deprecated since {f.deprecatedIn}; may be removed in {f.earliestRemoval}
                </span>
                <div>Instead: {f.replacement}.</div>
                <div className="muted small">Seen: {u.evidence.join('; ')}.</div>
              </li>
            );
          })}
        </ul>
      ) : null}
    </>
  );
}
