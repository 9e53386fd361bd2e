import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { LogBuffer } from '../../store/log-store';
import { LogRow } from './log-row';

export const LOG_ROW_HEIGHT = 22;

interface Props {
  buffer: LogBuffer;
  positions: readonly number[];
  showServer: boolean;
  serverNames: Record<string, string>;
  selected: number | null;
  onSelect(pos: number): void;
  following: boolean;
  /** The user scrolled up (pause) or back to the bottom (follow). */
  onFollowingChange(following: boolean): void;
}

/** Only the visible rows exist in the DOM; with 100k entries the list costs what ~50 rows cost. */
export function LogList({ buffer, positions, showServer, serverNames, selected, onSelect, following, onFollowingChange }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const lastTop = useRef(0);
  const count = positions.length;
  // TanStack Virtual hands back fresh functions by design; the compiler skipping this component is fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const v = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LOG_ROW_HEIGHT,
    overscan: 12,
    getItemKey: (i) => positions[i] ?? i,
  });

  useLayoutEffect(() => {
    if (following && count > 0) v.scrollToIndex(count - 1, { align: 'end' });
  }, [following, count, positions, v]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const onScroll = () => {
      const top = el.scrollTop;
      const atBottom = el.scrollHeight - top - el.clientHeight <= LOG_ROW_HEIGHT;
      // Appends and our own follow-scrolling only move down: moving up is the user.
      if (top < lastTop.current - 2 && !atBottom) onFollowingChange(false);
      else if (atBottom && top > lastTop.current) onFollowingChange(true);
      lastTop.current = top;
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, [onFollowingChange]);

  return (
    <div ref={scrollRef} className="log-scroll" role="grid" aria-label="Log entries" aria-rowcount={count} tabIndex={0}>
      <div className="log-canvas" style={{ height: v.getTotalSize() }}>
        {v.getVirtualItems().map((item) => {
          const pos = positions[item.index]!;
          const entry = buffer.at(pos);
          if (!entry) return null;
          return (
            <div key={item.key} className="log-row-slot" style={{ transform: `translateY(${item.start}px)`, height: LOG_ROW_HEIGHT }}>
              <LogRow
                entry={entry}
                pos={pos}
                serverName={showServer ? (serverNames[entry.serverId] ?? entry.serverId) : undefined}
                selected={selected === pos}
                onSelect={onSelect}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
