import { memo, useMemo, useState } from 'react';
import { ResourceAppBadge } from '../apps/app-badges';
import type { ResourceInfo, ResourceTemplateInfo } from '../../../src-shared/api/schemas/resource';
import { firstLine } from '../../components/format';
import { useListNavigation } from '../../components/list-navigation';
import { ListSearch } from '../../components/list-search';
import type { ResourceSelection } from '../../store/slices/resources-slice';
import { ResourceMeta } from './resource-meta';
import { filterResources, filterTemplates } from './resource-search';
import { countOf } from '../../../src-shared/base/count-of';
import { ServerName } from '../../components/server-name';

/** More rows than this make the list slow to build; the search narrows it. */
export const MAX_LISTED = 500;

interface Props {
  resources: readonly ResourceInfo[];
  templates: readonly ResourceTemplateInfo[];
  selection: ResourceSelection | undefined;
  subscriptions: readonly string[];
  /** URIs the server said changed since this window last read them. */
  changed: ReadonlySet<string>;
  onSelectResource(uri: string): void;
  onSelectTemplate(uriTemplate: string): void;
  onRefresh(): void;
  refreshing: boolean;
  canRefresh: boolean;
}

/** Resources and templates of a server, searchable, arrow keys between items. */
export function ResourceList(p: Props) {
  const [query, setQuery] = useState('');
  const resources = useMemo(() => filterResources(p.resources, query), [p.resources, query]);
  const templates = useMemo(() => filterTemplates(p.templates, query), [p.templates, query]);
  const { searchRef, listRef: scrollRef, onSearchKeyDown, onListKeyDown } = useListNavigation<HTMLDivElement>({ query, setQuery });
  const subscribed = useMemo(() => new Set(p.subscriptions), [p.subscriptions]);
  const total = p.resources.length + p.templates.length;
  const shown = resources.length + templates.length;
  const sel = p.selection;

  return (
    <div className="tool-list-pane">
      <ListSearch
        searchRef={searchRef}
        query={query}
        setQuery={setQuery}
        onKeyDown={onSearchKeyDown}
        label="Search resources"
        count={
          shown === total
            ? `${countOf(p.resources.length, 'resource')}, ${countOf(p.templates.length, 'template')}`
            : `${shown} of ${total}`
        }
        refresh={{
          title: 'List again (resources/list and resources/templates/list)',
          label: 'Refresh resources',
          disabled: !p.canRefresh || p.refreshing,
          onClick: p.onRefresh,
        }}
      />
      <div ref={scrollRef} className="resource-scroll" onKeyDown={onListKeyDown}>
        {shown === 0 && query ? <p className="muted list-empty">Nothing matches “{query}”.</p> : null}
        {resources.length > 0 ? (
          <>
            <h4 className="list-section">Resources</h4>
            <ul className="tool-list" aria-label="Resources">
              {resources.slice(0, MAX_LISTED).map((r) => (
                <ResourceItem
                  key={r.uri}
                  resource={r}
                  selected={sel?.kind === 'resource' && sel.uri === r.uri}
                  subscribed={subscribed.has(r.uri)}
                  changed={p.changed.has(r.uri)}
                  onSelect={p.onSelectResource}
                />
              ))}
            </ul>
            {resources.length > MAX_LISTED ? (
              <p className="muted small list-empty">
                Showing {MAX_LISTED} of {resources.length}: search to find the others.
              </p>
            ) : null}
          </>
        ) : null}
        {templates.length > 0 ? (
          <>
            <h4 className="list-section">Templates</h4>
            <ul className="tool-list" aria-label="Resource templates">
              {templates.map((t) => (
                <TemplateItem
                  key={t.uriTemplate}
                  template={t}
                  selected={sel?.kind === 'template' && sel.uriTemplate === t.uriTemplate}
                  onSelect={p.onSelectTemplate}
                />
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );
}

const ResourceItem = memo(function ResourceItem(p: {
  resource: ResourceInfo;
  selected: boolean;
  subscribed: boolean;
  changed: boolean;
  onSelect(uri: string): void;
}) {
  const r = p.resource;
  return (
    <li>
      <button
        type="button"
        className={`tool-item ${p.selected ? 'selected' : ''}`}
        aria-current={p.selected ? 'true' : undefined}
        onClick={() => p.onSelect(r.uri)}
      >
        <span className="tool-item-head">
          {p.changed ? <span className="update-dot" title="Changed on the server since it was last read" aria-label="changed" /> : null}
          <ServerName className="tool-item-title" text={r.title ?? r.name} />
          <ResourceAppBadge resource={r} />
          {p.subscribed ? (
            <span className="badge badge-subscribed" title="Subscribed: the server notifies changes">
              subscribed
            </span>
          ) : null}
        </span>
        <span className="tool-item-name mono resource-item-uri" title={r.uri}>
          {r.uri}
        </span>
        {r.description ? <span className="tool-item-desc">{firstLine(r.description)}</span> : null}
        <ResourceMeta mimeType={r.mimeType} size={r.size} annotations={r.annotations} />
      </button>
    </li>
  );
});

const TemplateItem = memo(function TemplateItem(p: {
  template: ResourceTemplateInfo;
  selected: boolean;
  onSelect(uriTemplate: string): void;
}) {
  const t = p.template;
  return (
    <li>
      <button
        type="button"
        className={`tool-item ${p.selected ? 'selected' : ''}`}
        aria-current={p.selected ? 'true' : undefined}
        onClick={() => p.onSelect(t.uriTemplate)}
      >
        <span className="tool-item-head">
          <ServerName className="tool-item-title" text={t.title ?? t.name} />
        </span>
        <span className="tool-item-name mono resource-item-uri" title={t.uriTemplate}>
          {t.uriTemplate}
        </span>
        {t.description ? <span className="tool-item-desc">{firstLine(t.description)}</span> : null}
        <ResourceMeta mimeType={t.mimeType} annotations={t.annotations} />
      </button>
    </li>
  );
});
