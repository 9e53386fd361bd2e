import Editor, { DiffEditor, type OnMount } from '@monaco-editor/react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { monaco } from '../../components/monaco/monaco-setup';
import { monacoTheme, useTheme } from '../../components/theme';
import { keepEditorFramesUnscrolled } from '../../components/monaco/keep-unscrolled';
import type { BreakpointSpec } from '../../../src-shared/api/schemas/debug';
import { breakpointGlyph } from '../debug/breakpoint-glyph';

export interface CodeEditorProps {
  path: string;
  language: string;
  value: string;
  onChange(value: string): void;
  onSave(): void;
  onSaveAll(): void;
  /** A line the server's traceback names: marked and scrolled to. */
  errorLine?: number | undefined;
  revealLine?: { line: number; nonce: number } | undefined;
  /** Breakpoints, shown in the gutter (each kind with its glyph); a click in the gutter toggles one. */
  breakpoints?: readonly BreakpointSpec[] | undefined;
  onToggleBreakpoint?(line: number): void;
  /** A right-click in the gutter, or "Breakpoint…" from the editor's menu: edit the line's breakpoint (viewport point to open at). */
  onBreakpointMenu?(line: number, at: { x: number; y: number }): void;
  /** The line the debugger holds the server paused at. */
  pausedLine?: number | undefined;
}

/** The workspace editor: one Monaco model per file path (undo and scroll kept per tab). */
export function MonacoCodeEditor({
  path,
  language,
  value,
  onChange,
  onSave,
  onSaveAll,
  errorLine,
  revealLine,
  breakpoints,
  onToggleBreakpoint,
  onBreakpointMenu,
  pausedLine,
}: CodeEditorProps) {
  const theme = useTheme((s) => s.theme);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const debugDecorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const handlers = useRef({ onSave, onSaveAll, onToggleBreakpoint, onBreakpointMenu });
  // Effects that need the editor run again once it exists (it mounts after the first render).
  const [ready, setReady] = useState(false);
  useLayoutEffect(() => {
    handlers.current = { onSave, onSaveAll, onToggleBreakpoint, onBreakpointMenu };
  });

  const onMount: OnMount = (editor, m) => {
    editorRef.current = editor;
    editor.onDidDispose(keepEditorFramesUnscrolled(editor));
    decorations.current = editor.createDecorationsCollection();
    debugDecorations.current = editor.createDecorationsCollection();
    // A click in the glyph margin (left of the line numbers) toggles a breakpoint, as in VS Code.
    editor.onMouseDown((e) => {
      if (e.target.type !== m.editor.MouseTargetType.GUTTER_GLYPH_MARGIN || !e.target.position || !e.event.leftButton) return;
      handlers.current.onToggleBreakpoint?.(e.target.position.lineNumber);
    });
    // A right-click there offers a condition or a log message instead (VS Code's gutter menu).
    editor.onContextMenu((e) => {
      if (e.target.type !== m.editor.MouseTargetType.GUTTER_GLYPH_MARGIN || !e.target.position) return;
      e.event.preventDefault();
      handlers.current.onBreakpointMenu?.(e.target.position.lineNumber, { x: e.event.posx, y: e.event.posy });
    });
    // The same from the keyboard: the editor's own menu (Shift+F10) at the cursor's line.
    editor.addAction({
      id: 'mcp-lab.breakpoint-options',
      label: 'Breakpoint: condition or log message…',
      contextMenuGroupId: 'navigation',
      run: (ed) => {
        const pos = ed.getPosition();
        if (!pos) return;
        const at = ed.getScrolledVisiblePosition(pos);
        const box = ed.getDomNode()?.getBoundingClientRect();
        handlers.current.onBreakpointMenu?.(pos.lineNumber, {
          x: (box?.left ?? 0) + (at?.left ?? 0),
          y: (box?.top ?? 0) + (at?.top ?? 0) + (at?.height ?? 0),
        });
      },
    });
    editor.addCommand(m.KeyMod.CtrlCmd | m.KeyCode.KeyS, () => handlers.current.onSave());
    editor.addCommand(m.KeyMod.CtrlCmd | m.KeyMod.Shift | m.KeyCode.KeyS, () => handlers.current.onSaveAll());
    editor.focus();
    setReady(true);
  };

  useEffect(() => {
    const ed = editorRef.current;
    if (!ed || !decorations.current) return;
    decorations.current.set(
      errorLine
        ? [
            {
              range: new monaco.Range(errorLine, 1, errorLine, 1),
              options: {
                isWholeLine: true,
                className: 'editor-error-line',
                glyphMarginClassName: 'editor-error-glyph',
                overviewRuler: { color: '#f0706a', position: monaco.editor.OverviewRulerLane.Full },
              },
            },
          ]
        : [],
    );
  }, [errorLine, path, ready, value]);

  useEffect(() => {
    if (!editorRef.current || !debugDecorations.current) return;
    const marks: monaco.editor.IModelDeltaDecoration[] = (breakpoints ?? []).map((b) => {
      const glyph = breakpointGlyph(b);
      return {
        range: new monaco.Range(b.line, 1, b.line, 1),
        options: {
          glyphMarginClassName: glyph.className,
          glyphMarginHoverMessage: { value: glyph.hover, isTrusted: false, supportThemeIcons: false },
          stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
        },
      };
    });
    if (pausedLine) {
      marks.push({
        range: new monaco.Range(pausedLine, 1, pausedLine, 1),
        options: {
          isWholeLine: true,
          className: 'editor-paused-line',
          overviewRuler: { color: '#e0b341', position: monaco.editor.OverviewRulerLane.Full },
        },
      });
    }
    debugDecorations.current.set(marks);
  }, [breakpoints, pausedLine, path, ready, value]);

  useEffect(() => {
    const ed = editorRef.current;
    if (!ed || !revealLine) return;
    ed.revealLineInCenter(revealLine.line);
    ed.setPosition({ lineNumber: revealLine.line, column: 1 });
  }, [revealLine?.nonce, revealLine, ready]);

  return (
    <div className="monaco-frame code-editor-frame">
      <Editor
        height="100%"
        theme={monacoTheme(theme)}
        path={path}
        language={language}
        value={value}
        onChange={(v) => onChange(v ?? '')}
        onMount={onMount}
        loading={<div className="muted small">Loading the code editor…</div>}
        options={{
          ariaLabel: `Editor: ${path}`,
          minimap: { enabled: false },
          fontSize: 13,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          tabSize: language === 'python' ? 4 : 2,
          glyphMargin: true,
          fixedOverflowWidgets: true,
        }}
      />
    </div>
  );
}

export interface DiffViewProps {
  original: string;
  modified: string;
  language: string;
  originalLabel: string;
  modifiedLabel: string;
}

/** Side-by-side diff (read-only), for conflicts and for the tool builder's changes before they are applied. */
export function MonacoDiffView({ original, modified, language, originalLabel, modifiedLabel }: DiffViewProps) {
  const theme = useTheme((s) => s.theme);
  const diffRef = useRef<monaco.editor.IStandaloneDiffEditor | null>(null);
  // The wrapper disposes the models before the widget lets go of them (an uncaught error):
  // keep them, and release them here in the right order.
  useEffect(
    () => () => {
      const ed = diffRef.current;
      const models = ed?.getModel();
      ed?.setModel(null);
      models?.original.dispose();
      models?.modified.dispose();
    },
    [],
  );
  return (
    <div className="monaco-frame diff-frame">
      <DiffEditor
        height="100%"
        theme={monacoTheme(theme)}
        language={language}
        original={original}
        modified={modified}
        keepCurrentOriginalModel
        keepCurrentModifiedModel
        onMount={(ed) => {
          diffRef.current = ed;
          // Each side's input is named for screen readers by its own editor's label (the diff
          // editor's own label options did not reach them).
          ed.getOriginalEditor().updateOptions({ ariaLabel: originalLabel });
          ed.getModifiedEditor().updateOptions({ ariaLabel: modifiedLabel });
        }}
        loading={<div className="muted small">Loading the diff…</div>}
        options={{
          readOnly: true,
          renderSideBySide: true,
          hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 3 },
          minimap: { enabled: false },
          automaticLayout: true,
          scrollBeyondLastLine: false,
          fontSize: 12,
          originalEditable: false,
        }}
      />
    </div>
  );
}
