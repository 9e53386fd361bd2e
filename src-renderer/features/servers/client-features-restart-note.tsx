import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { enabledClientFeatures } from '../../../src-shared/api/schemas/client-features';
import { useActions } from '../../app-context';
import { needsRestart } from './client-features-form';

/** Sampling, elicitation and roots are declared at start: after a change, say that a restart applies it. */
export function ClientFeaturesRestartNote({ server }: { server: ServerSummary }) {
  const { restartServer } = useActions();
  const wanted = enabledClientFeatures(server.config.clientFeatures);
  if (server.status.state !== 'ready' || !needsRestart(server.declaredClientFeatures, wanted)) return null;
  return (
    <p className="restart-note client-features-restart" role="status">
      Client features changed (now: {wanted.length ? wanted.join(', ') : 'none'}; this run declared:{' '}
      {server.declaredClientFeatures!.join(', ') || 'none'}): restart to apply.{' '}
      <button type="button" className="button small" onClick={() => void restartServer(server.config.id)}>
        Restart
      </button>
    </p>
  );
}
