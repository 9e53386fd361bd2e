import { useActions, useWorkbench } from '../../app-context';
import { ModalDialog } from '../../components/modal-dialog';
import { DiffView } from './code-editor';

/** The file changed on disk while the buffer was dirty: show both, let the person choose. Never a silent overwrite. */
export function FileConflictDialog({ path, onClose }: { path: string; onClose(): void }) {
  const tab = useWorkbench((s) => s.tabs[path]);
  const { resolveConflict } = useActions();
  if (!tab?.conflict) return null;
  const disk = tab.conflict.disk;
  const choose = async (c: 'mine' | 'theirs') => {
    onClose();
    await resolveConflict(path, c);
  };
  return (
    <ModalDialog
      title={`${path} changed on disk`}
      onClose={onClose}
      className="modal-wide"
      footer={
        <>
          <span className="muted small">
            {disk ? 'Left: the file on disk now. Right: your unsaved version.' : 'The file was deleted on disk.'}
          </span>
          <span className="topbar-spacer" />
          <button type="button" className="button" onClick={onClose}>
            Decide later
          </button>
          <button type="button" className="button" onClick={() => void choose('theirs')}>
            {disk ? 'Take theirs (discard my changes)' : 'Close the file'}
          </button>
          <button type="button" className="button primary" onClick={() => void choose('mine')}>
            Keep mine (overwrite the disk)
          </button>
        </>
      }
    >
      <p>Another program changed this file after you started editing it. Nothing was written yet.</p>
      <DiffView
        original={disk?.content ?? ''}
        modified={tab.content}
        language={tab.language}
        originalLabel="On disk now"
        modifiedLabel="Your version"
      />
    </ModalDialog>
  );
}

/** Buffers a previous window left unsaved (journaled), offered when the workspace opens. */
export function RecoveryDialog({ onClose }: { onClose(): void }) {
  const entries = useWorkbench((s) => s.recovery);
  const { restoreRecovery, discardRecovery } = useActions();
  if (!entries.length) return null;
  return (
    <ModalDialog
      title="Recover unsaved changes"
      onClose={onClose}
      footer={
        <>
          <button
            type="button"
            className="button danger-outline"
            onClick={() => {
              void discardRecovery();
              onClose();
            }}
          >
            Discard all
          </button>
          <span className="topbar-spacer" />
          <button type="button" className="button" onClick={onClose}>
            Later
          </button>
          <button
            type="button"
            className="button primary"
            onClick={() => {
              restoreRecovery(entries);
              onClose();
            }}
          >
            Restore all
          </button>
        </>
      }
    >
      <p>MCP Lab was closed with unsaved edits. They were kept; restore them into the editor, then save.</p>
      <ul className="recovery-list">
        {entries.map((e) => (
          <li key={e.path}>
            <code>{e.path}</code> <span className="muted small">edited {new Date(e.updatedAt).toLocaleString()}</span>
            {e.diskChanged ? <span className="editor-warning"> the file changed on disk since: saving will show both</span> : null}
          </li>
        ))}
      </ul>
    </ModalDialog>
  );
}

export function CloseDirtyTabDialog({ path, onClose }: { path: string; onClose(): void }) {
  const { saveFile, closeTab } = useActions();
  return (
    <ModalDialog
      title="Close without saving?"
      onClose={onClose}
      footer={
        <>
          <span className="topbar-spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button danger-outline"
            onClick={() => {
              closeTab(path);
              onClose();
            }}
          >
            Discard changes
          </button>
          <button
            type="button"
            className="button primary"
            onClick={() => {
              onClose();
              void saveFile(path).then((r) => r === 'saved' && closeTab(path));
            }}
          >
            Save and close
          </button>
        </>
      }
    >
      <p>
        <code>{path}</code> has unsaved changes.
      </p>
    </ModalDialog>
  );
}
