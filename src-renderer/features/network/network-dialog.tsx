import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { ModalDialog } from '../../components/modal-dialog';
import { NetworkPanel } from './network-panel';

/** The Network view of a remote server, opened from its header. */
export function NetworkDialog({ server, onClose }: { server: ServerSummary; onClose(): void }) {
  return (
    <ModalDialog title={`Network — ${server.config.name}`} onClose={onClose} className="network-dialog">
      <NetworkPanel server={server} />
    </ModalDialog>
  );
}
