import { useShallow } from 'zustand/react/shallow';
import { useActions, useWorkbench } from '../app-context';

/** Errors of actions that have no better place (a start that the engine refused). */
export function Notices() {
  const notices = useWorkbench(useShallow((s) => s.notices));
  const { dismissNotice } = useActions();
  if (notices.length === 0) return null;
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <span className="notice-text">{n.text}</span>
          <button type="button" className="icon-button" aria-label="Dismiss message" onClick={() => dismissNotice(n.id)}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
