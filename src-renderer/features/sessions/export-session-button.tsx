import { useState } from 'react';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import { useActions } from '../../app-context';
import { downloadText } from '../../components/download';

/** Download the server's session as one file, secrets blanked (for an issue or a review). */
export function ExportSessionButton({ serverId }: { serverId: ServerId }) {
  const { exportSession } = useActions();
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const exportNow = async () => {
    setState({ busy: true });
    try {
      const { fileName, text } = await exportSession(serverId);
      downloadText(fileName, 'application/json', text);
      setState({ busy: false });
    } catch (e) {
      setState({ busy: false, error: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <>
      <div className="info-row">
        <button type="button" className="button" disabled={state.busy} onClick={() => void exportNow()}>
          Export session
        </button>
        <span className="muted small">
          One file with this server&apos;s info, surface, protocol log, history and load runs; secrets are blanked. Open it with “Open
          session…” in another MCP Lab.
        </span>
      </div>
      {state.error ? <p className="field-error">Could not export: {state.error}</p> : null}
    </>
  );
}
