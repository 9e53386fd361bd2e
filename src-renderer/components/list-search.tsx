import type { KeyboardEvent, RefObject } from 'react';

interface Props {
  searchRef: RefObject<HTMLInputElement | null>;
  query: string;
  setQuery(q: string): void;
  onKeyDown(e: KeyboardEvent<HTMLInputElement>): void;
  /** What is searched, for the accessible name ("Search tools"). */
  label: string;
  placeholder?: string;
  /** "12 tools", "3 of 12"… */
  count: string;
  /** A button that asks the server for its list again, where the list can change. */
  refresh?: { title: string; label: string; disabled: boolean; onClick(): void };
}

/** The search box over the tool, prompt and resource lists: one look, one keyboard model. */
export function ListSearch({ searchRef, query, setQuery, onKeyDown, label, placeholder, count, refresh }: Props) {
  const input = (
    <input
      ref={searchRef}
      type="search"
      className="input"
      placeholder={placeholder ?? label}
      aria-label={label}
      value={query}
      onChange={(e) => setQuery(e.target.value)}
      onKeyDown={onKeyDown}
    />
  );
  return (
    <div className="search-box">
      {refresh ? (
        <div className="search-row">
          {input}
          <button
            type="button"
            className="icon-button"
            title={refresh.title}
            aria-label={refresh.label}
            disabled={refresh.disabled}
            onClick={refresh.onClick}
          >
            ⟳
          </button>
        </div>
      ) : (
        input
      )}
      <span className="muted small tool-count">{count}</span>
    </div>
  );
}
