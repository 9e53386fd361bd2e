import { Suspense, lazy } from 'react';
import type { CodeEditorProps, DiffViewProps } from './monaco-code-editor';

// Monaco is big: it loads the first time a file or a diff is shown.
const LazyEditor = lazy(() => import('./monaco-code-editor').then((m) => ({ default: m.MonacoCodeEditor })));
const LazyDiff = lazy(() => import('./monaco-code-editor').then((m) => ({ default: m.MonacoDiffView })));

export function CodeEditor(props: CodeEditorProps) {
  return (
    <Suspense fallback={<div className="loading">Loading the code editor…</div>}>
      <LazyEditor {...props} />
    </Suspense>
  );
}

/** A diff with labels above each side. */
export function DiffView(props: DiffViewProps) {
  return (
    <div className="diff-view">
      <div className="diff-labels">
        <span>{props.originalLabel}</span>
        <span>{props.modifiedLabel}</span>
      </div>
      <Suspense fallback={<div className="loading">Loading the diff…</div>}>
        <LazyDiff {...props} />
      </Suspense>
    </div>
  );
}
