import { useCallback, useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useActions, useWorkbench } from '../../app-context';
import { EmptyState } from '../../components/empty-state';
import { MOD_LABEL, hasMod } from '../../components/keys';
import { buildSelectors, isDirty } from '../../store/slices/build-slice';
import { CodeEditor } from './code-editor';
import { ReloadErrorPanel } from './reload-error-panel';
import { DebugPanel } from '../debug/debug-panel';
import { debugSelectors } from '../../store/slices/debug-slice';
import { BreakpointPopover, type BreakpointMenuAt } from '../debug/breakpoint-popover';
import { EditorReloadBanners } from '../reload/reload-banner';
import { EditorSetupBanners } from '../projects/setup-banner';

/**
 * The workspace editor: tabs with dirty markers, save / save all, the server's error when a save broke it.
 * Alone it is the window's main area and shows the hot-reload banners too; `embedded` beside the server
 * view, that view shows them.
 */
export function EditorArea({ embedded = false }: { embedded?: boolean }) {
  const Root = embedded ? 'section' : 'main';
  const order = useWorkbench(useShallow((s) => s.tabOrder));
  const active = useWorkbench(buildSelectors.activeTab);
  const reveal = useWorkbench((s) => s.reveal);
  const dirtyCount = useWorkbench((s) => buildSelectors.dirtyPaths(s).length);
  const errorLine = useWorkbench((s) => {
    if (!s.activePath) return undefined;
    for (const e of Object.values(s.reloads))
      if (e.state === 'failed' && e.error?.location?.workspacePath === s.activePath) return e.error.location.line;
    return undefined;
  });
  const breakpoints = useWorkbench(debugSelectors.breakpoints(active?.path));
  const [menu, setMenu] = useState<BreakpointMenuAt | undefined>();
  const closeMenu = useCallback(() => setMenu(undefined), []);
  const pausedLine = useWorkbench((s) => {
    const loc = debugSelectors.pausedServer(s)?.paused?.location;
    return loc && loc.relPath === s.activePath ? loc.line : undefined;
  });
  const { editBuffer, saveFile, saveAll, toggleBreakpoint } = useActions();

  // Ctrl/Cmd+S outside the editor too (the tab bar, the error panel).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!hasMod(e) || e.altKey || (e.key !== 's' && e.key !== 'S')) return;
      e.preventDefault();
      if (e.shiftKey) void saveAll();
      else if (active) void saveFile(active.path);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, saveAll, saveFile]);

  if (!order.length || !active) {
    return (
      <Root className="main-area" aria-label="Editor">
        <EmptyState title="No file open">Open a file from the Files panel on the left.</EmptyState>
      </Root>
    );
  }
  return (
    <Root className="main-area editor-area" aria-label="Editor">
      <div className="editor-tabs" role="tablist" aria-label="Open files">
        {order.map((p) => (
          <EditorTabButton key={p} path={p} />
        ))}
      </div>
      <div className="editor-toolbar">
        <code className="editor-path" title={active.path}>
          {active.path}
        </code>
        {active.diskChanged ? (
          <span className="editor-warning" role="status">
            Changed on disk since you opened it: saving will show both versions.
          </span>
        ) : null}
        {active.saveError ? (
          <span className="editor-save-error" role="alert">
            {active.saveError}
          </span>
        ) : null}
        <span className="topbar-spacer" />
        <button
          type="button"
          className="button small"
          disabled={!isDirty(active) || active.saving}
          onClick={() => void saveFile(active.path)}
          title={`Save (${MOD_LABEL}+S)`}
        >
          {active.saving ? 'Saving…' : 'Save'}
        </button>
        <button
          type="button"
          className="button small"
          disabled={dirtyCount === 0}
          onClick={() => void saveAll()}
          title={`Save all (${MOD_LABEL}+Shift+S)`}
        >
          Save all{dirtyCount ? ` (${dirtyCount})` : ''}
        </button>
      </div>
      {embedded ? null : <EditorSetupBanners />}
      {embedded ? null : <EditorReloadBanners />}
      <ReloadErrorPanel />
      <div className="editor-body">
        <CodeEditor
          path={active.path}
          language={active.language}
          value={active.content}
          onChange={(v) => editBuffer(active.path, v)}
          onSave={() => void saveFile(active.path)}
          onSaveAll={() => void saveAll()}
          errorLine={errorLine}
          revealLine={reveal && reveal.path === active.path ? reveal : undefined}
          breakpoints={breakpoints}
          onToggleBreakpoint={(line) => void toggleBreakpoint(active.path, line)}
          onBreakpointMenu={(line, at) => setMenu({ path: active.path, line, ...at })}
          pausedLine={pausedLine}
        />
      </div>
      {menu && menu.path === active.path ? (
        <BreakpointPopover at={menu} spec={breakpoints.find((b) => b.line === menu.line)} onClose={closeMenu} />
      ) : null}
      <DebugPanel />
    </Root>
  );
}

function EditorTabButton({ path }: { path: string }) {
  const tab = useWorkbench((s) => s.tabs[path]);
  const activePath = useWorkbench((s) => s.activePath);
  const { focusEditorTab, closeTab, openDialog } = useActions();
  if (!tab) return null;
  const dirty = isDirty(tab);
  const name = path.split('/').pop() ?? path;
  const close = () => (dirty ? openDialog({ kind: 'closeDirtyTab', path }) : closeTab(path));
  return (
    <div className={`editor-tab ${activePath === path ? 'active' : ''}`} role="presentation">
      <button
        type="button"
        role="tab"
        aria-selected={activePath === path}
        aria-keyshortcuts="Delete"
        className="editor-tab-name"
        title={`${path} (Delete closes it)`}
        onClick={() => focusEditorTab(path)}
        onKeyDown={(e) => {
          if (e.key !== 'Delete') return;
          e.preventDefault();
          close();
        }}
      >
        {name}
        {dirty ? (
          <span className="dirty-dot" aria-label="unsaved changes" title="Unsaved changes">
            ●
          </span>
        ) : null}
      </button>
      {/* A tab list holds only tabs: the mouse's close button is hidden from the tree, the keyboard closes with Delete. */}
      <button
        type="button"
        className="icon-button editor-tab-close"
        aria-hidden="true"
        tabIndex={-1}
        title={`Close ${name}`}
        onClick={close}
      >
        ✕
      </button>
    </div>
  );
}
