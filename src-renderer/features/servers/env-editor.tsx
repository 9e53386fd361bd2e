export interface EnvRow {
  rowId: number;
  key: string;
  value: string;
  secret: boolean;
  /** The key of a secret that already exists in the engine (its value never comes back to the UI). */
  storedSecretKey?: string;
}

interface Props {
  rows: EnvRow[];
  errors: Record<number, string>;
  onChange(rows: EnvRow[]): void;
  nextRowId(): number;
}

export function EnvEditor({ rows, errors, onChange, nextRowId }: Props) {
  const update = (rowId: number, patch: Partial<EnvRow>) => onChange(rows.map((r) => (r.rowId === rowId ? { ...r, ...patch } : r)));
  return (
    <fieldset className="env-editor">
      <legend>Environment</legend>
      {rows.length === 0 ? <p className="muted small">No extra variables. The server gets a minimal base environment (PATH from your login shell).</p> : null}
      {rows.map((r, i) => {
        const unchanged = r.storedSecretKey !== undefined && r.secret && r.value === '';
        return (
          <div key={r.rowId} className="env-row">
            <input
              className="input mono"
              aria-label={`Variable ${i + 1} name`}
              placeholder="NAME"
              value={r.key}
              onChange={(e) => update(r.rowId, { key: e.target.value })}
            />
            <input
              className="input mono"
              aria-label={`Variable ${i + 1} value`}
              type={r.secret ? 'password' : 'text'}
              autoComplete="off"
              placeholder={unchanged ? '••• (unchanged)' : 'value'}
              value={r.value}
              onChange={(e) => update(r.rowId, { value: e.target.value })}
            />
            <label className="checkbox-label">
              <input type="checkbox" checked={r.secret} onChange={(e) => update(r.rowId, { secret: e.target.checked })} />
              secret
            </label>
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove variable ${r.key || i + 1}`}
              onClick={() => onChange(rows.filter((x) => x.rowId !== r.rowId))}
            >
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
      <button type="button" className="button small" onClick={() => onChange([...rows, { rowId: nextRowId(), key: '', value: '', secret: false }])}>
        + Add variable
      </button>
      <p className="muted small">Secret values are write-only: they are stored outside the workspace file and never shown again.</p>
    </fieldset>
  );
}
