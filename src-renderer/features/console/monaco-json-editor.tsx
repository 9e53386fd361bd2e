import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { JsonEditorProps } from './json-args-editor';
import { monaco } from '../../components/monaco/monaco-setup';
import { monacoTheme, useTheme } from '../../components/theme';
import { keepEditorFramesUnscrolled } from '../../components/monaco/keep-unscrolled';

/** Every open tool's schema, keyed by its model URI: Monaco validates each model against its own. */
const schemasByModel = new Map<string, unknown>();

function publishSchemas(): void {
  monaco.json.jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    trailingCommas: 'error',
    enableSchemaRequest: false,
    schemaValidation: 'warning',
    schemas: [...schemasByModel].map(([uri, schema]) => ({ uri: `${uri}.schema`, fileMatch: [uri], schema })),
  });
}

export function MonacoJsonEditor({ modelPath, text, schema, onChange, onSubmit }: JsonEditorProps) {
  const theme = useTheme((s) => s.theme);
  const submitRef = useRef(onSubmit);
  useLayoutEffect(() => {
    submitRef.current = onSubmit;
  });
  const [modelUri, setModelUri] = useState<string | null>(null);

  const onMount: OnMount = (editor, m) => {
    editor.onDidDispose(keepEditorFramesUnscrolled(editor));
    editor.addCommand(m.KeyMod.CtrlCmd | m.KeyCode.Enter, () => submitRef.current());
    setModelUri(editor.getModel()?.uri.toString() ?? null);
    editor.focus();
  };

  useEffect(() => {
    if (!modelUri) return;
    schemasByModel.set(modelUri, schema);
    publishSchemas();
    return () => {
      schemasByModel.delete(modelUri);
      publishSchemas();
    };
  }, [modelUri, schema]);

  return (
    <div className="monaco-frame">
      <Editor
        height="100%"
        language="json"
        theme={monacoTheme(theme)}
        path={modelPath}
        value={text}
        onChange={(v) => onChange(v ?? '')}
        onMount={onMount}
        loading={<div className="muted small">Loading the code editor…</div>}
        options={{
          ariaLabel: 'Arguments JSON',
          minimap: { enabled: false },
          fontSize: 13,
          lineNumbersMinChars: 3,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          tabSize: 2,
          wordWrap: 'on',
          fixedOverflowWidgets: true,
          renderLineHighlight: 'none',
          scrollbar: { alwaysConsumeMouseWheel: false },
        }}
      />
    </div>
  );
}
