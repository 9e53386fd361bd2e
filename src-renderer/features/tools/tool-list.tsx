import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import type { ToolInfo } from '../../../src-shared/api/schemas/tool';
import { useActions, useWorkbench } from '../../app-context';
import { firstLine } from '../../components/format';
import { MOD_LABEL } from '../../components/keys';
import { ToolAnnotations, toolTitle } from './tool-annotations';
import { filterTools } from './tool-search';

interface Props {
  serverId: ServerId;
  tools: readonly ToolInfo[];
  selected: string | null;
}

export function ToolList({ serverId, tools, selected }: Props) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => filterTools(tools, query), [tools, query]);
  const { selectTool } = useActions();
  const focusRequest = useWorkbench((s) => s.toolSearchFocusRequest);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (focusRequest > 0) {
      searchRef.current?.focus();
      searchRef.current?.select();
    }
  }, [focusRequest]);

  const focusItem = (i: number) => {
    const items = listRef.current?.querySelectorAll<HTMLButtonElement>('button.tool-item');
    items?.[Math.max(0, Math.min(i, items.length - 1))]?.focus();
  };

  return (
    <div className="tool-list-pane">
      <div className="search-box">
        <input
          ref={searchRef}
          type="search"
          className="input"
          placeholder={`Search tools (${MOD_LABEL}+K)`}
          aria-label="Search tools"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              focusItem(0);
            } else if (e.key === 'Enter' && shown[0]) {
              e.preventDefault();
              selectTool(serverId, shown[0].name);
            } else if (e.key === 'Escape' && query) {
              e.preventDefault();
              setQuery('');
            }
          }}
        />
        <span className="muted small tool-count">
          {shown.length === tools.length ? `${tools.length} tools` : `${shown.length} of ${tools.length}`}
        </span>
      </div>
      {shown.length === 0 ? (
        <p className="muted list-empty">No tool matches “{query}”.</p>
      ) : (
        <ul
          ref={listRef}
          className="tool-list"
          aria-label="Tools"
          onKeyDown={(e) => {
            if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
            const items = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button.tool-item') ?? [])];
            const i = items.indexOf(document.activeElement as HTMLButtonElement);
            if (i < 0) return;
            e.preventDefault();
            if (e.key === 'ArrowUp' && i === 0) searchRef.current?.focus();
            else focusItem(e.key === 'ArrowDown' ? i + 1 : i - 1);
          }}
        >
          {shown.map((t) => (
            <ToolListItem key={t.name} tool={t} selected={t.name === selected} onSelect={() => selectTool(serverId, t.name)} />
          ))}
        </ul>
      )}
    </div>
  );
}

const ToolListItem = memo(function ToolListItem({ tool, selected, onSelect }: { tool: ToolInfo; selected: boolean; onSelect(): void }) {
  const title = toolTitle(tool);
  return (
    <li>
      <button type="button" className={`tool-item ${selected ? 'selected' : ''}`} aria-current={selected ? 'true' : undefined} onClick={onSelect}>
        <span className="tool-item-head">
          <span className="tool-item-title">{title}</span>
          {title !== tool.name ? <span className="tool-item-name mono">{tool.name}</span> : null}
        </span>
        {tool.description ? <span className="tool-item-desc">{firstLine(tool.description)}</span> : null}
        <ToolAnnotations tool={tool} />
      </button>
    </li>
  );
});
