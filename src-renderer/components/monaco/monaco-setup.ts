import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';

// Offline: use the bundled monaco, never a CDN; workers come from our own bundle. Imported only
// by lazily loaded editor modules, so the ~25 MB stay out of the first paint. The TypeScript
// worker (~12 MB) loads the first time a .ts/.js file is opened.
self.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) => {
    if (label === 'json') return new JsonWorker();
    if (label === 'typescript' || label === 'javascript') {
      return import('monaco-editor/languages/features/typescript/ts.worker?worker').then((m) => new m.default());
    }
    return new EditorWorker();
  },
};
loader.config({ monaco });

// The editor shows one file of a project, without its node_modules: semantic errors would be
// noise ("cannot find module"). Syntax errors stay on.
const ts = 'typescript' in monaco ? monaco.typescript : undefined;
ts?.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: false });
ts?.javascriptDefaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: false });

export { monaco };
