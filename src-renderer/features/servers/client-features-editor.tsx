import type { ClientFeatureName } from '../../../src-shared/api/schemas/client-features';
import {
  type ClientFeatureErrors,
  type ClientFeaturesForm,
  type ElicitRuleRow,
  type SamplingRuleRow,
  formEnabled,
  needsRestart,
} from './client-features-form';
import { countOf } from '../../../src-shared/base/count-of';

interface Props {
  form: ClientFeaturesForm;
  errors: ClientFeatureErrors;
  onChange(f: ClientFeaturesForm): void;
  nextRowId(): number;
  /** What the running server declared at start (undefined when it is not running). */
  declared: ClientFeatureName[] | undefined;
}

function summary(f: ClientFeaturesForm): string {
  const on = (b: boolean) => (b ? 'on' : 'off');
  const rules = f.samplingRules.length + f.elicitationRules.length;
  const roots = !f.rootsEnabled ? 'off' : f.customRoots ? countOf(f.roots.length, 'folder') : 'workspace folder';
  return `sampling ${on(f.samplingEnabled)} · elicitation ${on(f.elicitationEnabled)} · roots ${roots}${rules ? ` · ${countOf(rules, 'auto-reply rule')}` : ''}`;
}

/** Sampling, elicitation and roots for one server: what MCP Lab declares and how it answers unattended. */
export function ClientFeaturesEditor({ form: f, errors, onChange, nextRowId, declared }: Props) {
  const set = (patch: Partial<ClientFeaturesForm>) => onChange({ ...f, ...patch });
  const restart = needsRestart(declared, formEnabled(f));
  const hasErrors = Object.keys(errors).length > 0;

  const setSampling = (rowId: number, patch: Partial<SamplingRuleRow>) =>
    set({ samplingRules: f.samplingRules.map((r) => (r.rowId === rowId ? { ...r, ...patch } : r)) });
  const setElicit = (rowId: number, patch: Partial<ElicitRuleRow>) =>
    set({ elicitationRules: f.elicitationRules.map((r) => (r.rowId === rowId ? { ...r, ...patch } : r)) });

  return (
    <details className="client-features" open={hasErrors || restart || undefined}>
      <summary>
        Client features <span className="muted small">— {summary(f)}</span>
      </summary>
      <div className="client-features-body">
        {restart ? (
          <p className="restart-note" role="status">
            The running server declared {declared!.length ? declared!.join(', ') : 'none of these'} when it started: restart it to apply
            this change. Auto-reply rules and the roots list apply at once.
          </p>
        ) : null}
        <p className="field-help">
          What MCP Lab offers this server as an MCP client. A feature that is off is not declared in <code>initialize</code>, so the server
          sees a client without it. Requests no rule answers wait for you in a dialog.
        </p>

        <section className="feature-block" aria-label="Sampling">
          <div className="feature-head">
            <label className="checkbox-label">
              <input type="checkbox" checked={f.samplingEnabled} onChange={(e) => set({ samplingEnabled: e.target.checked })} />
              Sampling
            </label>
            <span className="field-help">The server asks for an LLM completion; you answer as the model.</span>
          </div>
          {f.samplingRules.map((r, i) => (
            <div key={r.rowId} className="rule-row sampling" role="group" aria-label={`Sampling rule ${i + 1}`}>
              <input
                className="input"
                aria-label="When the last user message contains"
                placeholder="contains… (empty: every request)"
                value={r.match}
                onChange={(e) => setSampling(r.rowId, { match: e.target.value })}
              />
              <label className="checkbox-label small" title="Treat the text as a JavaScript regular expression">
                <input type="checkbox" checked={r.regex} onChange={(e) => setSampling(r.rowId, { regex: e.target.checked })} />
                regex
              </label>
              <input
                className="input"
                aria-label="Reply text"
                placeholder="reply text"
                value={r.text}
                onChange={(e) => setSampling(r.rowId, { text: e.target.value })}
              />
              <input
                className="input mono"
                aria-label="Model"
                placeholder="model"
                value={r.model}
                onChange={(e) => setSampling(r.rowId, { model: e.target.value })}
              />
              <input
                className="input mono"
                aria-label="Stop reason"
                placeholder="endTurn"
                value={r.stopReason}
                onChange={(e) => setSampling(r.rowId, { stopReason: e.target.value })}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove sampling rule ${i + 1}`}
                onClick={() => set({ samplingRules: f.samplingRules.filter((x) => x.rowId !== r.rowId) })}
              >
                ✕
              </button>
              {errors[r.rowId] ? <p className="field-error">{errors[r.rowId]}</p> : null}
            </div>
          ))}
          <button
            type="button"
            className="button small"
            onClick={() =>
              set({
                samplingRules: [
                  ...f.samplingRules,
                  { rowId: nextRowId(), match: '', regex: false, text: '', model: 'mcp-lab', stopReason: 'endTurn' },
                ],
              })
            }
          >
            + Auto-reply rule
          </button>
        </section>

        <section className="feature-block" aria-label="Elicitation">
          <div className="feature-head">
            <label className="checkbox-label">
              <input type="checkbox" checked={f.elicitationEnabled} onChange={(e) => set({ elicitationEnabled: e.target.checked })} />
              Elicitation
            </label>
            <span className="field-help">The server asks you for input (a form, or a link to open).</span>
          </div>
          {f.elicitationRules.map((r, i) => (
            <div key={r.rowId} className="rule-row elicitation" role="group" aria-label={`Elicitation rule ${i + 1}`}>
              <input
                className="input"
                aria-label="When the message contains"
                placeholder="contains… (empty: every request)"
                value={r.match}
                onChange={(e) => setElicit(r.rowId, { match: e.target.value })}
              />
              <label className="checkbox-label small">
                <input type="checkbox" checked={r.regex} onChange={(e) => setElicit(r.rowId, { regex: e.target.checked })} />
                regex
              </label>
              <select
                className="input"
                aria-label="Answer"
                value={r.action}
                onChange={(e) => setElicit(r.rowId, { action: e.target.value as ElicitRuleRow['action'] })}
              >
                <option value="accept">accept</option>
                <option value="decline">decline</option>
                <option value="cancel">cancel</option>
              </select>
              <input
                className="input mono"
                aria-label="Values to accept with (JSON)"
                placeholder={r.action === 'accept' ? '{"name": "Ada"}' : '(no values)'}
                disabled={r.action !== 'accept'}
                value={r.contentText}
                onChange={(e) => setElicit(r.rowId, { contentText: e.target.value })}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove elicitation rule ${i + 1}`}
                onClick={() => set({ elicitationRules: f.elicitationRules.filter((x) => x.rowId !== r.rowId) })}
              >
                ✕
              </button>
              {errors[r.rowId] ? <p className="field-error">{errors[r.rowId]}</p> : null}
            </div>
          ))}
          <button
            type="button"
            className="button small"
            onClick={() =>
              set({
                elicitationRules: [
                  ...f.elicitationRules,
                  { rowId: nextRowId(), match: '', regex: false, action: 'accept', contentText: '' },
                ],
              })
            }
          >
            + Auto-reply rule
          </button>
        </section>

        <section className="feature-block" aria-label="Roots">
          <div className="feature-head">
            <label className="checkbox-label">
              <input type="checkbox" checked={f.rootsEnabled} onChange={(e) => set({ rootsEnabled: e.target.checked })} />
              Roots
            </label>
            <span className="segmented small" role="radiogroup" aria-label="Which folders">
              <button
                type="button"
                role="radio"
                aria-checked={!f.customRoots}
                disabled={!f.rootsEnabled}
                onClick={() => set({ customRoots: false })}
              >
                Workspace folder
              </button>
              <button
                type="button"
                role="radio"
                aria-checked={f.customRoots}
                disabled={!f.rootsEnabled}
                onClick={() =>
                  set({ customRoots: true, roots: f.roots.length ? f.roots : [{ rowId: nextRowId(), location: '', name: '' }] })
                }
              >
                These folders
              </button>
            </span>
          </div>
          {f.rootsEnabled && f.customRoots ? (
            <>
              {f.roots.map((r, i) => (
                <div key={r.rowId} className="rule-row root" role="group" aria-label={`Root ${i + 1}`}>
                  <input
                    className="input mono"
                    aria-label="Folder (absolute path or file:// URI)"
                    placeholder="/home/me/project or file:///home/me/project"
                    value={r.location}
                    onChange={(e) => set({ roots: f.roots.map((x) => (x.rowId === r.rowId ? { ...x, location: e.target.value } : x)) })}
                  />
                  <input
                    className="input"
                    aria-label="Name (optional)"
                    placeholder="name (optional)"
                    value={r.name}
                    onChange={(e) => set({ roots: f.roots.map((x) => (x.rowId === r.rowId ? { ...x, name: e.target.value } : x)) })}
                  />
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Remove root ${i + 1}`}
                    onClick={() => set({ roots: f.roots.filter((x) => x.rowId !== r.rowId) })}
                  >
                    ✕
                  </button>
                  {errors[r.rowId] ? <p className="field-error">{errors[r.rowId]}</p> : null}
                </div>
              ))}
              <button
                type="button"
                className="button small"
                onClick={() => set({ roots: [...f.roots, { rowId: nextRowId(), location: '', name: '' }] })}
              >
                + Folder
              </button>
              <span className="field-help">A running server is told (notifications/roots/list_changed) when you save a change.</span>
            </>
          ) : null}
        </section>
      </div>
    </details>
  );
}
