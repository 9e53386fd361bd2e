import { useEffect, useState } from 'react';
import type { MethodParams } from '../../../src-shared/api/contract';
import { SERVER_LIST_FORMAT_LABELS, type ImportPreview, type ImportSource } from '../../../src-shared/api/schemas/server-import';
import { useActions } from '../../app-context';
import { FooterError, ModalDialog } from '../../components/modal-dialog';
import { ImportEntryView } from './import-entry';
import { countOf } from '../../../src-shared/base/count-of';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Import servers from another client's list: a known file on this machine (read only when clicked),
 * a file picked here, or pasted text. The preview shows each whole command line before anything is
 * added; what is added never starts on its own and asks for a review before its first start.
 */
export function ImportServersDialog({ onClose }: { onClose(): void }) {
  const { pushNotice, selectServer, importSources, previewImport, importServers } = useActions();
  const [sources, setSources] = useState<ImportSource[] | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const [secrets, setSecrets] = useState<Record<string, Record<string, string>>>({});
  const [pasted, setPasted] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    importSources().then(setSources, (e: unknown) => setError(message(e)));
  }, [importSources]);

  const show = async (req: MethodParams<'servers.importPreview'>) => {
    setBusy(true);
    setError(null);
    try {
      const p = await previewImport(req);
      setPreview(p);
      setChosen(Object.fromEntries(p.entries.map((e) => [e.key, e.action === 'add' || e.action === 'rename'])));
      setSecrets({});
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };
  const pickFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > 2 * 1024 * 1024) return setError(`${file.name} is ${Math.round(file.size / 1024)} KiB: too large to be a server list`);
    await show({ text: await file.text(), fileName: file.name });
  };

  const picked = preview ? preview.entries.filter((e) => chosen[e.key] && (e.action === 'add' || e.action === 'rename')) : [];
  const doImport = async () => {
    if (!preview || picked.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      const entries = picked.map((e) => ({
        key: e.key,
        secrets: Object.fromEntries(Object.entries(secrets[e.key] ?? {}).filter(([, v]) => v !== '')),
      }));
      const result = await importServers({ previewId: preview.previewId, entries });
      if (result.added[0]) selectServer(result.added[0].id);
      const n = result.added.length;
      pushNotice(
        'info',
        `Imported ${countOf(n, 'server')}. None has run: each shows its full command line for your review before its first start.`,
      );
      for (const s of result.skipped) pushNotice('error', `"${s.key}" was not imported: ${s.reason}`);
      onClose();
    } catch (e) {
      setError(message(e));
      setBusy(false);
    }
  };

  return (
    <ModalDialog
      title={preview ? `Import from ${preview.source.split(/[\\/]/).pop()}` : 'Import servers'}
      onClose={onClose}
      className="import-dialog"
      footer={
        <>
          <FooterError error={error} />
          {preview ? (
            <button type="button" className="button" onClick={() => setPreview(null)}>
              Back
            </button>
          ) : null}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          {preview ? (
            <button type="button" className="button primary" disabled={busy || picked.length === 0} onClick={() => void doImport()}>
              Import {countOf(picked.length, 'server')}
            </button>
          ) : null}
        </>
      }
    >
      {preview ? (
        <>
          <p className="muted">
            <code>{preview.source}</code> ({SERVER_LIST_FORMAT_LABELS[preview.format]} format). Imported servers do not start: each shows
            its whole command line for your review before its first start.
          </p>
          {preview.problems.length ? (
            <div className="args-problem error" role="alert">
              {preview.problems.map((p, i) => (
                <p key={i}>
                  {p.line ? `Line ${p.line}${p.column ? `, column ${p.column}` : ''}: ` : ''}
                  {p.message}
                </p>
              ))}
            </div>
          ) : null}
          <ul className="import-entries" aria-label="Servers in the file">
            {preview.entries.map((e) => (
              <ImportEntryView
                key={e.key}
                entry={e}
                chosen={!!chosen[e.key]}
                onChoose={(on) => setChosen((c) => ({ ...c, [e.key]: on }))}
                secrets={secrets[e.key] ?? {}}
                onSecret={(k, v) => setSecrets((s) => ({ ...s, [e.key]: { ...s[e.key], [k]: v } }))}
              />
            ))}
          </ul>
        </>
      ) : (
        <div className="import-start">
          <section aria-label="Server lists on this machine">
            <h3>From another client on this machine</h3>
            {sources === null ? <p className="muted">Looking…</p> : null}
            <ul className="import-sources">
              {(sources ?? []).map((s) => (
                <li key={s.id}>
                  <button type="button" className="button small" disabled={!s.exists || busy} onClick={() => void show({ path: s.path })}>
                    Import from {s.label}
                  </button>
                  <code className="muted small">{s.path}</code>
                  {s.exists ? null : <span className="muted small">not found</span>}
                </li>
              ))}
            </ul>
            <p className="muted small">A file is read only when you click; nothing is changed until you confirm the servers to import.</p>
          </section>
          <section aria-label="A file">
            <h3>From a file</h3>
            <input
              type="file"
              accept=".json,.jsonc,application/json"
              aria-label="Server list file"
              disabled={busy}
              onChange={(e) => void pickFile(e.target.files?.[0])}
            />
            <p className="muted small">
              claude_desktop_config.json, .vscode/mcp.json, .cursor/mcp.json or another workspace&apos;s mcp-lab.json.
            </p>
          </section>
          <section aria-label="Pasted text">
            <h3>Paste</h3>
            <textarea
              className="input import-paste"
              aria-label="Pasted server list"
              placeholder='{ "mcpServers": { "name": { "command": "npx", "args": ["-y", "…"] } } }'
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
              rows={5}
            />
            <button
              type="button"
              className="button small"
              disabled={busy || pasted.trim() === ''}
              onClick={() => void show({ text: pasted })}
            >
              Preview
            </button>
          </section>
        </div>
      )}
    </ModalDialog>
  );
}
