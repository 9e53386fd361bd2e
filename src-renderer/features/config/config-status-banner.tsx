import { useState } from 'react';
import type { SecretStoreStatus } from '../../../src-shared/api/schemas/config-status';
import { useActions, useWorkbench } from '../../app-context';

/**
 * Under the top bar, for as long as it lasts: mcp-lab.json or the secret store cannot be read.
 * Neither is ever written over; the secret store can be moved aside from here.
 */
export function ConfigStatusBanner() {
  const status = useWorkbench((s) => s.configStatus);
  const problem = status?.problem;
  const secrets = status?.secrets;
  return (
    <div className="config-banners">
      {problem ? (
        <div className="config-banner" role="alert">
          <p className="config-banner-title">mcp-lab.json cannot be read</p>
          <p className="config-banner-text">{problem}</p>
          <p className="config-banner-text muted">
            The servers stay as they were. MCP Lab saves nothing to the file until it is fixed, and reads it again as soon as it changes.
          </p>
        </div>
      ) : null}
      {secrets?.state === 'damaged' ? <DamagedSecretStore status={secrets} /> : null}
    </div>
  );
}

function DamagedSecretStore({ status }: { status: Extract<SecretStoreStatus, { state: 'damaged' }> }) {
  const { moveSecretsAside, pushNotice } = useActions();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fileName = status.file.split(/[\\/]/).pop();

  const moveAside = async () => {
    setBusy(true);
    setError(null);
    try {
      const movedTo = await moveSecretsAside();
      pushNotice(
        'info',
        `The unreadable secret store was moved to ${movedTo}. Enter the secrets your servers need again in their settings.`,
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  return (
    <div className="config-banner" role="alert" aria-label="The secret store cannot be read">
      <p className="config-banner-title">The secret store cannot be read</p>
      <p className="config-banner-text">
        <code>{status.file}</code>: {status.reason}.
      </p>
      <p className="config-banner-text">
        Servers that need a secret will not start, and MCP Lab will not write over the file. Repair it (MCP Lab reads it again before each
        start), or move it aside and start afresh.
      </p>
      {confirming ? (
        <div className="config-banner-confirm">
          <p className="config-banner-text">
            MCP Lab renames <code>{fileName}</code> to <code>{fileName}.damaged-…</code> in the same folder (nothing is deleted) and starts
            with an empty secret store. The secrets in the old file must then be entered again.
          </p>
          <div className="config-banner-actions">
            <button type="button" className="button danger" disabled={busy} onClick={() => void moveAside()}>
              {busy ? 'Moving…' : 'Move it aside and start afresh'}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="config-banner-actions">
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            Move it aside…
          </button>
        </div>
      )}
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}
