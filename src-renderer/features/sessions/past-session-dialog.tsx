import { useState } from 'react';
import type { SessionFile } from '../../../src-shared/api/schemas/session-file';
import { readSessionFile } from '../../../src-shared/sessions/read-session-file';
import { ModalDialog } from '../../components/modal-dialog';
import { PastSessionView } from './past-session-view';

/** Larger than any session MCP Lab writes (its rings and history are bounded). */
const MAX_SESSION_BYTES = 64 * 1024 * 1024;

/** Open a session file someone exported (from this workspace or another): shown read-only, never started. */
export function PastSessionDialog({ onClose }: { onClose(): void }) {
  const [session, setSession] = useState<SessionFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pickFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_SESSION_BYTES)
      return setError(`${file.name} is ${Math.round(file.size / 1024 / 1024)} MiB: too large to be a session file`);
    const r = readSessionFile(await file.text());
    if ('error' in r) {
      setSession(null);
      setError(`${file.name}: ${r.error}`);
    } else {
      setError(null);
      setSession(r.session);
    }
  };
  return (
    <ModalDialog
      title="Past session (read-only)"
      onClose={onClose}
      className="past-session-dialog"
      footer={
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      }
    >
      <input type="file" accept=".json,application/json" aria-label="Session file" onChange={(e) => void pickFile(e.target.files?.[0])} />
      {error ? <p className="field-error">{error}</p> : null}
      {session ? (
        <PastSessionView session={session} />
      ) : (
        <p className="muted small">
          A file written by Export session (a server&apos;s Info tab). It opens here without the server: nothing in it runs.
        </p>
      )}
    </ModalDialog>
  );
}
