import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PromptInfo } from '../../../src-shared/api/schemas/prompt';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { useActions, useWorkbench } from '../../app-context';
import { hasMod, MOD_LABEL } from '../../components/keys';
import { promptsSelectors } from '../../store/slices/prompts-slice';
import { PromptArgumentField } from './prompt-argument-field';
import { PromptResult } from './prompt-result';
import { ServerName } from '../../components/server-name';
import { ArgsModeSwitch, type ArgsMode } from '../console/args-mode-switch';
import { JsonArgsEditor } from '../console/json-args-editor';
import { parsePromptArgsText, promptArgsSchema, promptArgsText } from './prompt-json';

/** One prompt: description, its arguments (a form with completions, or JSON), Get (Ctrl/Cmd+Enter), and the last result. */
export function PromptView({ server, prompt }: { server: ServerSummary; prompt: PromptInfo }) {
  const id = server.config.id;
  const ready = server.status.state === 'ready';
  const values = useWorkbench(promptsSelectors.values(id, prompt.name));
  const run = useWorkbench(promptsSelectors.run(id, prompt.name));
  const { setPromptValue, getPrompt, cancelPrompt } = useActions();
  const args = prompt.arguments ?? [];
  const missing = args.filter((a) => a.required && !(values[a.name] ?? '').trim()).map((a) => a.name);
  const pending = run?.pending ?? false;
  const idBase = `prompt-${id}-${prompt.name}`.replace(/[^A-Za-z0-9_-]/g, '_');
  // JSON mode, as tools have: the text is the truth while it is shown; the values follow whenever it parses.
  const [mode, setMode] = useState<ArgsMode>('form');
  const [json, setJson] = useState<{ text: string; error: string | null }>({ text: '', error: null });
  const schema = useMemo(() => promptArgsSchema(prompt), [prompt]);
  const switchMode = (m: ArgsMode) => {
    if (m === 'json') setJson({ text: promptArgsText(prompt, values), error: null });
    setMode(m);
  };
  const editJson = (text: string) => {
    const p = parsePromptArgsText(text);
    setJson({ text, error: p.ok ? null : p.error });
    if (!p.ok) return;
    for (const k of new Set([...Object.keys(values), ...Object.keys(p.values)]))
      if ((values[k] ?? '') !== (p.values[k] ?? '')) setPromptValue(id, prompt.name, k, p.values[k] ?? '');
  };
  const blocked = mode === 'json' && json.error !== null;

  const get = useCallback(() => {
    if (ready && !pending && !blocked) void getPrompt(id, prompt.name);
  }, [ready, pending, blocked, getPrompt, id, prompt.name]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!hasMod(e) || e.key !== 'Enter' || e.defaultPrevented || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      get();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [get]);

  return (
    <div className="call-console">
      <header className="console-header">
        <div className="console-title-row">
          <h2 className="console-title">
            <ServerName text={prompt.title ?? prompt.name} />
          </h2>
          {prompt.title && prompt.title !== prompt.name ? (
            <code className="tool-name">
              <ServerName text={prompt.name} />
            </code>
          ) : null}
        </div>
        {prompt.description ? <p className="tool-description">{prompt.description}</p> : <p className="muted small">No description.</p>}
      </header>
      <form
        className="args-editor"
        aria-label="Prompt arguments"
        onSubmit={(e) => {
          e.preventDefault();
          get();
        }}
      >
        <div className="section-head">
          <h3>Arguments</h3>
          <ArgsModeSwitch mode={mode} parseError={json.error} onChange={switchMode} />
        </div>
        {args.length === 0 ? <p className="muted">This prompt takes no arguments.</p> : null}
        {mode === 'json' ? (
          <JsonArgsEditor
            modelPath={`mcp-lab/prompt-args/${idBase}.json`}
            text={json.text}
            schema={schema}
            onChange={editJson}
            onSubmit={get}
          />
        ) : (
          <div className="form-root">
            {args.map((a) => (
              <PromptArgumentField
                key={a.name}
                server={server}
                promptName={prompt.name}
                argument={a}
                values={values}
                idBase={idBase}
                onChange={(v) => setPromptValue(id, prompt.name, a.name, v)}
                onSubmit={get}
              />
            ))}
          </div>
        )}
        {json.error && mode === 'json' ? (
          <div className="args-problem error" role="alert">
            <strong>Cannot send:</strong> {json.error}
          </div>
        ) : null}
      </form>
      <div className="call-controls">
        <button
          type="button"
          className="button primary call-button"
          disabled={!ready || pending || blocked}
          onClick={get}
          title={`Get the prompt (${MOD_LABEL}+Enter)`}
        >
          {pending ? 'Getting…' : 'Get prompt'}
        </button>
        {pending ? (
          <button type="button" className="button" onClick={() => cancelPrompt(id, prompt.name)}>
            Cancel
          </button>
        ) : null}
        {!ready ? <span className="muted small">The server is {server.status.state}: start it to get prompts.</span> : null}
        {ready && missing.length > 0 ? (
          <span className="muted small">Required but empty: {missing.join(', ')} (sent without it, the server will likely refuse).</span>
        ) : null}
      </div>
      {run?.error ? (
        <div className="args-problem error" role="alert">
          <strong>The prompt could not be requested:</strong> {run.error}
        </div>
      ) : null}
      {run?.outcome ? <PromptResult outcome={run.outcome} /> : null}
    </div>
  );
}
