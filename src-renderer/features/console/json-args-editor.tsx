import { Suspense, lazy } from 'react';
import { ErrorBoundary } from '../../components/error-boundary';
import { hasMod } from '../../components/keys';
import type { JsonSchema } from '../../../src-shared/json-schema/schema-node';

export interface JsonEditorProps {
  /** Identifies the editor model (one per tool, so undo history stays per tool). */
  modelPath: string;
  text: string;
  schema: JsonSchema;
  onChange(text: string): void;
  onSubmit(): void;
}

// Monaco is large: it loads only when someone opens JSON mode.
const MonacoJsonEditor = lazy(() => import('./monaco-json-editor').then((m) => ({ default: m.MonacoJsonEditor })));

export function JsonArgsEditor(props: JsonEditorProps) {
  return (
    <ErrorBoundary
      fallback={(e) => (
        <PlainJsonEditor {...props} note={`The code editor failed to load (${e.message}); plain text editing still works.`} />
      )}
    >
      <Suspense fallback={<PlainJsonEditor {...props} note="Loading the code editor…" />}>
        <MonacoJsonEditor {...props} />
      </Suspense>
    </ErrorBoundary>
  );
}

/** A plain textarea: shown while Monaco loads, and if it cannot load. */
export function PlainJsonEditor({ text, onChange, onSubmit, note }: JsonEditorProps & { note?: string }) {
  return (
    <div className="plain-json-editor">
      <textarea
        className="input mono"
        aria-label="Arguments JSON"
        spellCheck={false}
        rows={10}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (hasMod(e) && e.key === 'Enter') {
            e.preventDefault();
            onSubmit();
          }
        }}
      />
      {note ? <p className="muted small">{note}</p> : null}
    </div>
  );
}
