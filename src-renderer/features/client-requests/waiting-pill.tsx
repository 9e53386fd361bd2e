import { useActions, useWorkbench } from '../../app-context';
import { safeName } from '../../components/server-name';

/**
 * When no request is on screen but some wait (hidden with "Later", or from servers that are not
 * selected): a reminder that does not block anything.
 */
export function WaitingPill({ hiddenHere, onShow }: { hiddenHere: number; onShow(): void }) {
  const selectedId = useWorkbench((s) => s.selectedServerId);
  const other = useWorkbench((s) => s.pendingRequests.find((r) => r.serverId !== selectedId)?.serverId);
  const otherCount = useWorkbench((s) => s.pendingRequests.filter((r) => r.serverId !== selectedId).length);
  const otherName = useWorkbench((s) => (other ? safeName(s.serversById[other]?.config.name ?? other) : ''));
  const { selectServer } = useActions();
  if (hiddenHere === 0 && otherCount === 0) return null;
  return (
    <div className="waiting-pill" role="status" aria-label="Requests from servers waiting">
      {hiddenHere > 0 ? (
        <span>
          {hiddenHere === 1 ? '1 request from this server is' : `${hiddenHere} requests from this server are`} waiting for you{' '}
          <button type="button" className="button small primary" onClick={onShow}>
            Answer
          </button>
        </span>
      ) : null}
      {otherCount > 0 && other ? (
        <span>
          {otherCount === 1 ? '1 request' : `${otherCount} requests`} from {otherCount === 1 ? otherName : 'other servers'} waiting{' '}
          <button
            type="button"
            className="button small"
            onClick={() => {
              onShow();
              selectServer(other);
            }}
          >
            Go to {otherName}
          </button>
        </span>
      ) : null}
    </div>
  );
}
