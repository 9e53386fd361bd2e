import { useMemo, useState } from 'react';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { useActions } from '../../app-context';
import { CancelConfirmFooter, ModalDialog } from '../../components/modal-dialog';
import { splitCommandLine } from './argv';
import { EnvEditor } from './env-editor';
import { ClientFeaturesEditor } from './client-features-editor';
import { ProtocolSelect } from './protocol-select';
import { STATELESS_PROTOCOL_VERSION, type ProtocolPin } from '../../../src-shared/api/schemas/protocol';
import { type ClientFeatureErrors, initialClientFeaturesForm, validateClientFeaturesForm } from './client-features-form';
import { type ServerFormErrors, initialFormState, previewArgs, validateServerForm } from './server-form-model';
import { RemoteFields } from './remote-fields';
import { type RemoteFormErrors, remoteFieldsOf, remoteUpdate, validateRemoteForm } from './remote-form-model';
import { safeName } from '../../components/server-name';

let rowIds = 0;
const nextRowId = () => ++rowIds;

/** Add a server, or edit one (`existing`). Save sends servers.add / servers.update; engine errors are shown verbatim. */
export function ServerDialog({ existing, onClose }: { existing?: ServerSummary; onClose(): void }) {
  const { addServer, updateServer, selectServer } = useActions();
  const [form, setForm] = useState(() => initialFormState(existing?.config, nextRowId));
  const [errors, setErrors] = useState<ServerFormErrors>({ env: {} });
  const [features, setFeatures] = useState(() => initialClientFeaturesForm(existing?.config.clientFeatures, nextRowId));
  const [featureErrors, setFeatureErrors] = useState<ClientFeatureErrors>({});
  const [protocol, setProtocol] = useState<ProtocolPin>(() => existing?.config.protocol ?? 'auto');
  const [remoteErrors, setRemoteErrors] = useState<RemoteFormErrors>({ headers: {} });
  const [engineError, setEngineError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // The settings this edit started from: if mcp-lab.json changes them meanwhile, saving is a conflict, not an overwrite.
  const [base] = useState(() => (existing?.configVersion ? { baseVersion: existing.configVersion } : {}));
  const preview = useMemo(() => previewArgs(form), [form]);
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));

  const commandHasSpaces = /\s/.test(form.command.trim()) && form.argsText.trim() === '';
  const splitCommand = () => {
    const r = splitCommandLine(form.command.trim());
    if (!r.ok || r.argv.length < 2) return;
    const [cmd, ...rest] = r.argv;
    setForm((f) => ({
      ...f,
      command: cmd!,
      argsMode: 'line',
      argsText: rest.map((a) => (/[\s'"\\]/.test(a) ? `'${a.replace(/'/g, `'\\''`)}'` : a)).join(' '),
    }));
  };

  /** A server reached by URL. */
  const saveRemote = async () => {
    const v = validateRemoteForm(form.name, remoteFieldsOf(form));
    const cf = validateClientFeaturesForm(features);
    setFeatureErrors(cf.ok ? {} : cf.errors);
    setRemoteErrors(v.ok ? { headers: {} } : v.errors);
    if (!v.ok || !cf.ok) return;
    setEngineError(null);
    setSaving(true);
    try {
      // HTTP+SSE speaks the initialize era only: a 2026-07-28 pin does not apply to it.
      const pin = protocol !== 'auto' && !(v.value.transport === 'sse' && protocol === STATELESS_PROTOCOL_VERSION) ? { protocol } : {};
      if (existing) await updateServer({ ...remoteUpdate(existing.config, v.value, cf.value), ...pin, ...base });
      else selectServer((await addServer({ ...v.value, ...(cf.value ? { clientFeatures: cf.value } : {}), ...pin })).config.id);
      onClose();
    } catch (e) {
      setEngineError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  const save = async () => {
    if (form.kind === 'url') return saveRemote();
    const v = validateServerForm(form);
    const cf = validateClientFeaturesForm(features);
    setFeatureErrors(cf.ok ? {} : cf.errors);
    if (!v.ok || !cf.ok) {
      setErrors(v.ok ? { env: {} } : v.errors);
      return;
    }
    setErrors({ env: {} });
    setEngineError(null);
    setSaving(true);
    try {
      if (existing) {
        // auto = no pin in the config
        await updateServer({
          ...existing.config,
          ...v.value,
          cwd: v.value.cwd,
          transport: 'stdio',
          clientFeatures: cf.value,
          protocol: protocol === 'auto' ? undefined : protocol,
          ...base,
        });
      } else {
        const added = await addServer({
          ...v.value,
          transport: 'stdio',
          ...(cf.value ? { clientFeatures: cf.value } : {}),
          ...(protocol !== 'auto' ? { protocol } : {}),
        });
        selectServer(added.config.id);
      }
      onClose();
    } catch (e) {
      setEngineError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <ModalDialog
      title={existing ? `Edit ${safeName(existing.config.name)}` : 'Add server'}
      onClose={onClose}
      className="server-dialog"
      footer={
        <CancelConfirmFooter
          error={engineError}
          onCancel={onClose}
          confirm={saving ? 'Saving…' : existing ? 'Save' : 'Add server'}
          disabled={saving}
          submitForm="server-form"
        />
      }
    >
      <form
        id="server-form"
        className="server-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field">
          <span className="field-label">
            Name{' '}
            <span className="required" aria-hidden="true">
              *
            </span>
          </span>
          <input
            className="input"
            autoFocus
            value={form.name}
            onChange={(e) => set('name', e.target.value)}
            aria-invalid={!!(errors.name ?? remoteErrors.name)}
          />
          {(errors.name ?? remoteErrors.name) ? <span className="field-error">{errors.name ?? remoteErrors.name}</span> : null}
        </label>
        <div className="field">
          <span className="field-label" id="server-kind-label">
            Runs as
          </span>
          <span className="segmented small" role="radiogroup" aria-labelledby="server-kind-label">
            <button type="button" role="radio" aria-checked={form.kind !== 'url'} onClick={() => set('kind', 'command')}>
              Command
            </button>
            <button type="button" role="radio" aria-checked={form.kind === 'url'} onClick={() => set('kind', 'url')}>
              URL (remote)
            </button>
          </span>
          <span className="field-help">
            {form.kind === 'url'
              ? 'A server that is already running somewhere, reached over HTTP.'
              : 'A program MCP Lab starts and talks to over stdio.'}
          </span>
        </div>
        {form.kind === 'url' ? (
          <>
            <RemoteFields
              fields={remoteFieldsOf(form)}
              errors={remoteErrors}
              onChange={(patch) => setForm((f) => ({ ...f, ...patch }))}
              nextRowId={nextRowId}
            />
            {remoteFieldsOf(form).remoteTransport === 'http' ? <ProtocolSelect value={protocol} onChange={setProtocol} /> : null}
          </>
        ) : (
          <>
            <label className="field">
              <span className="field-label">
                Command{' '}
                <span className="required" aria-hidden="true">
                  *
                </span>
              </span>
              <input
                className="input mono"
                placeholder="node, uv, python3, npx…"
                value={form.command}
                onChange={(e) => set('command', e.target.value)}
                aria-invalid={!!errors.command}
              />
              {errors.command ? <span className="field-error">{errors.command}</span> : null}
              {commandHasSpaces ? (
                <span className="field-help">
                  This looks like a whole command line; the command is run without a shell.{' '}
                  <button type="button" className="link-button" onClick={splitCommand}>
                    Split into command and arguments
                  </button>
                </span>
              ) : null}
            </label>
            <div className="field">
              <div className="field-label-row">
                <label className="field-label" id="args-label" htmlFor="server-args">
                  Arguments
                </label>
                <span className="segmented small" role="radiogroup" aria-label="Argument format">
                  <button type="button" role="radio" aria-checked={form.argsMode === 'line'} onClick={() => set('argsMode', 'line')}>
                    Shell-like line
                  </button>
                  <button type="button" role="radio" aria-checked={form.argsMode === 'lines'} onClick={() => set('argsMode', 'lines')}>
                    One per line
                  </button>
                </span>
              </div>
              <textarea
                className="input mono"
                id="server-args"
                rows={form.argsMode === 'lines' ? 4 : 2}
                placeholder={form.argsMode === 'lines' ? 'run\nserver.py' : "run server.py --flag 'a value with spaces'"}
                value={form.argsText}
                onChange={(e) => set('argsText', e.target.value)}
              />
              {errors.args ? <span className="field-error">{errors.args}</span> : null}
              <div className="argv-preview" aria-label="Resulting argv">
                <span className="muted small">argv:</span>
                {form.command.trim() ? <code className="argv-item">{form.command.trim()}</code> : null}
                {preview.ok ? (
                  preview.argv.map((a, i) => (
                    <code key={i} className="argv-item">
                      {a === '' ? '""' : a}
                    </code>
                  ))
                ) : (
                  <span className="field-error">{preview.error}</span>
                )}
              </div>
            </div>
            <label className="field">
              <span className="field-label">Working directory</span>
              <input
                className="input mono"
                placeholder="(the workspace folder)"
                value={form.cwd}
                onChange={(e) => set('cwd', e.target.value)}
              />
              <span className="field-help">Relative paths resolve against the workspace folder.</span>
            </label>
            <EnvEditor rows={form.env} errors={errors.env} onChange={(env) => set('env', env)} nextRowId={nextRowId} />
            <ProtocolSelect value={protocol} onChange={setProtocol} />
          </>
        )}
        <ClientFeaturesEditor
          form={features}
          errors={featureErrors}
          onChange={setFeatures}
          nextRowId={nextRowId}
          declared={existing?.declaredClientFeatures}
        />
      </form>
    </ModalDialog>
  );
}
