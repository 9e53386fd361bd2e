import { useEffect, useMemo, useState } from 'react';
import type { ToolPlan, ToolSource } from '../../../src-shared/api/schemas/tool-builder';
import { inputSchemaOf, outputSchemaOf } from '../../../src-shared/tool-builder/input-schema';
import { emptyTool, type ToolAnnotationsModel, type ToolModel } from '../../../src-shared/tool-builder/tool-model';
import { validateTool } from '../../../src-shared/tool-builder/validate-tool';
import { useActions, useWorkbench } from '../../app-context';
import { ModalDialog } from '../../components/modal-dialog';
import { DiffView } from '../editor/code-editor';
import { ParamList, issuesAt } from './param-editor';
import { safeName } from '../../components/server-name';

const HINTS: { key: keyof ToolAnnotationsModel; label: string; help: string }[] = [
  { key: 'readOnlyHint', label: 'Read-only', help: 'does not change anything' },
  { key: 'destructiveHint', label: 'Destructive', help: 'may delete or overwrite' },
  { key: 'idempotentHint', label: 'Idempotent', help: 'calling twice = calling once' },
  { key: 'openWorldHint', label: 'Open world', help: 'talks to things outside the server' },
];

/**
 * The tool builder: a form for one tool (new, or read back from the server's source), a live
 * preview of the inputSchema the server will expose, and the change shown as a diff before it
 * is written.
 */
export function ToolBuilderDialog({ serverId, toolName, onClose }: { serverId: string; toolName?: string | undefined; onClose(): void }) {
  const serverName = useWorkbench((s) => safeName(s.serversById[serverId]?.config.name ?? serverId));
  const { pushNotice, openFile, readToolSource, planToolChange, applyToolChange } = useActions();
  const [source, setSource] = useState<ToolSource | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [model, setModel] = useState<ToolModel>(() => emptyTool());
  const [plan, setPlan] = useState<ToolPlan | null>(null);
  const [busy, setBusy] = useState(false);
  const [applyError, setApplyError] = useState<string | null>(null);

  useEffect(() => {
    readToolSource(serverId).then(
      (s) => {
        setSource(s);
        const existing = toolName ? s.tools.find((t) => t.model.name === toolName) : undefined;
        if (existing) setModel(existing.model);
        else if (!toolName) setModel(emptyTool(freshName(s)));
      },
      (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)),
    );
  }, [readToolSource, serverId, toolName]);

  const language = source?.language ?? 'python';
  const others = useMemo(
    () => (source ? [...source.tools.map((t) => t.model.name), ...source.unreadable.map((u) => u.name)].filter((n) => n !== toolName) : []),
    [source, toolName],
  );
  const issues = useMemo(() => validateTool(model, language, others), [model, language, others]);
  const preview = useMemo(
    () =>
      JSON.stringify(
        { inputSchema: inputSchemaOf(model), ...(outputSchemaOf(model.output) ? { outputSchema: outputSchemaOf(model.output) } : {}) },
        null,
        2,
      ),
    [model],
  );
  const unreadableHere = toolName && source ? source.unreadable.find((u) => u.name === toolName) : undefined;

  const review = async () => {
    setBusy(true);
    setApplyError(null);
    try {
      const p = await planToolChange({ serverId, tool: model, ...(toolName ? { replace: toolName } : {}) });
      if (p.issues.length) setApplyError(p.issues.map((i) => i.message).join(' '));
      else setPlan(p);
    } catch (e) {
      setApplyError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!plan) return;
    setBusy(true);
    try {
      const o = await applyToolChange({ serverId, content: plan.modified, baseVersion: plan.baseVersion });
      if (o.status === 'saved') {
        pushNotice(
          'info',
          `Saved ${plan.file}: ${toolName ? `tool ${model.name} updated` : `tool ${model.name} added`}. A watched server restarts by itself.`,
        );
        onClose();
      } else if (o.status === 'conflict') {
        setPlan(null);
        setApplyError(`${plan.file} changed since the diff was made (someone saved it). Review the changes again.`);
      } else {
        setApplyError(o.message);
      }
    } catch (e) {
      setApplyError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const title = `${toolName ? `Edit tool ${toolName}` : 'Add a tool'} — ${serverName}`;
  if (loadError) {
    return (
      <ModalDialog title={title} onClose={onClose}>
        <p className="engine-error" role="alert">
          {loadError}
        </p>
      </ModalDialog>
    );
  }
  if (!source) {
    return (
      <ModalDialog title={title} onClose={onClose}>
        <p className="muted">Reading the tools from the server&apos;s source…</p>
      </ModalDialog>
    );
  }

  if (plan) {
    return (
      <ModalDialog
        title={`Review the change to ${plan.file}`}
        onClose={onClose}
        className="modal-wide"
        footer={
          <>
            {applyError ? (
              <p className="engine-error">{applyError}</p>
            ) : (
              <span className="muted small">Nothing is written until you apply.</span>
            )}
            <span className="topbar-spacer" />
            <button type="button" className="button" onClick={() => setPlan(null)}>
              Back to the form
            </button>
            <button type="button" className="button primary" disabled={busy} onClick={() => void apply()}>
              {busy ? 'Writing…' : `Apply to ${plan.file.split('/').pop()}`}
            </button>
          </>
        }
      >
        <DiffView
          original={plan.original}
          modified={plan.modified}
          language={language}
          originalLabel={`${plan.file} now`}
          modifiedLabel="After the change"
        />
      </ModalDialog>
    );
  }

  return (
    <ModalDialog
      title={title}
      onClose={onClose}
      className="modal-wide"
      footer={
        <>
          {applyError ? (
            <p className="engine-error" role="alert">
              {applyError}
            </p>
          ) : issues.length ? (
            <p className="field-error" role="status">
              {issues.length} {issues.length === 1 ? 'problem' : 'problems'} to fix before the code can be written.
            </p>
          ) : (
            <span className="muted small">
              Writes{' '}
              {language === 'python' ? 'a FastMCP tool with Annotated[…, Field(…)] parameters' : 'a registerTool call with zod schemas'}{' '}
              into <code>{source.file}</code>.
            </span>
          )}
          <span className="topbar-spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button primary"
            disabled={busy || issues.length > 0 || !!unreadableHere}
            onClick={() => void review()}
          >
            {busy ? 'Preparing…' : 'Review changes'}
          </button>
        </>
      }
    >
      {source.syntaxError ? (
        <p className="engine-error" role="alert">
          {source.file} has a syntax error at line {source.syntaxError.line ?? '?'}: {source.syntaxError.message}. Fix it in the editor
          first.
        </p>
      ) : null}
      {source.unreadable.length ? (
        <details className="unreadable" open={!!unreadableHere}>
          <summary>
            {source.unreadable.length} {source.unreadable.length === 1 ? 'tool is' : 'tools are'} written in a way the builder cannot edit
            (left as they are)
          </summary>
          <ul>
            {source.unreadable.map((u) => (
              <li key={u.name}>
                <code>{u.name}</code> (line {u.line}): {u.reason}{' '}
                {source.workspacePath ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      void openFile(source.workspacePath!, u.line);
                      onClose();
                    }}
                  >
                    edit in code
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <div className="builder-layout">
        <div className="builder-form">
          <div className="param-row">
            <label className="field grow">
              <span className="field-label">Name</span>
              <input
                className="input mono"
                value={model.name}
                aria-invalid={issuesAt(issues, 'name').length > 0}
                onChange={(e) => setModel({ ...model, name: e.target.value })}
                spellCheck={false}
                autoFocus
              />
            </label>
            <label className="field grow">
              <span className="field-label">Title</span>
              <input
                className="input"
                value={model.title ?? ''}
                placeholder="optional, for people"
                onChange={(e) => setModel({ ...model, title: e.target.value || undefined })}
              />
            </label>
          </div>
          {issuesAt(issues, 'name').map((i) => (
            <span key={i.message} className="field-error" role="alert">
              {i.message}
            </span>
          ))}
          <label className="field">
            <span className="field-label">Description</span>
            <textarea
              className="input"
              rows={2}
              value={model.description}
              placeholder="What the tool does, for the model that decides when to call it"
              onChange={(e) => setModel({ ...model, description: e.target.value })}
            />
          </label>
          <h3 className="builder-section">Parameters</h3>
          <ParamList
            params={model.params}
            onChange={(params) => setModel({ ...model, params })}
            path="params"
            issues={issues}
            noun="parameter"
          />
          <h3 className="builder-section">Result</h3>
          <div className="segmented small" role="radiogroup" aria-label="Result">
            <button
              type="button"
              role="radio"
              aria-checked={model.output.kind === 'text'}
              onClick={() => setModel({ ...model, output: { kind: 'text' } })}
            >
              Text
            </button>
            <button
              type="button"
              role="radio"
              aria-checked={model.output.kind === 'object'}
              onClick={() =>
                setModel({
                  ...model,
                  output:
                    model.output.kind === 'object'
                      ? model.output
                      : { kind: 'object', properties: [{ name: 'result', kind: 'string', description: '', required: true }] },
                })
              }
            >
              Structured (output schema)
            </button>
          </div>
          {model.output.kind === 'object' ? (
            <ParamList
              params={model.output.properties}
              onChange={(properties) => setModel({ ...model, output: { kind: 'object', properties } })}
              path="output.properties"
              issues={issues}
              noun="field"
            />
          ) : null}
          {issuesAt(issues, 'output').map((i) => (
            <span key={i.message} className="field-error">
              {i.message}
            </span>
          ))}
          <h3 className="builder-section">Annotations</h3>
          <div className="hint-grid">
            {HINTS.map((h) => (
              <label key={h.key} className="field narrow" title={h.help}>
                <span className="field-label">{h.label}</span>
                <select
                  className="input"
                  value={model.annotations[h.key] === undefined ? '' : String(model.annotations[h.key])}
                  onChange={(e) => {
                    const annotations = { ...model.annotations };
                    if (e.target.value === '') delete annotations[h.key];
                    else annotations[h.key] = e.target.value === 'true';
                    setModel({ ...model, annotations });
                  }}
                >
                  <option value="">not set</option>
                  <option value="true">yes</option>
                  <option value="false">no</option>
                </select>
              </label>
            ))}
          </div>
        </div>
        <aside className="builder-preview" aria-label="Schema preview">
          <h3 className="builder-section">Schema the server will expose</h3>
          <pre className="json-view">{preview}</pre>
          {language === 'python' ? (
            <p className="muted small">FastMCP adds titles and writes optional parameters as anyOf […, null].</p>
          ) : null}
          {issues.length ? (
            <ul className="issue-list" aria-label="Problems">
              {issues.map((i) => (
                <li key={`${i.path}:${i.message}`}>
                  <code>{i.path}</code> {i.message}
                </li>
              ))}
            </ul>
          ) : null}
        </aside>
      </div>
    </ModalDialog>
  );
}

function freshName(s: ToolSource): string {
  const taken = new Set([...s.tools.map((t) => t.model.name), ...s.unreadable.map((u) => u.name)]);
  let n = 'new_tool';
  for (let i = 2; taken.has(n); i++) n = `new_tool_${i}`;
  return n;
}
