import { useRef, type KeyboardEvent } from 'react';

/**
 * The keyboard of every searchable list (tools, prompts, resources): ↓ from the search box to the
 * first item, ↑/↓ between items and back up to the search box, Enter picks the first match,
 * Escape clears the query. Items are the list's `button.tool-item`s.
 */
export function useListNavigation<L extends HTMLElement>(o: { query: string; setQuery(q: string): void; onEnter?: () => void }) {
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<L>(null);
  const items = () => [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button.tool-item') ?? [])];
  const onSearchKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      items()[0]?.focus();
    } else if (e.key === 'Enter' && o.onEnter) {
      e.preventDefault();
      o.onEnter();
    } else if (e.key === 'Escape' && o.query) {
      e.preventDefault();
      o.setQuery('');
    }
  };
  const onListKeyDown = (e: KeyboardEvent<L>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const list = items();
    const i = list.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    e.preventDefault();
    if (e.key === 'ArrowUp' && i === 0) searchRef.current?.focus();
    else list[Math.max(0, Math.min(list.length - 1, e.key === 'ArrowDown' ? i + 1 : i - 1))]?.focus();
  };
  return { searchRef, listRef, onSearchKeyDown, onListKeyDown };
}
