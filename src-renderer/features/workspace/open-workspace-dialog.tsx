import { useEffect, useState } from 'react';
import type { RecentWorkspace } from '../../../src-shared/api/schemas/workspace';
import { useActions, useWorkbench } from '../../app-context';
import { CancelConfirmFooter, ModalDialog } from '../../components/modal-dialog';
import { buildSelectors } from '../../store/slices/build-slice';

/** Open another folder as the workspace: a recent one, or any path the host allows. */
export function OpenWorkspaceDialog({ onClose }: { onClose(): void }) {
  const { recentWorkspaces, workspaceInfo, openWorkspace } = useActions();
  const current = useWorkbench((s) => s.appInfo?.workspaceDir ?? '');
  const dirty = useWorkbench((s) => buildSelectors.dirtyPaths(s).length);
  const [recent, setRecent] = useState<RecentWorkspace[]>([]);
  const [roots, setRoots] = useState<string[]>([]);
  const [dir, setDir] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    recentWorkspaces().then(
      (r) => setRecent(r.filter((x) => x.dir !== current)),
      () => undefined,
    );
    workspaceInfo().then(
      (i) => setRoots(i.allowedRoots),
      () => undefined,
    );
  }, [recentWorkspaces, workspaceInfo, current]);

  const open = async (target: string) => {
    setBusy(true);
    setError(null);
    try {
      await openWorkspace(target.trim());
      // The engine of the new workspace is in place: reconnect to it.
      window.location.reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  return (
    <ModalDialog
      title="Open a workspace folder"
      onClose={onClose}
      footer={
        <CancelConfirmFooter
          error={error}
          onCancel={onClose}
          confirm="Open"
          disabled={busy || !dir.trim()}
          onConfirm={() => void open(dir)}
        />
      }
    >
      <p className="muted">
        Now open: <code>{current}</code>. Its running servers are stopped when another folder opens.
        {dirty
          ? ` ${dirty} unsaved ${dirty === 1 ? 'file stays' : 'files stay'} journaled and ${dirty === 1 ? 'is' : 'are'} offered again when you come back.`
          : ''}
      </p>
      <label className="field">
        <span className="field-label">Folder (full path)</span>
        <input
          className="input mono"
          value={dir}
          onChange={(e) => setDir(e.target.value)}
          placeholder="/home/you/code/my-servers"
          spellCheck={false}
          autoFocus
        />
        {roots.length ? (
          <span className="field-help">
            This MCP Lab may open folders inside: {roots.join(', ')} (more with `mcp-lab serve --allow-root DIR`).
          </span>
        ) : null}
      </label>
      {recent.length ? (
        <>
          <h3 className="builder-section">Recent</h3>
          <ul className="recent-list">
            {recent.map((r) => (
              <li key={r.dir}>
                <button
                  type="button"
                  className="link-button"
                  disabled={!r.exists || busy}
                  onClick={() => void open(r.dir)}
                  title={r.exists ? r.dir : 'This folder no longer exists'}
                >
                  {r.name}
                </button>{' '}
                <code className="muted small">{r.dir}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </ModalDialog>
  );
}
