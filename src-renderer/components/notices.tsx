import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useActions, useWorkbench } from '../app-context';
import type { Notice } from '../store/slices/ui-slice';

/** How long an information message stays; errors stay until dismissed. */
export const NOTICE_INFO_MS = 6_000;

/** Messages of actions that have no better place (a start that the engine refused). */
export function Notices() {
  const notices = useWorkbench(useShallow((s) => s.notices));
  if (notices.length === 0) return null;
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <NoticeRow key={n.id} notice={n} />
      ))}
    </div>
  );
}

function NoticeRow({ notice }: { notice: Notice }) {
  const { dismissNotice } = useActions();
  const [hovered, setHovered] = useState(false);
  // Information goes by itself, unless the pointer rests on it (someone is reading it).
  useEffect(() => {
    if (notice.kind === 'error' || hovered) return;
    const t = setTimeout(() => dismissNotice(notice.id), NOTICE_INFO_MS);
    return () => clearTimeout(t);
  }, [notice.kind, notice.id, hovered, dismissNotice]);
  return (
    <div
      className={`notice notice-${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
    >
      <span className="notice-text">{notice.text}</span>
      <button type="button" className="icon-button" aria-label="Dismiss message" onClick={() => dismissNotice(notice.id)}>
        ✕
      </button>
    </div>
  );
}
