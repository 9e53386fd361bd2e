import { useCallback, useEffect, useRef, useState, type CSSProperties } from 'react';

const STORAGE_KEY = 'mcp-lab.sidebarWidth';
export const SIDEBAR_DEFAULT = 260;
const MIN = 180;
const MAX = 560;
const STEP = 16;

const clamp = (w: number) => Math.round(Math.min(MAX, Math.max(MIN, w)));

function storedWidth(): number {
  try {
    const v = Number(window.localStorage.getItem(STORAGE_KEY));
    return Number.isFinite(v) && v > 0 ? clamp(v) : SIDEBAR_DEFAULT;
  } catch {
    return SIDEBAR_DEFAULT; // storage refused (private window): the default every time
  }
}

/** The sidebar's width, remembered across reloads; hand `style` to the element that lays out the columns. */
export function useSidebarWidth(): { width: number; setWidth(w: number): void; style: CSSProperties } {
  const [width, setRaw] = useState(storedWidth);
  const setWidth = useCallback((w: number) => setRaw(clamp(w)), []);
  useEffect(() => {
    try {
      window.localStorage.setItem(STORAGE_KEY, String(width));
    } catch {
      // not remembered, still applied
    }
  }, [width]);
  return { width, setWidth, style: { '--sidebar-width': `${width}px` } as CSSProperties };
}

/** The sidebar's right edge: drag it, or focus it and use the arrow keys; a double click restores the default. */
export function SidebarResizer({ width, setWidth }: { width: number; setWidth(w: number): void }) {
  const [dragging, setDragging] = useState(false);
  const origin = useRef({ x: 0, width });

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    origin.current = { x: e.clientX, width };
    setDragging(true);
  };
  const onPointerMove = (e: React.PointerEvent<HTMLDivElement>) => {
    if (dragging) setWidth(origin.current.width + e.clientX - origin.current.x);
  };
  const stop = () => setDragging(false);

  return (
    <div
      className={`sidebar-resizer ${dragging ? 'dragging' : ''}`}
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the sidebar"
      aria-valuenow={width}
      aria-valuemin={MIN}
      aria-valuemax={MAX}
      tabIndex={0}
      title="Drag to resize; double-click for the default width"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={stop}
      onPointerCancel={stop}
      onDoubleClick={() => setWidth(SIDEBAR_DEFAULT)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft') setWidth(width - STEP);
        else if (e.key === 'ArrowRight') setWidth(width + STEP);
        else if (e.key === 'Home') setWidth(SIDEBAR_DEFAULT);
        else return;
        e.preventDefault();
      }}
    />
  );
}
