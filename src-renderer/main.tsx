import { createRoot } from 'react-dom/client';
import { connectHost } from './api/connect-host';
import { ApiProvider } from './app-context';
import { App } from './app';
import { ErrorPage } from './components/error-page';
import { createLogStore } from './store/log-store';
import { bindApiEvents } from './store/sync/bind-api-events';
import { createWorkbenchStore } from './store/workbench-store';
import { installTheme } from './components/theme';
import './styles/index.css';

async function boot(): Promise<void> {
  installTheme();
  const root = createRoot(document.getElementById('root')!);
  root.render(<div className="boot">Connecting to the MCP Lab engine…</div>);
  let api;
  try {
    api = await connectHost();
  } catch (e) {
    root.render(
      <ErrorPage title="MCP Lab cannot reach its engine" message={e instanceof Error ? e.message : String(e)}>
        <p>
          In browser mode, open the full URL that <code>mcp-lab serve</code> printed (it ends with <code>#token=…</code>), and
          check that the command is still running. Each start prints a new URL.
        </p>
      </ErrorPage>,
    );
    return;
  }
  const workbench = createWorkbenchStore(api);
  const logs = createLogStore();
  bindApiEvents(api, workbench, logs);
  root.render(
    <ApiProvider api={api} stores={{ workbench, logs }}>
      <App />
    </ApiProvider>,
  );
}

void boot();
