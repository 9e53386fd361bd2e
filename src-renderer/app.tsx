import { useDebugFollow } from './features/debug/debug-panel';
import { useEffect } from 'react';
import { useActions, useWorkbench } from './app-context';
import { ConnectionIndicator } from './components/connection-indicator';
import { ErrorPage } from './components/error-page';
import { hasMod } from './components/keys';
import { Notices } from './components/notices';
import { SidebarResizer, useSidebarWidth } from './components/sidebar-resizer';
import { ThemeSwitch } from './components/theme-switch';
import { DialogHost } from './features/servers/dialog-host';
import { ClientRequestsHost } from './features/client-requests/requests-dialog';
import { ServerList } from './features/servers/server-list';
import { ServerView } from './features/servers/server-view';
import { MAIN_TABS } from './store/slices/ui-slice';
import { EditorArea } from './features/editor/editor-area';
import { SplitView } from './features/editor/split-view';
import { FileTree } from './features/workspace/file-tree';
import { MainViewSwitch, useBuildLifecycle } from './features/editor/main-view-switch';
import { ConfigStatusBanner } from './features/config/config-status-banner';

export function App() {
  const connection = useWorkbench((s) => s.connection);
  const sidebar = useSidebarWidth();
  const workspaceDir = useWorkbench((s) => s.appInfo?.workspaceDir);
  const actions = useActions();
  const mainView = useWorkbench((s) => s.mainView);
  useBuildLifecycle();
  useDebugFollow();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!hasMod(e) || e.altKey || e.shiftKey) return;
      if (e.key === 'k' || e.key === 'K') {
        e.preventDefault();
        actions.requestToolSearchFocus();
        return;
      }
      const n = Number(e.key);
      if (n >= 1 && n <= MAIN_TABS.length) {
        e.preventDefault();
        actions.setActiveTab(MAIN_TABS[n - 1]!);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);

  if (connection.state === 'refused' && connection.error.code === 'ConnectionLost') {
    // The desktop engine's process ended: its port is gone and no other will reach it.
    return (
      <ErrorPage title="The MCP Lab engine stopped" message={connection.error.message}>
        <p>Restart MCP Lab to continue. If it stops again, start MCP Lab from a terminal: the engine's last words are printed there.</p>
      </ErrorPage>
    );
  }
  if (connection.state === 'refused') {
    return (
      <ErrorPage title="The MCP Lab engine refused this window" message={connection.error.message}>
        <p>
          Open the URL printed by the running <code>mcp-lab serve</code> (each start has a new access token), or restart MCP Lab.
        </p>
      </ErrorPage>
    );
  }

  return (
    <div className="app" style={sidebar.style}>
      <header className="topbar">
        <span className="brand">MCP Lab</span>
        <span className="workspace" title={workspaceDir ? `Workspace folder: ${workspaceDir}` : undefined}>
          {workspaceDir ?? ''}
        </span>
        <MainViewSwitch />
        <span className="topbar-spacer" />
        <ThemeSwitch />
        <ConnectionIndicator />
      </header>
      <ConfigStatusBanner />
      <div className="app-body">
        <div className="sidebar-stack">
          <ServerList />
          <FileTree />
        </div>
        <SidebarResizer width={sidebar.width} setWidth={sidebar.setWidth} />
        {mainView === 'editor' ? <EditorArea /> : mainView === 'split' ? <SplitView /> : <ServerView />}
      </div>
      <Notices />
      <DialogHost />
      <ClientRequestsHost />
    </div>
  );
}
