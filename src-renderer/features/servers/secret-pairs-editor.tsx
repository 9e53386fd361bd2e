/** A name = value row whose value may be secret (env variables, HTTP headers). */
export interface SecretPairRow {
  rowId: number;
  key: string;
  value: string;
  secret: boolean;
  /** The key of a secret the engine already stores (its value never comes back to the UI). */
  storedSecretKey?: string;
}

export interface SecretPairsProps<R extends SecretPairRow> {
  rows: R[];
  errors: Record<number, string>;
  onChange(rows: R[]): void;
  nextRowId(): number;
}

interface Wording<R extends SecretPairRow> {
  legend: string;
  /** What one row is called in labels: "Variable", "Header". */
  noun: string;
  empty: string;
  namePlaceholder: string;
  valuePlaceholder: string;
  addLabel: string;
  note: string;
  newRow(rowId: number, rows: R[]): R;
}

/** Rows of names and values; secret values are write-only (shown as "unchanged" once stored). */
export function SecretPairsEditor<R extends SecretPairRow>({
  rows,
  errors,
  onChange,
  nextRowId,
  w,
}: SecretPairsProps<R> & { w: Wording<R> }) {
  const update = (rowId: number, patch: Partial<SecretPairRow>) => onChange(rows.map((r) => (r.rowId === rowId ? { ...r, ...patch } : r)));
  return (
    <fieldset className="env-editor">
      <legend>{w.legend}</legend>
      {rows.length === 0 ? <p className="muted small">{w.empty}</p> : null}
      {rows.map((r, i) => {
        const unchanged = r.storedSecretKey !== undefined && r.secret && r.value === '';
        return (
          <div key={r.rowId} className="env-row">
            <input
              className="input mono"
              aria-label={`${w.noun} ${i + 1} name`}
              placeholder={w.namePlaceholder}
              value={r.key}
              onChange={(e) => update(r.rowId, { key: e.target.value })}
            />
            <input
              className="input mono"
              aria-label={`${w.noun} ${i + 1} value`}
              type={r.secret ? 'password' : 'text'}
              autoComplete="off"
              placeholder={unchanged ? '••• (unchanged)' : w.valuePlaceholder}
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
              aria-label={`Remove ${w.noun.toLowerCase()} ${r.key || i + 1}`}
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
      <button type="button" className="button small" onClick={() => onChange([...rows, w.newRow(nextRowId(), rows)])}>
        {w.addLabel}
      </button>
      <p className="muted small">{w.note}</p>
    </fieldset>
  );
}
