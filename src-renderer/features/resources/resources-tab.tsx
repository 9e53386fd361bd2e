import { useMemo } from 'react';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { useActions, useWorkbench, useWorkbenchStore } from '../../app-context';
import { EmptyState, NotRunningState } from '../../components/empty-state';
import { catalogSelectors } from '../../store/slices/catalog-slice';
import { resourceKey, resourcesSelectors } from '../../store/slices/resources-slice';
import { ResourceList } from './resource-list';
import { ResourceViewer } from './resource-viewer';
import { TemplateViewer } from './template-viewer';

const NO_UPDATES: Record<string, number> = {};

/** The server's resources and templates on the left; the selected one, its form and its contents on the right. */
export function ResourcesTab({ server }: { server: ServerSummary }) {
  const id = server.config.id;
  const state = server.status.state;
  const ready = state === 'ready';
  const listed = useWorkbench(catalogSelectors.resourceList(id));
  const resources = useWorkbench(catalogSelectors.resources(id));
  const templates = useWorkbench(catalogSelectors.templates(id));
  const subscriptions = useWorkbench(catalogSelectors.subscriptions(id));
  const updates = useWorkbench((s) => s.resourceUpdates[id] ?? NO_UPDATES);
  const reads = useWorkbench((s) => s.resourceReads);
  const selection = useWorkbench(resourcesSelectors.selection(id));
  const refreshing = useWorkbench((s) => s.resourcesRefreshing[id] ?? false);
  const store = useWorkbenchStore();
  const { selectResource, readResource, refreshResources, startServer } = useActions();

  const changed = useMemo(() => {
    const out = new Set<string>();
    for (const [uri, at] of Object.entries(updates)) {
      const readAt = reads[resourceKey(id, uri)]?.outcome?.startedAt;
      if (readAt === undefined || at > readAt) out.add(uri);
    }
    return out;
  }, [updates, reads, id]);

  const onSelectResource = (uri: string) => {
    selectResource(id, { kind: 'resource', uri });
    // One click reads a resource the first time; after that Re-read is explicit.
    const s = store.getState();
    if (!s.resourceReads[resourceKey(id, uri)] && s.serversById[id]?.status.state === 'ready') void readResource(id, uri);
  };

  const offered = !!server.info?.capabilities.resources;
  const empty = resources.length === 0 && templates.length === 0;
  if (empty && !selection) {
    if (state === 'starting') return <EmptyState title="Starting the server…">Its resources appear as soon as it answers.</EmptyState>;
    if (ready && !offered) {
      return (
        <EmptyState title="This server offers no resources">
          It does not declare the resources capability in its initialize answer.
        </EmptyState>
      );
    }
    if (ready) {
      return (
        <EmptyState
          title="This server lists no resources"
          action={
            <button type="button" className="button" disabled={refreshing} onClick={() => void refreshResources(id)}>
              List again
            </button>
          }
        >
          It answered <code>resources/list</code> {listed?.templatePages ? 'and resources/templates/list ' : ''}with empty lists.
        </EmptyState>
      );
    }
    return (
      <NotRunningState state={state} noun="resources" onStart={() => void startServer(id)}>
        MCP Lab lists resources and templates once the server has started.
      </NotRunningState>
    );
  }

  const selectedTemplate = selection?.kind === 'template' ? templates.find((t) => t.uriTemplate === selection.uriTemplate) : undefined;
  return (
    <div className="tools-layout">
      <ResourceList
        resources={resources}
        templates={templates}
        selection={selection}
        subscriptions={subscriptions}
        changed={changed}
        onSelectResource={onSelectResource}
        onSelectTemplate={(uriTemplate) => selectResource(id, { kind: 'template', uriTemplate })}
        onRefresh={() => void refreshResources(id)}
        refreshing={refreshing}
        canRefresh={ready && offered}
      />
      <div className="console-pane">
        {!ready ? (
          <div className="stale-banner" role="status">
            The server is {state}: these are the resources from its last run. Start it to read them.
          </div>
        ) : null}
        {selection?.kind === 'resource' ? (
          <ResourceViewer key={selection.uri} server={server} uri={selection.uri} info={resources.find((r) => r.uri === selection.uri)} />
        ) : selectedTemplate ? (
          <TemplateViewer key={selectedTemplate.uriTemplate} server={server} template={selectedTemplate} />
        ) : (
          <EmptyState title="Pick a resource or a template">
            A resource is read with one click. A template asks for its variables first, with the server’s suggestions when it offers
            completions.
          </EmptyState>
        )}
      </div>
    </div>
  );
}
