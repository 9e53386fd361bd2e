import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { useActions, useWorkbench } from '../../app-context';
import { catalogSelectors } from '../../store/slices/catalog-slice';
import { resourcesSelectors } from '../../store/slices/resources-slice';

/** Whether the server said resources can be subscribed to (`resources.subscribe: true`). */
export function offersSubscriptions(server: ServerSummary): boolean {
  const resources = server.info?.capabilities.resources as { subscribe?: unknown } | undefined;
  return resources?.subscribe === true;
}

/** Subscribe toggle and "auto re-read", shown only to servers that offer subscriptions. */
export function SubscriptionControls({ server, uri }: { server: ServerSummary; uri: string }) {
  const id = server.config.id;
  const subscribed = useWorkbench((s) => catalogSelectors.subscriptions(id)(s).includes(uri));
  const op = useWorkbench(resourcesSelectors.subscriptionOp(id, uri));
  const auto = useWorkbench(resourcesSelectors.autoReread(id, uri));
  const { setSubscribed, setAutoReread } = useActions();
  if (!offersSubscriptions(server)) return null;
  const ready = server.status.state === 'ready';
  return (
    <>
      <button
        type="button"
        className="button pressable"
        aria-pressed={subscribed}
        disabled={!ready || op?.pending}
        title={
          subscribed
            ? 'Stop update notifications for this resource (resources/unsubscribe)'
            : 'Get a notification whenever this resource changes (resources/subscribe)'
        }
        onClick={() => void setSubscribed(id, uri, !subscribed)}
      >
        {subscribed ? 'Subscribed' : 'Subscribe'}
      </button>
      {subscribed ? (
        <label className="checkbox-label">
          <input type="checkbox" checked={auto} onChange={(e) => setAutoReread(id, uri, e.target.checked)} />
          Auto re-read on change
        </label>
      ) : null}
      {op?.error ? (
        <span className="field-error" role="alert">
          {op.error}
        </span>
      ) : null}
    </>
  );
}
