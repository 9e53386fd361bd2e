import { useEffect, useState } from 'react';
import type { ServerConfig } from '../../../src-shared/api/schemas/server';
import type { SuiteInfo, TestExportFormat, TestExportResult } from '../../../src-shared/api/schemas/testing';
import { useActions, useWorkbench } from '../../app-context';
import { downloadText } from '../../components/download';
import { FooterError, ModalDialog } from '../../components/modal-dialog';
import { CopyButton } from '../resources/copy-button';

const FORMATS: { id: TestExportFormat; label: string; runner: string }[] = [
  { id: 'pytest', label: 'pytest (FastMCP)', runner: "FastMCP's in-memory Client: run it with the project's pytest" },
  { id: 'vitest', label: 'vitest (TypeScript SDK)', runner: "the SDK's in-memory transport: run it with the project's npm test" },
];

/**
 * A suite as a test file of the server's own project, to run in its CI without MCP Lab: written
 * inside the workspace (never over a file the export did not write, unless confirmed), or
 * downloaded.
 */
export function ExportSuiteDialog({ suite, onClose }: { suite: SuiteInfo; onClose(): void }) {
  const { exportSuite } = useActions();
  const config = useWorkbench((s) => (typeof suite.server === 'string' ? s.serversById[suite.server]?.config : undefined));
  const [format, setFormat] = useState<TestExportFormat>(() => defaultFormat(config));
  // Empty: the exporter's suggestion, beside the project's own tests.
  const [out, setOut] = useState('');
  const [result, setResult] = useState<TestExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [written, setWritten] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    exportSuite({ suiteId: suite.id, format, ...(out.trim() ? { out: out.trim() } : {}) }).then(
      (r) => live && (setResult(r), setError(null)),
      (e: unknown) => live && (setResult(null), setError(e instanceof Error ? e.message : String(e))),
    );
    return () => {
      live = false;
    };
  }, [exportSuite, suite.id, format, out]);

  const write = async (force: boolean) => {
    if (!result) return;
    setError(null);
    try {
      const r = await exportSuite({ suiteId: suite.id, format, out: result.out, write: true, force });
      setWritten(r.out);
      setConflict(false);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      setConflict((e as { code?: string }).code === 'Conflict');
      setError(message);
    }
  };

  return (
    <ModalDialog
      title={`Export "${suite.name}" as native tests`}
      onClose={onClose}
      className="export-dialog"
      footer={
        <>
          <FooterError error={error} />
          {result ? <CopyButton text={result.text} what="the exported test file" /> : null}
          <button
            type="button"
            className="button"
            disabled={!result}
            onClick={() => result && downloadText(result.fileName, 'text/plain', result.text)}
          >
            Download {result?.fileName ?? ''}
          </button>
          {conflict ? (
            <button type="button" className="button danger-outline" onClick={() => void write(true)}>
              Replace it
            </button>
          ) : (
            <button type="button" className="button primary" disabled={!result} onClick={() => void write(false)}>
              Write to workspace
            </button>
          )}
        </>
      }
    >
      <div className="export-options">
        <span className="segmented small" role="radiogroup" aria-label="Test runner">
          {FORMATS.map((f) => (
            <button
              key={f.id}
              type="button"
              role="radio"
              aria-checked={format === f.id}
              onClick={() => {
                setFormat(f.id);
                setOut('');
                setWritten(null);
                setConflict(false);
              }}
            >
              {f.label}
            </button>
          ))}
        </span>
        <p className="muted small">Through {FORMATS.find((f) => f.id === format)!.runner}. MCP Lab is not needed to run it.</p>
        <div className="testing-form">
          <label htmlFor="export-suite-out">File (in the workspace)</label>
          <input
            id="export-suite-out"
            className="input"
            value={out}
            placeholder={result?.out ?? ''}
            onChange={(e) => {
              setOut(e.target.value);
              setWritten(null);
              setConflict(false);
            }}
          />
        </div>
      </div>
      {written ? (
        <p className="muted small" role="status" aria-label="Export written">
          Wrote <code>{written}</code>.
        </p>
      ) : null}
      {result?.importProblem ? (
        <div className="args-problem error" role="alert" aria-label="Server import">
          Could not tell how to import the server ({result.importProblem}): the file starts with a TODO where the import goes.
        </div>
      ) : null}
      {result?.warnings.length ? (
        <ul className="import-warnings" aria-label="What the export could not carry">
          {result.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      ) : null}
      {result ? (
        <pre className="json-view export-text" aria-label="Exported test file" tabIndex={0}>
          {result.text}
        </pre>
      ) : error ? null : (
        // An empty labelled <pre> would be announced as a nameless, empty region while the file is prepared.
        <p className="muted small" role="status">
          Preparing the test file…
        </p>
      )}
    </ModalDialog>
  );
}

/** The runner of the server's language: its source as mcp-lab.json names it, else its command line. */
function defaultFormat(config: ServerConfig | undefined): TestExportFormat {
  if (!config || config.transport !== 'stdio') return 'pytest';
  if (config.source) return config.source.language === 'typescript' ? 'vitest' : 'pytest';
  return config.args.some((a) => /\.(m?[tj]s)$/.test(a)) && !config.args.some((a) => /\.py$/.test(a)) ? 'vitest' : 'pytest';
}
