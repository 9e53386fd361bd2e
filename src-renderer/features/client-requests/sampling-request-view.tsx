import { type ReactNode, useState } from 'react';
import type { ClientRequestResponse, PendingClientRequest } from '../../../src-shared/api/schemas/client-request';
import { JsonView } from '../../components/json-view';
import { MOD_LABEL, hasMod } from '../../components/keys';
import { RequestActions } from './request-actions';
import { SamplingMessage } from './sampling-message';

interface Props {
  request: PendingClientRequest;
  onRespond(r: ClientRequestResponse): Promise<void>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const STOP_REASONS = ['endTurn', 'stopSequence', 'maxTokens'];

/** A sampling request shown completely, and the reply the person at the keyboard gives as the model. */
export function SamplingRequestView({ request, onRespond }: Props) {
  const p = request.params;
  const messages = Array.isArray(p.messages) ? p.messages : [];
  const prefs = isObj(p.modelPreferences) ? p.modelPreferences : undefined;
  const hints = Array.isArray(prefs?.hints)
    ? prefs.hints.map((h) => (isObj(h) && typeof h.name === 'string' ? h.name : '')).filter(Boolean)
    : [];
  const [text, setText] = useState('');
  const [model, setModel] = useState('mcp-lab');
  const [stopReason, setStopReason] = useState('endTurn');
  const idBase = `sampling-${request.id.slice(0, 8)}`;

  const send = () =>
    onRespond({
      action: 'reply',
      content: { type: 'text', text },
      model: model.trim() || 'mcp-lab',
      ...(stopReason.trim() ? { stopReason: stopReason.trim() } : {}),
    });
  const pressSend = (el: HTMLElement) => el.closest('.request-view')?.querySelector<HTMLButtonElement>('[data-primary-action]')?.click();

  return (
    <div className="request-view sampling-view">
      <p className="field-help">You play the model: the reply you send is exactly what the server&apos;s code receives.</p>
      <section aria-label="Messages">
        <h4>Messages ({messages.length})</h4>
        <ol className="sampling-messages">
          {messages.map((m, i) => (
            <SamplingMessage key={i} message={m} index={i} />
          ))}
        </ol>
      </section>
      <dl className="sampling-params" aria-label="Request parameters">
        {typeof p.systemPrompt === 'string' ? (
          <Param label="System prompt" wide>
            {<pre className="sampling-text">{p.systemPrompt}</pre>}
          </Param>
        ) : null}
        <Param label="Max tokens">{String(p.maxTokens ?? '—')}</Param>
        {p.temperature !== undefined ? <Param label="Temperature">{String(p.temperature)}</Param> : null}
        {Array.isArray(p.stopSequences) && p.stopSequences.length ? (
          <Param label="Stop sequences">
            {p.stopSequences.map((s, i) => (
              <code key={i} className="chip">
                {JSON.stringify(s)}
              </code>
            ))}
          </Param>
        ) : null}
        {p.includeContext !== undefined ? <Param label="Include context">{String(p.includeContext)}</Param> : null}
        {prefs ? (
          <Param label="Model preferences" wide>
            {hints.length ? (
              <span className="chips">
                hints:{' '}
                {hints.map((h) => (
                  <code key={h} className="chip">
                    {h}
                  </code>
                ))}
              </span>
            ) : null}
            {(['costPriority', 'speedPriority', 'intelligencePriority'] as const).map((k) =>
              typeof prefs[k] === 'number' ? (
                <span key={k} className="priority">
                  {k.replace('Priority', '')} <meter min={0} max={1} value={prefs[k]} aria-label={k} /> {prefs[k]}
                </span>
              ) : null,
            )}
          </Param>
        ) : null}
        {Array.isArray(p.tools) ? (
          <Param label={`Tools (${p.tools.length})`} wide>
            <ul className="sampling-tools">
              {p.tools.map((t, i) => (
                <li key={i}>
                  <code>{isObj(t) && typeof t.name === 'string' ? t.name : '?'}</code>
                  {isObj(t) && typeof t.description === 'string' ? <span className="muted small"> — {t.description}</span> : null}
                  {isObj(t) && t.inputSchema !== undefined ? (
                    <details>
                      <summary className="small">input schema</summary>
                      <JsonView value={t.inputSchema} />
                    </details>
                  ) : null}
                </li>
              ))}
            </ul>
            <span className="muted small">MCP Lab does not declare sampling with tools; you can still answer with text.</span>
          </Param>
        ) : null}
        {p.toolChoice !== undefined ? <Param label="Tool choice">{JSON.stringify(p.toolChoice)}</Param> : null}
        {p.metadata !== undefined ? (
          <Param label="Metadata" wide>
            {<JsonView value={p.metadata} />}
          </Param>
        ) : null}
      </dl>
      <details className="request-raw">
        <summary>Raw request params</summary>
        <JsonView value={p} />
      </details>

      <form
        className="sampling-reply"
        aria-label="Your reply"
        onSubmit={(e) => {
          e.preventDefault();
          pressSend(e.currentTarget);
        }}
      >
        <label className="field" htmlFor={`${idBase}-text`}>
          <span className="field-label">Reply (assistant message)</span>
        </label>
        <textarea
          id={`${idBase}-text`}
          className="input"
          rows={4}
          autoFocus
          placeholder="What the model answers…"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && hasMod(e)) {
              e.preventDefault();
              pressSend(e.currentTarget);
            }
          }}
        />
        <div className="sampling-reply-meta">
          <label className="field">
            <span className="field-label">Model</span>
            <input className="input mono" value={model} onChange={(e) => setModel(e.target.value)} />
            {hints.length ? (
              <span className="field-help">
                Use a hint:{' '}
                {hints.map((h) => (
                  <button key={h} type="button" className="link-button" onClick={() => setModel(h)}>
                    {h}
                  </button>
                ))}
              </span>
            ) : null}
          </label>
          <label className="field">
            <span className="field-label">Stop reason</span>
            <input className="input mono" list={`${idBase}-stops`} value={stopReason} onChange={(e) => setStopReason(e.target.value)} />
            <datalist id={`${idBase}-stops`}>
              {STOP_REASONS.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          </label>
        </div>
        <button type="submit" hidden tabIndex={-1} aria-hidden="true" />
      </form>
      <RequestActions
        primary={{ label: 'Send reply', hint: `${MOD_LABEL}+Enter`, onClick: send }}
        escape={{
          label: 'Reject',
          title: 'Answer with a JSON-RPC error (-1, "User rejected sampling request")',
          onClick: () => onRespond({ action: 'reject' }),
        }}
      />
    </div>
  );
}

function Param({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={`sampling-param${wide ? ' wide' : ''}`}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
