import { useWorkbench } from '../app-context';
import { type ConnectionView, uiSelectors } from '../store/slices/ui-slice';

const TEXT: Record<ConnectionView, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  refused: 'Refused',
};

export function ConnectionIndicator() {
  const view = useWorkbench(uiSelectors.connectionView);
  return (
    <span className={`connection connection-${view}`} role="status" aria-label={`Engine connection: ${TEXT[view]}`}>
      <span className="connection-dot" aria-hidden="true" />
      {TEXT[view]}
    </span>
  );
}
