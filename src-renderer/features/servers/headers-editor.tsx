import type { HeaderRow } from './remote-form-model';

interface Props {
  rows: HeaderRow[];
  errors: Record<number, string>;
  onChange(rows: HeaderRow[]): void;
  nextRowId(): number;
}

/** HTTP headers sent with every request to a remote server; secret values are write-only, as for env. */
export function HeadersEditor({ rows, errors, onChange, nextRowId }: Props) {
  const update = (rowId: number, patch: Partial<HeaderRow>) => onChange(rows.map((r) => (r.rowId === rowId ? { ...r, ...patch } : r)));
  return (
    <fieldset className="env-editor">
      <legend>Headers</legend>
      {rows.length === 0 ? <p className="muted small">No headers. A server that wants a token usually takes it as Authorization: Bearer &lt;token&gt; (mark it secret).</p> : null}
      {rows.map((r, i) => {
        const unchanged = r.storedSecretKey !== undefined && r.secret && r.value === '';
        return (
          <div key={r.rowId} className="env-row">
            <input className="input mono" aria-label={`Header ${i + 1} name`} placeholder="Authorization" value={r.key} onChange={(e) => update(r.rowId, { key: e.target.value })} />
            <input
              className="input mono"
              aria-label={`Header ${i + 1} value`}
              type={r.secret ? 'password' : 'text'}
              autoComplete="off"
              placeholder={unchanged ? '••• (unchanged)' : 'Bearer …'}
              value={r.value}
              onChange={(e) => update(r.rowId, { value: e.target.value })}
            />
            <label className="checkbox-label">
              <input type="checkbox" checked={r.secret} onChange={(e) => update(r.rowId, { secret: e.target.checked })} />
              secret
            </label>
            <button type="button" className="icon-button" aria-label={`Remove header ${r.key || i + 1}`} onClick={() => onChange(rows.filter((x) => x.rowId !== r.rowId))}>
              ✕
            </button>
            {errors[r.rowId] ? (
              <p className="field-error env-error" role="alert">
                {errors[r.rowId]}
              </p>
            ) : null}
          </div>
        );
      })}
      <button
        type="button"
        className="button small"
        onClick={() => onChange([...rows, { rowId: nextRowId(), key: rows.length === 0 ? 'Authorization' : '', value: '', secret: rows.length === 0 }])}
      >
        + Add header
      </button>
      <p className="muted small">Secret values are stored outside the workspace file, never shown again, and blanked out of the log.</p>
    </fieldset>
  );
}
