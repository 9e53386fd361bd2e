import type { CSSProperties } from 'react';
import { Resizer, useStoredNumber } from './resizer';

export const SIDEBAR_DEFAULT = 260;
const MIN = 180;
const MAX = 560;

/** The sidebar's width, remembered across reloads; hand `style` to the element that lays out the columns. */
export function useSidebarWidth(): { width: number; setWidth(w: number): void; style: CSSProperties } {
  const [width, setWidth] = useStoredNumber('mcp-lab.sidebarWidth', SIDEBAR_DEFAULT, MIN, MAX);
  return { width, setWidth, style: { '--sidebar-width': `${width}px` } as CSSProperties };
}

/** The sidebar's right edge. */
export function SidebarResizer({ width, setWidth }: { width: number; setWidth(w: number): void }) {
  return (
    <Resizer
      className="sidebar-resizer"
      label="Resize the sidebar"
      orientation="vertical"
      value={width}
      min={MIN}
      max={MAX}
      step={16}
      defaultValue={SIDEBAR_DEFAULT}
      onChange={setWidth}
      unitsPerPixel={() => 1}
    />
  );
}
