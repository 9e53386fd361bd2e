import { useState } from 'react';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { useActions } from '../../app-context';
import { ModalDialog } from '../../components/modal-dialog';
import { safeName } from '../../components/server-name';

export function RemoveServerDialog({ server, onClose }: { server: ServerSummary; onClose(): void }) {
  const { removeServer } = useActions();
  const [busy, setBusy] = useState(false);
  return (
    <ModalDialog
      title={`Remove ${safeName(server.config.name)}?`}
      onClose={onClose}
      footer={
        <>
          <span className="header-spacer" />
          <button type="button" className="button" onClick={onClose} autoFocus>
            Cancel
          </button>
          <button
            type="button"
            className="button danger"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void removeServer(server.config.id).finally(onClose);
            }}
          >
            Remove server
          </button>
        </>
      }
    >
      <p>The server is stopped if it runs, and removed from this workspace with its stored secrets. Its files on disk are not touched.</p>
    </ModalDialog>
  );
}
