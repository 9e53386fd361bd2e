import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { useActions, useWorkbench } from '../../app-context';
import { EmptyState, NotRunningState } from '../../components/empty-state';
import { toolsSelectors } from '../../store/slices/tools-slice';
import { uiSelectors } from '../../store/slices/ui-slice';
import { CallConsole } from '../console/call-console';
import { ToolList } from './tool-list';
import { BuilderBar, hasToolSource } from '../tool-builder/builder-bar';

export function ToolsTab({ server }: { server: ServerSummary }) {
  const id = server.config.id;
  const tools = useWorkbench(toolsSelectors.tools(id));
  const selectedName = useWorkbench(uiSelectors.selectedTool(id));
  const { startServer } = useActions();
  const state = server.status.state;
  const ready = state === 'ready';
  const selected = tools.find((t) => t.name === selectedName);

  if (tools.length === 0) {
    if (state === 'starting') return <EmptyState title="Starting the server…">Its tools appear as soon as it answers.</EmptyState>;
    if (ready) {
      return (
        <EmptyState
          title="This server has no tools"
          action={hasToolSource(server) ? <BuilderBar server={server} selected={null} /> : undefined}
        >
          It answered tools/list with an empty list.
        </EmptyState>
      );
    }
    return (
      <NotRunningState state={state} noun="tools" onStart={() => void startServer(id)}>
        MCP Lab lists the tools once the server has started and answered <code>tools/list</code>.
      </NotRunningState>
    );
  }

  return (
    <div className="tools-layout">
      <ToolList serverId={id} tools={tools} selected={selectedName} />
      <div className="console-pane">
        {hasToolSource(server) ? <BuilderBar server={server} selected={selected ? selected.name : null} /> : null}
        {!ready ? (
          <div className="stale-banner" role="status">
            The server is {state}: these are the tools from its last run. Start it to call them.
          </div>
        ) : null}
        {selected ? (
          <CallConsole key={`${id}/${selected.name}`} server={server} tool={selected} />
        ) : (
          <EmptyState title="Pick a tool">Select a tool on the left to call it with a generated form or with JSON.</EmptyState>
        )}
      </div>
    </div>
  );
}
