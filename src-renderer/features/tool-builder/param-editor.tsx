import type { DefaultValue, ParamKind, ParamModel, StringFormat } from '../../../src-shared/tool-builder/tool-model';
import { PARAM_KINDS, STRING_FORMATS, emptyParam } from '../../../src-shared/tool-builder/tool-model';
import type { ToolIssue } from '../../../src-shared/tool-builder/validate-tool';

const KIND_LABEL: Record<ParamKind, string> = {
  string: 'text',
  number: 'number',
  integer: 'integer',
  boolean: 'true/false',
  array: 'list',
  object: 'object',
  enum: 'choice (enum)',
};

/** Issues whose path is exactly `path` (the field itself). */
export function issuesAt(issues: ToolIssue[], path: string): ToolIssue[] {
  return issues.filter((i) => i.path === path);
}

interface ListProps {
  params: ParamModel[];
  onChange(next: ParamModel[]): void;
  path: string;
  issues: ToolIssue[];
  noun: string;
}

/** A list of parameters (or object fields), each editable, with add / remove / move. */
export function ParamList({ params, onChange, path, issues, noun }: ListProps) {
  const set = (i: number, p: ParamModel) => onChange(params.map((x, j) => (j === i ? p : x)));
  const move = (i: number, d: number) => {
    const next = [...params];
    const [x] = next.splice(i, 1);
    next.splice(i + d, 0, x!);
    onChange(next);
  };
  return (
    <div className="param-list">
      {params.map((p, i) => (
        <fieldset key={i} className="param-card" aria-label={`${noun} ${p.name || i + 1}`}>
          <div className="param-card-actions">
            <button
              type="button"
              className="icon-button"
              aria-label={`Move ${p.name || noun} up`}
              disabled={i === 0}
              onClick={() => move(i, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Move ${p.name || noun} down`}
              disabled={i === params.length - 1}
              onClick={() => move(i, 1)}
            >
              ↓
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove ${p.name || noun}`}
              onClick={() => onChange(params.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          </div>
          <ParamEditor param={p} onChange={(x) => set(i, x)} path={`${path}.${i}`} issues={issues} />
        </fieldset>
      ))}
      <button
        type="button"
        className="button small"
        onClick={() => onChange([...params, emptyParam(`${noun === 'field' ? 'field' : 'param'}${params.length + 1}`)])}
      >
        + Add {noun}
      </button>
    </div>
  );
}

interface EditorProps {
  param: ParamModel;
  onChange(p: ParamModel): void;
  path: string;
  issues: ToolIssue[];
  /** List elements have no name, no "required" and no default of their own. */
  element?: boolean;
}

export function ParamEditor({ param: p, onChange, path, issues, element }: EditorProps) {
  const up = (patch: Partial<ParamModel>) => onChange({ ...p, ...patch });
  const err = (field: string) =>
    issuesAt(issues, `${path}.${field}`).map((i) => (
      <span key={i.message} className="field-error" role="alert">
        {i.message}
      </span>
    ));
  const num = (v: string) => (v.trim() === '' ? undefined : Number(v));
  return (
    <div className="param-editor">
      <div className="param-row">
        {!element ? (
          <label className="field grow">
            <span className="field-label">Name</span>
            <input
              className="input mono"
              value={p.name}
              aria-invalid={issuesAt(issues, `${path}.name`).length > 0}
              onChange={(e) => up({ name: e.target.value })}
              spellCheck={false}
            />
          </label>
        ) : null}
        <label className="field">
          <span className="field-label">Type</span>
          <select
            className="input"
            value={p.kind}
            onChange={(e) => {
              const kind = e.target.value as ParamKind;
              onChange({
                name: p.name,
                kind,
                description: p.description,
                required: p.required,
                ...(kind === 'enum' ? { enumValues: p.enumValues ?? ['a', 'b'] } : {}),
                ...(kind === 'array' ? { items: p.items ?? { ...emptyParam(''), required: true } } : {}),
                ...(kind === 'object' ? { properties: p.properties ?? [emptyParam('field1')] } : {}),
              });
            }}
          >
            {PARAM_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        {!element ? (
          <label className="check">
            <input
              type="checkbox"
              checked={p.required && p.default === undefined}
              disabled={p.default !== undefined}
              onChange={(e) => up({ required: e.target.checked })}
            />
            required
          </label>
        ) : null}
      </div>
      {err('name')}
      <label className="field">
        <span className="field-label">Description</span>
        <input
          className="input"
          value={p.description}
          placeholder="What the model should pass here"
          onChange={(e) => up({ description: e.target.value })}
        />
      </label>
      {p.kind === 'string' ? (
        <div className="param-row">
          <NumField label="Min length" value={p.minLength} onChange={(v) => up({ minLength: num(v) })} />
          <NumField label="Max length" value={p.maxLength} onChange={(v) => up({ maxLength: num(v) })} />
          <label className="field grow">
            <span className="field-label">Pattern (regex)</span>
            <input
              className="input mono"
              value={p.pattern ?? ''}
              onChange={(e) => up({ pattern: e.target.value || undefined })}
              spellCheck={false}
            />
          </label>
          <label className="field">
            <span className="field-label">Format</span>
            <select
              className="input"
              value={p.format ?? ''}
              onChange={(e) => up({ format: (e.target.value || undefined) as StringFormat | undefined })}
            >
              <option value="">none</option>
              {STRING_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </label>
        </div>
      ) : null}
      {p.kind === 'string' ? [...err('minLength'), ...err('maxLength'), ...err('pattern')] : null}
      {p.kind === 'number' || p.kind === 'integer' ? (
        <div className="param-row">
          <NumField label="Minimum" value={p.minimum} onChange={(v) => up({ minimum: num(v) })} />
          <NumField label="Maximum" value={p.maximum} onChange={(v) => up({ maximum: num(v) })} />
        </div>
      ) : null}
      {p.kind === 'number' || p.kind === 'integer' ? [...err('minimum'), ...err('maximum')] : null}
      {p.kind === 'enum' ? (
        <label className="field">
          <span className="field-label">Values (comma-separated)</span>
          <input
            className="input mono"
            value={(p.enumValues ?? []).join(', ')}
            onChange={(e) =>
              up({
                enumValues: e.target.value
                  .split(',')
                  .map((v) => v.trim())
                  .filter((v, i, a) => v !== '' || i < a.length - 1),
              })
            }
          />
          {err('enumValues')}
        </label>
      ) : null}
      {!element && p.kind !== 'object' ? (
        <DefaultField param={p} onChange={(d) => up({ default: d, ...(d !== undefined ? { required: false } : {}) })} />
      ) : null}
      {err('default')}
      {p.kind === 'array' ? (
        <div className="nested">
          <span className="field-label">Each element</span>
          <ParamEditor
            element
            param={p.items ?? emptyParam('')}
            onChange={(items) => up({ items: { ...items, name: '', required: true, default: undefined } })}
            path={`${path}.items`}
            issues={issues}
          />
          {err('items')}
        </div>
      ) : null}
      {p.kind === 'object' ? (
        <div className="nested">
          <span className="field-label">Fields</span>
          <ParamList
            params={p.properties ?? []}
            onChange={(properties) => up({ properties })}
            path={`${path}.properties`}
            issues={issues}
            noun="field"
          />
          {err('properties')}
        </div>
      ) : null}
    </div>
  );
}

function NumField({ label, value, onChange }: { label: string; value: number | undefined; onChange(v: string): void }) {
  return (
    <label className="field narrow">
      <span className="field-label">{label}</span>
      <input className="input mono" type="number" value={value ?? ''} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

/** The default, typed by kind; empty = no default. */
function DefaultField({ param: p, onChange }: { param: ParamModel; onChange(d: DefaultValue | undefined): void }) {
  const label = <span className="field-label">Default</span>;
  if (p.kind === 'boolean') {
    return (
      <label className="field narrow">
        {label}
        <select
          className="input"
          value={p.default === undefined ? '' : String(p.default)}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'true')}
        >
          <option value="">none</option>
          <option value="true">true</option>
          <option value="false">false</option>
        </select>
      </label>
    );
  }
  if (p.kind === 'enum') {
    return (
      <label className="field narrow">
        {label}
        <select
          className="input"
          value={typeof p.default === 'string' ? p.default : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        >
          <option value="">none</option>
          {(p.enumValues ?? []).map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
          {typeof p.default === 'string' && !(p.enumValues ?? []).includes(p.default) ? (
            <option value={p.default}>{p.default} (not a value)</option>
          ) : null}
        </select>
      </label>
    );
  }
  if (p.kind === 'number' || p.kind === 'integer') {
    return (
      <label className="field narrow">
        {label}
        <input
          className="input mono"
          type="number"
          value={typeof p.default === 'number' ? p.default : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      </label>
    );
  }
  if (p.kind === 'array') {
    return (
      <label className="field">
        {label}
        <input
          className="input mono"
          placeholder='none, or a JSON list such as ["a", "b"]'
          defaultValue={p.default === undefined ? '' : JSON.stringify(p.default)}
          onBlur={(e) => {
            const t = e.target.value.trim();
            if (!t) return onChange(undefined);
            try {
              const v = JSON.parse(t) as unknown;
              if (Array.isArray(v)) onChange(v as DefaultValue);
            } catch {
              // Left as typed; the list is only taken once it is valid JSON.
            }
          }}
        />
      </label>
    );
  }
  return (
    <label className="field">
      {label}
      <input
        className="input"
        placeholder="none"
        value={typeof p.default === 'string' ? p.default : ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      />
    </label>
  );
}
