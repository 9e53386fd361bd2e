import { useActions, useWorkbench } from '../../app-context';
import { EmptyState } from '../../components/empty-state';
import { MOD_LABEL } from '../../components/keys';
import { serverSelectors } from '../../store/slices/servers-slice';
import { MAIN_TABS } from '../../store/slices/ui-slice';
import { OpenResourceProvider } from '../resources/open-resource-context';
import { HintsBanner } from './hints-banner';
import { ReloadBanner } from '../reload/reload-banner';
import { ServerSetupBanner } from '../projects/setup-banner';
import { ServerFailurePanel } from './server-failure-panel';
import { ServerHeader } from './server-header';
import { SERVER_TABS } from './server-tabs';
import { SetAsideSecretsPanel } from '../config/set-aside-secrets-panel';
import { ConfigChangedNote } from '../config/config-changed-note';

/** The selected server's header, banners and tabs; `embedded` beside the editor it is a region, not the main area. */
export function ServerView({ embedded = false }: { embedded?: boolean }) {
  const Root = embedded ? 'section' : 'main';
  const server = useWorkbench(serverSelectors.selected);
  const loaded = useWorkbench((s) => s.serversLoaded);
  const activeTab = useWorkbench((s) => s.activeTab);
  const { setActiveTab, openDialog } = useActions();

  if (!server) {
    return (
      <Root className="main-area" aria-label="Server">
        {loaded ? (
          <EmptyState
            title="Add a server"
            action={
              <>
                <button type="button" className="button primary" onClick={() => openDialog({ kind: 'addServer' })}>
                  Add server
                </button>{' '}
                <button type="button" className="button" onClick={() => openDialog({ kind: 'importServers' })}>
                  Import from Claude Desktop, VS Code or Cursor…
                </button>
              </>
            }
          >
            <p>
              Any command that speaks MCP over stdio, e.g. <code>uv run server.py</code> or <code>node build/index.js</code>.
            </p>
          </EmptyState>
        ) : (
          <div className="loading">Loading servers…</div>
        )}
      </Root>
    );
  }

  return (
    <Root className="main-area" aria-label="Server">
      <ServerHeader server={server} />
      <HintsBanner server={server} />
      <ServerSetupBanner serverId={server.config.id} />
      <ReloadBanner server={server} />
      <ConfigChangedNote server={server} />
      <SetAsideSecretsPanel server={server} />
      <ServerFailurePanel server={server} />
      <div className="tabs" role="tablist" aria-label="Server views">
        {MAIN_TABS.map((t, i) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`tab-${t}`}
            aria-selected={activeTab === t}
            aria-controls={`panel-${t}`}
            className="tab"
            title={i < 9 ? `${SERVER_TABS[t].label} (${MOD_LABEL}+${i + 1})` : SERVER_TABS[t].label}
            onClick={() => setActiveTab(t)}
          >
            {SERVER_TABS[t].label}
            {i < 9 ? (
              <kbd className="tab-key" aria-hidden="true">
                {MOD_LABEL}+{i + 1}
              </kbd>
            ) : null}
          </button>
        ))}
      </div>
      <section className="tab-panel" role="tabpanel" id={`panel-${activeTab}`} aria-labelledby={`tab-${activeTab}`}>
        <OpenResourceProvider serverId={server.config.id}>{SERVER_TABS[activeTab].render(server)}</OpenResourceProvider>
      </section>
    </Root>
  );
}
