import { NetworkDialog } from '../network/network-dialog';
import { useActions, useWorkbench } from '../../app-context';
import { CloseDirtyTabDialog, FileConflictDialog, RecoveryDialog } from '../editor/editor-dialogs';
import { NewServerDialog } from '../projects/new-server-dialog';
import { ToolBuilderDialog } from '../tool-builder/tool-builder-dialog';
import { OpenWorkspaceDialog } from '../workspace/open-workspace-dialog';
import { ConsentDialog } from './consent-dialog';
import { RemoveServerDialog } from './remove-server-dialog';
import { ServerDialog } from './server-dialog';
import { ImportServersDialog } from '../server-lists/import-dialog';
import { ExportServersDialog } from '../server-lists/export-dialog';
import { PastSessionDialog } from '../sessions/past-session-dialog';
import { OAuthDebuggerDialog } from '../oauth/oauth-debugger-dialog';

export function DialogHost() {
  const dialog = useWorkbench((s) => s.dialog);
  const server = useWorkbench((s) => (s.dialog && 'serverId' in s.dialog ? s.serversById[s.dialog.serverId] : undefined));
  const { closeDialog } = useActions();
  if (!dialog) return null;
  // Building servers: dialogs that are not about one configured server's settings.
  if (dialog.kind === 'newServer') return <NewServerDialog onClose={closeDialog} />;
  if (dialog.kind === 'toolBuilder')
    return (
      <ToolBuilderDialog
        key={`${dialog.serverId}/${dialog.toolName ?? ''}`}
        serverId={dialog.serverId}
        toolName={dialog.toolName}
        onClose={closeDialog}
      />
    );
  if (dialog.kind === 'fileConflict') return <FileConflictDialog path={dialog.path} onClose={closeDialog} />;
  if (dialog.kind === 'recovery') return <RecoveryDialog onClose={closeDialog} />;
  if (dialog.kind === 'openWorkspace') return <OpenWorkspaceDialog onClose={closeDialog} />;
  if (dialog.kind === 'closeDirtyTab') return <CloseDirtyTabDialog path={dialog.path} onClose={closeDialog} />;
  if (dialog.kind === 'addServer') return <ServerDialog onClose={closeDialog} />;
  if (dialog.kind === 'importServers') return <ImportServersDialog onClose={closeDialog} />;
  if (dialog.kind === 'exportServers') return <ExportServersDialog onClose={closeDialog} />;
  if (dialog.kind === 'pastSession') return <PastSessionDialog onClose={closeDialog} />;
  if (!server) return null;
  if (dialog.kind === 'editServer') return <ServerDialog key={server.config.id} existing={server} onClose={closeDialog} />;
  if (dialog.kind === 'consent')
    return <ConsentDialog server={server} underDebugger={dialog.underDebugger === true} onClose={closeDialog} />;
  if (dialog.kind === 'network') return <NetworkDialog server={server} onClose={closeDialog} />;
  if (dialog.kind === 'oauthDebugger') return <OAuthDebuggerDialog server={server} traceId={dialog.traceId} onClose={closeDialog} />;
  return <RemoveServerDialog server={server} onClose={closeDialog} />;
}
