import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { useActions, useWorkbench } from '../../app-context';
import { EmptyState, NotRunningState } from '../../components/empty-state';
import { catalogSelectors } from '../../store/slices/catalog-slice';
import { promptsSelectors } from '../../store/slices/prompts-slice';
import { PromptList } from './prompt-list';
import { PromptView } from './prompt-view';

export function PromptsTab({ server }: { server: ServerSummary }) {
  const id = server.config.id;
  const state = server.status.state;
  const ready = state === 'ready';
  const prompts = useWorkbench(catalogSelectors.prompts(id));
  const selectedName = useWorkbench(promptsSelectors.selected(id));
  const refreshing = useWorkbench((s) => s.promptsRefreshing[id] ?? false);
  const { selectPrompt, refreshPrompts, startServer } = useActions();
  const offered = !!server.info?.capabilities.prompts;
  const selected = prompts.find((p) => p.name === selectedName);

  if (prompts.length === 0) {
    if (state === 'starting') return <EmptyState title="Starting the server…">Its prompts appear as soon as it answers.</EmptyState>;
    if (ready && !offered)
      return (
        <EmptyState title="This server offers no prompts">It does not declare the prompts capability in its initialize answer.</EmptyState>
      );
    if (ready) {
      return (
        <EmptyState
          title="This server lists no prompts"
          action={
            <button type="button" className="button" disabled={refreshing} onClick={() => void refreshPrompts(id)}>
              List again
            </button>
          }
        >
          It answered <code>prompts/list</code> with an empty list.
        </EmptyState>
      );
    }
    return (
      <NotRunningState state={state} noun="prompts" onStart={() => void startServer(id)}>
        MCP Lab lists the prompts once the server has started.
      </NotRunningState>
    );
  }

  return (
    <div className="tools-layout">
      <PromptList
        prompts={prompts}
        selected={selectedName}
        onSelect={(name) => selectPrompt(id, name)}
        onRefresh={() => void refreshPrompts(id)}
        canRefresh={ready && offered && !refreshing}
      />
      <div className="console-pane">
        {!ready ? (
          <div className="stale-banner" role="status">
            The server is {state}: these are the prompts from its last run. Start it to get them.
          </div>
        ) : null}
        {selected ? (
          <PromptView key={`${id}/${selected.name}`} server={server} prompt={selected} />
        ) : (
          <EmptyState title="Pick a prompt">Select a prompt on the left to fill its arguments and see the messages it produces.</EmptyState>
        )}
      </div>
    </div>
  );
}
