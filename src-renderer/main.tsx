import { createRoot } from 'react-dom/client';
import { connectHost } from './api/connect-host';
import { ApiProvider } from './app-context';
import { App } from './app';
import { ErrorPage } from './components/error-page';
import { createLogStore } from './store/log-store';
import { bindApiEvents } from './store/sync/bind-api-events';
import { createWorkbenchStore } from './store/workbench-store';
import { rememberView } from './store/view-memory';
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
          In browser mode, check that <code>mcp-lab serve</code> is still running. Each link it prints opens one browser session: for a new
          one, type <code>n</code> and press Enter in its terminal, then open the URL it prints.
        </p>
      </ErrorPage>,
    );
    return;
  }
  const workbench = createWorkbenchStore(api);
  const logs = createLogStore();
  bindApiEvents(api, workbench, logs);
  try {
    rememberView(workbench, window.localStorage);
  } catch {
    // storage refused (a private window): the view is not remembered across reloads
  }
  root.render(
    <ApiProvider api={api} stores={{ workbench, logs }}>
      <App />
    </ApiProvider>,
  );
}

void boot();
