import { useShallow } from 'zustand/react/shallow';
import { useActions, useWorkbench } from '../../app-context';
import { safeName } from '../../components/server-name';

/**
 * A save that broke a watched server: its error and last stderr lines next to the editor, with a
 * link to the line the traceback names.
 */
export function ReloadErrorPanel() {
  const failed = useWorkbench(useShallow((s) => Object.values(s.reloads).filter((e) => e.state === 'failed')));
  const names = useWorkbench(
    useShallow((s) => Object.fromEntries(Object.values(s.serversById).map((x) => [x.config.id, safeName(x.config.name)]))),
  );
  const { openFile } = useActions();
  if (!failed.length) return null;
  return (
    <div className="reload-errors">
      {failed.map((e) => (
        <section key={e.serverId} className="reload-error" role="alert" aria-label={`${names[e.serverId] ?? e.serverId} did not restart`}>
          <header className="reload-error-head">
            <strong>{names[e.serverId] ?? e.serverId} did not restart after the save</strong>
            {e.error?.location ? (
              e.error.location.workspacePath ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void openFile(e.error!.location!.workspacePath!, e.error!.location!.line)}
                >
                  {e.error.location.file}, line {e.error.location.line}
                </button>
              ) : (
                <code>
                  {e.error.location.file}:{e.error.location.line}
                </code>
              )
            ) : null}
          </header>
          <p className="reload-error-message">{e.error?.message}</p>
          {e.error?.stderrTail.length ? <pre className="stderr-tail">{e.error.stderrTail.join('\n')}</pre> : null}
          <p className="muted small">Fix it and save again: the server restarts on every save.</p>
        </section>
      ))}
    </div>
  );
}
