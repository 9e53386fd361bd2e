import { useEffect, useState } from 'react';
import type { TemplateId, TemplateInfo } from '../../../src-shared/api/schemas/project';
import { useActions, useWorkbench } from '../../app-context';
import { CancelConfirmFooter, ModalDialog } from '../../components/modal-dialog';
import { SetupProgress, useSetupAgain } from './setup-progress';

/** New server from a template: choose, create, then watch its environment being set up. */
export function NewServerDialog({ onClose }: { onClose(): void }) {
  const [templates, setTemplates] = useState<TemplateInfo[] | null>(null);
  const [template, setTemplate] = useState<TemplateId>('fastmcp');
  const [dir, setDir] = useState('my-server');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ jobId?: string | undefined; serverId?: string | undefined; dir: string } | null>(null);
  const job = useWorkbench((s) => (created?.jobId ? s.setupJobs[created.jobId] : undefined));
  const { selectServer, setMainView, openFile, templates: listTemplates, createProject } = useActions();

  useEffect(() => {
    listTemplates().then(setTemplates, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [listTemplates]);

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await createProject({ template, dir: dir.trim(), ...(name.trim() ? { name: name.trim() } : {}) });
      setCreated({ jobId: r.job?.jobId, serverId: r.serverId, dir: r.dir });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const setUpAgain = useSetupAgain();
  const retry = async () => {
    if (!job) return;
    try {
      const j = await setUpAgain(job);
      setCreated((c) => (c ? { ...c, jobId: j.jobId } : c));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const openServer = () => {
    if (created?.serverId) selectServer(created.serverId);
    setMainView('server');
    onClose();
  };
  const source = template === 'fastmcp' ? 'server.py' : 'src/server.ts';
  const relDir = dir.trim().replace(/\/+$/, '');

  if (created) {
    return (
      <ModalDialog
        title={
          job?.state === 'succeeded' ? 'Your server is ready' : job?.state === 'failed' ? 'Setting up failed' : 'Setting up the new server…'
        }
        onClose={onClose}
        className="modal-setup"
        footer={
          <>
            {job?.state === 'failed' ? (
              <button type="button" className="button" onClick={() => void retry()}>
                Set up again
              </button>
            ) : null}
            <span className="topbar-spacer" />
            <button
              type="button"
              className="button"
              onClick={() => {
                void openFile(`${relDir}/${source}`);
                onClose();
              }}
            >
              Open {source}
            </button>
            <button type="button" className="button primary" onClick={openServer} disabled={job?.state === 'running'}>
              Go to the server
            </button>
          </>
        }
      >
        <p className="muted">
          Files written to <code>{created.dir}</code>. The server is in the workspace
          {job?.state === 'running' ? '; it can start once the setup is done' : ''}.
        </p>
        {job ? <SetupProgress job={job} /> : <p>No environment was set up.</p>}
        {error ? <p className="engine-error">{error}</p> : null}
      </ModalDialog>
    );
  }

  return (
    <ModalDialog
      title="New server from a template"
      onClose={onClose}
      footer={
        <CancelConfirmFooter
          error={error}
          onCancel={onClose}
          confirm={busy ? 'Creating…' : 'Create server'}
          disabled={busy || !dir.trim()}
          onConfirm={() => void create()}
        />
      }
    >
      <form
        className="server-form"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <fieldset className="template-choice">
          <legend className="field-label">Template</legend>
          {(templates ?? []).map((t) => (
            <label key={t.id} className={`template-card ${template === t.id ? 'selected' : ''}`}>
              <input type="radio" name="template" value={t.id} checked={template === t.id} onChange={() => setTemplate(t.id)} />
              <span className="template-text">
                <strong>{t.title}</strong>
                <span className="field-help">{t.description}</span>
                <span className="template-reqs">
                  {t.requirements.map((r) => (
                    <span key={r.what} className={r.found ? 'req-ok' : 'req-missing'} title={r.detail}>
                      {r.found ? '✓' : '✗'} {r.what}
                      {r.found ? '' : ` — ${r.detail}`}
                    </span>
                  ))}
                </span>
              </span>
            </label>
          ))}
          {!templates && !error ? <p className="muted">Loading templates…</p> : null}
        </fieldset>
        <label className="field">
          <span className="field-label">Folder</span>
          <input
            className="input"
            value={dir}
            onChange={(e) => setDir(e.target.value)}
            aria-describedby="new-dir-help"
            spellCheck={false}
          />
          <span id="new-dir-help" className="field-help">
            Relative to the workspace folder. It must not exist yet, or be empty: nothing is ever overwritten.
          </span>
        </label>
        <label className="field">
          <span className="field-label">Name</span>
          <input
            className="input"
            value={name}
            placeholder={relDir.split('/').pop() || 'my-server'}
            onChange={(e) => setName(e.target.value)}
          />
          <span className="field-help">How the server is called in MCP Lab and in its own code (default: the folder&apos;s name).</span>
        </label>
      </form>
    </ModalDialog>
  );
}
