import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { useActions, useWorkbench } from '../../app-context';
import { uiSelectors } from '../../store/slices/ui-slice';

/** One-time hints the engine raised about this server (e.g. it prints to stdout). */
export function HintsBanner({ server }: { server: ServerSummary }) {
  const dismissed = useWorkbench(uiSelectors.dismissedHints(server.config.id));
  const { dismissHint } = useActions();
  const visible = server.hints.filter((h) => !dismissed.includes(h));
  if (visible.length === 0) return null;
  return (
    <div className="hints">
      {visible.map((h) => (
        <div key={h} className="hint-banner" role="status">
          <span className="hint-icon" aria-hidden="true">
            ⚠
          </span>
          <span className="hint-text">{h}</span>
          <button type="button" className="icon-button" aria-label="Dismiss hint" onClick={() => dismissHint(server.config.id, h)}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
