import { useActions, useWorkbench } from '../../app-context';
import { RemoveServerDialog } from './remove-server-dialog';
import { ServerDialog } from './server-dialog';

export function DialogHost() {
  const dialog = useWorkbench((s) => s.dialog);
  const server = useWorkbench((s) => (s.dialog && s.dialog.kind !== 'addServer' ? s.serversById[s.dialog.serverId] : undefined));
  const { closeDialog } = useActions();
  if (!dialog) return null;
  if (dialog.kind === 'addServer') return <ServerDialog onClose={closeDialog} />;
  if (!server) return null;
  if (dialog.kind === 'editServer') return <ServerDialog key={server.config.id} existing={server} onClose={closeDialog} />;
  return <RemoveServerDialog server={server} onClose={closeDialog} />;
}
