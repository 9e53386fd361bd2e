import { useEffect } from 'react';
import { useActions, useWorkbench } from '../../app-context';
import { buildSelectors } from '../../store/slices/build-slice';

/** Server views, the editor, or both side by side (selecting a server shows it, beside the editor when split). */
export function MainViewSwitch() {
  const view = useWorkbench((s) => s.mainView);
  const files = useWorkbench((s) => s.tabOrder.length);
  const dirty = useWorkbench((s) => buildSelectors.dirtyPaths(s).length);
  const { setMainView } = useActions();
  return (
    <div className="segmented small main-switch" role="radiogroup" aria-label="Main view">
      <button type="button" role="radio" aria-checked={view === 'server'} onClick={() => setMainView('server')}>
        Server
      </button>
      <button type="button" role="radio" aria-checked={view === 'editor'} onClick={() => setMainView('editor')}>
        Editor{files ? ` (${files}${dirty ? `, ${dirty} unsaved` : ''})` : ''}
      </button>
      <button
        type="button"
        role="radio"
        aria-checked={view === 'split'}
        title="The editor beside the server: save, reload and re-run in one view"
        onClick={() => setMainView('split')}
      >
        Side by side
      </button>
    </div>
  );
}

/**
 * Once connected: offer journaled buffers for recovery. Always: a window closing with unsaved
 * edits asks first (they are journaled anyway, so a crash loses nothing either).
 */
export function useBuildLifecycle(): void {
  const connected = useWorkbench((s) => s.connection.state === 'open');
  const { loadRecovery } = useActions();
  useEffect(() => {
    if (connected) void loadRecovery();
  }, [connected, loadRecovery]);
  const hasDirty = useWorkbench((s) => buildSelectors.dirtyPaths(s).length > 0);
  useEffect(() => {
    if (!hasDirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [hasDirty]);
}
