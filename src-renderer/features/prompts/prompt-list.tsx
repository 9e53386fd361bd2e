import { memo, useMemo, useState } from 'react';
import type { PromptInfo } from '../../../src-shared/api/schemas/prompt';
import { firstLine } from '../../components/format';
import { useListNavigation } from '../../components/list-navigation';
import { ListSearch } from '../../components/list-search';
import { countOf } from '../../../src-shared/base/count-of';
import { safeName, ServerName } from '../../components/server-name';

/** Case-insensitive: every word must appear in the name, title, description or an argument name. */
export function filterPrompts(prompts: readonly PromptInfo[], query: string): PromptInfo[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...prompts];
  return prompts.filter((p) => {
    const hay = `${p.name}\n${p.title ?? ''}\n${p.description ?? ''}\n${(p.arguments ?? []).map((a) => a.name).join(' ')}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

interface Props {
  prompts: readonly PromptInfo[];
  selected: string | null;
  onSelect(name: string): void;
  onRefresh(): void;
  canRefresh: boolean;
}

export function PromptList({ prompts, selected, onSelect, onRefresh, canRefresh }: Props) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => filterPrompts(prompts, query), [prompts, query]);
  const { searchRef, listRef, onSearchKeyDown, onListKeyDown } = useListNavigation<HTMLUListElement>({
    query,
    setQuery,
    onEnter: () => shown[0] && onSelect(shown[0].name),
  });

  return (
    <div className="tool-list-pane">
      <ListSearch
        searchRef={searchRef}
        query={query}
        setQuery={setQuery}
        onKeyDown={onSearchKeyDown}
        label="Search prompts"
        count={shown.length === prompts.length ? countOf(prompts.length, 'prompt') : `${shown.length} of ${prompts.length}`}
        refresh={{ title: 'List again (prompts/list)', label: 'Refresh prompts', disabled: !canRefresh, onClick: onRefresh }}
      />
      {shown.length === 0 ? (
        <p className="muted list-empty">No prompt matches “{query}”.</p>
      ) : (
        <ul ref={listRef} className="tool-list" aria-label="Prompts" onKeyDown={onListKeyDown}>
          {shown.map((p) => (
            <PromptItem key={p.name} prompt={p} selected={p.name === selected} onSelect={onSelect} />
          ))}
        </ul>
      )}
    </div>
  );
}

const PromptItem = memo(function PromptItem({
  prompt,
  selected,
  onSelect,
}: {
  prompt: PromptInfo;
  selected: boolean;
  onSelect(name: string): void;
}) {
  const title = prompt.title ?? prompt.name;
  const args = prompt.arguments ?? [];
  return (
    <li>
      <button
        type="button"
        className={`tool-item ${selected ? 'selected' : ''}`}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(prompt.name)}
      >
        <span className="tool-item-head">
          <ServerName className="tool-item-title" text={title} />
          {title !== prompt.name ? <ServerName className="tool-item-name mono" text={prompt.name} /> : null}
        </span>
        {prompt.description ? <span className="tool-item-desc">{firstLine(prompt.description)}</span> : null}
        {args.length ? (
          <span
            className="prompt-args mono small"
            aria-label={`Arguments: ${args.map((a) => `${a.name}${a.required ? ' (required)' : ''}`).join(', ')}`}
          >
            {args.map((a, i) => (
              <span key={a.name}>
                {i > 0 ? ', ' : ''}
                {safeName(a.name)}
                {a.required ? <span className="required">*</span> : null}
              </span>
            ))}
          </span>
        ) : (
          <span className="muted small">no arguments</span>
        )}
      </button>
    </li>
  );
});
