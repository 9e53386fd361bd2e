import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { SERVER_LIST_FORMAT_LABELS, type ExportResult, type ServerListFormat } from '../../../src-shared/api/schemas/server-import';
import { useActions, useWorkbench } from '../../app-context';
import { downloadText } from '../../components/download';
import { FooterError, ModalDialog } from '../../components/modal-dialog';
import { serverSelectors } from '../../store/slices/servers-slice';
import { CopyButton } from '../resources/copy-button';
import { ServerName } from '../../components/server-name';

const FORMATS: ServerListFormat[] = ['claude', 'vscode', 'cursor', 'mcp-lab'];
const WHERE: Record<ServerListFormat, string> = {
  claude: 'Claude Desktop reads claude_desktop_config.json (Settings → Developer → Edit Config)',
  vscode: 'VS Code reads .vscode/mcp.json in a workspace, or mcp.json in your user profile',
  cursor: 'Cursor reads .cursor/mcp.json in a project, or ~/.cursor/mcp.json',
  'mcp-lab': 'another MCP Lab workspace reads mcp-lab.json (or import it there)',
};

/** The workspace's servers for another client, as a download; secret values are never in it. */
export function ExportServersDialog({ onClose }: { onClose(): void }) {
  const { exportServers } = useActions();
  const servers = useWorkbench(useShallow(serverSelectors.list));
  const [format, setFormat] = useState<ServerListFormat>('claude');
  const [excluded, setExcluded] = useState<Record<string, boolean>>({});
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ids = servers.map((s) => s.config.id).filter((id) => !excluded[id]);
  const key = `${format}|${ids.join(',')}`;

  useEffect(() => {
    let live = true;
    const [f, list] = key.split('|') as [ServerListFormat, string];
    exportServers({ format: f, serverIds: list ? list.split(',') : [] }).then(
      (r) => live && (setResult(r), setError(null)),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [exportServers, key]);

  return (
    <ModalDialog
      title="Export servers"
      onClose={onClose}
      className="export-dialog"
      footer={
        <>
          <FooterError error={error} />
          {result ? <CopyButton text={result.text} what="the exported file" /> : null}
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          <button
            type="button"
            className="button primary"
            disabled={!result || ids.length === 0}
            onClick={() => result && downloadText(result.fileName, 'application/json', result.text)}
          >
            Download {result?.fileName ?? ''}
          </button>
        </>
      }
    >
      <div className="export-options">
        <span className="segmented small" role="radiogroup" aria-label="Format">
          {FORMATS.map((f) => (
            <button key={f} type="button" role="radio" aria-checked={format === f} onClick={() => setFormat(f)}>
              {SERVER_LIST_FORMAT_LABELS[f]}
            </button>
          ))}
        </span>
        <p className="muted small">{WHERE[format]}.</p>
        <fieldset className="export-servers">
          <legend>Servers</legend>
          {servers.map((s) => (
            <label key={s.config.id}>
              <input
                type="checkbox"
                checked={!excluded[s.config.id]}
                onChange={(e) => setExcluded((x) => ({ ...x, [s.config.id]: !e.target.checked }))}
              />{' '}
              <ServerName text={s.config.name} />
            </label>
          ))}
        </fieldset>
      </div>
      {result?.warnings.length ? (
        <ul className="import-warnings" aria-label="What the export could not carry">
          {result.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      ) : null}
      <pre className="json-view export-text" aria-label="Exported file" tabIndex={0}>
        {ids.length === 0 ? 'Pick at least one server.' : (result?.text ?? '')}
      </pre>
    </ModalDialog>
  );
}
