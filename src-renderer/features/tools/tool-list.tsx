import { memo, useEffect, useMemo, useState } from 'react';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import type { ToolInfo } from '../../../src-shared/api/schemas/tool';
import { useActions, useWorkbench } from '../../app-context';
import { firstLine } from '../../components/format';
import { MOD_LABEL } from '../../components/keys';
import { useListNavigation } from '../../components/list-navigation';
import { ListSearch } from '../../components/list-search';
import { ToolAnnotations, toolTitle } from './tool-annotations';
import { ToolAppBadges } from '../apps/app-badges';
import { filterTools } from './tool-search';
import { countOf } from '../../../src-shared/base/count-of';
import { ServerName } from '../../components/server-name';

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
  const { searchRef, listRef, onSearchKeyDown, onListKeyDown } = useListNavigation<HTMLUListElement>({
    query,
    setQuery,
    onEnter: () => shown[0] && selectTool(serverId, shown[0].name),
  });

  useEffect(() => {
    if (focusRequest > 0) {
      searchRef.current?.focus();
      searchRef.current?.select();
    }
  }, [focusRequest, searchRef]);

  return (
    <div className="tool-list-pane">
      <ListSearch
        searchRef={searchRef}
        query={query}
        setQuery={setQuery}
        onKeyDown={onSearchKeyDown}
        label="Search tools"
        placeholder={`Search tools (${MOD_LABEL}+K)`}
        count={shown.length === tools.length ? countOf(tools.length, 'tool') : `${shown.length} of ${tools.length}`}
      />
      {shown.length === 0 ? (
        <p className="muted list-empty">No tool matches “{query}”.</p>
      ) : (
        <ul ref={listRef} className="tool-list" aria-label="Tools" onKeyDown={onListKeyDown}>
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
      <button
        type="button"
        className={`tool-item ${selected ? 'selected' : ''}`}
        aria-current={selected ? 'true' : undefined}
        onClick={onSelect}
      >
        <span className="tool-item-head">
          <ServerName className="tool-item-title" text={title} />
          {title !== tool.name ? <ServerName className="tool-item-name mono" text={tool.name} /> : null}
          <ToolAppBadges tool={tool} />
        </span>
        {tool.description ? <span className="tool-item-desc">{firstLine(tool.description)}</span> : null}
        <ToolAnnotations tool={tool} />
      </button>
    </li>
  );
});
