import { useEffect } from 'react';
import { useActions, useWorkbench } from '../../app-context';
import { buildSelectors } from '../../store/slices/build-slice';

/** Server views or the editor, side by side in the top bar (selecting a server also shows it). */
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
    </div>
  );
}

/**
 * Once connected: offer journaled buffers for recovery. Always: a window closing with unsaved
 * edits asks first (they are journaled anyway, so a crash loses nothing either).
 */
export function useBuildLifecycle(): void {
  const connected = useWorkbench((s) => s.connection.state === 'open');
  const selected = useWorkbench((s) => s.selectedServerId);
  const { loadRecovery, setMainView } = useActions();
  useEffect(() => {
    if (connected) void loadRecovery();
  }, [connected, loadRecovery]);
  useEffect(() => {
    if (selected) setMainView('server');
  }, [selected, setMainView]);
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
