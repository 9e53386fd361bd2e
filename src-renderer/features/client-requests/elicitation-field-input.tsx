import type { DraftValue, ElicitField } from '../../../src-shared/client-features/elicit-fields';
import { inputTypeFor } from '../../../src-shared/client-features/elicit-fields';

interface Props {
  field: ElicitField;
  value: DraftValue | undefined;
  error?: string;
  idBase: string;
  onChange(v: DraftValue): void;
}

export const fieldId = (idBase: string, name: string) => `${idBase}-${name}`.replace(/[^A-Za-z0-9_-]/g, '_');

/** One field of an elicitation form. Labels, descriptions and choices come from the server: text only. */
export function ElicitFieldInput({ field: f, value, error, idBase, onChange }: Props) {
  const id = fieldId(idBase, f.name);
  const describedBy = [f.description ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': f.required || undefined,
  } as const;
  const constraint = constraintText(f);
  const label = (
    <span className="field-label">
      {f.label}
      {f.required ? (
        <span className="required" aria-label="required" title="Required">
          *
        </span>
      ) : null}
      {constraint ? <span className="elicit-constraint">{constraint}</span> : null}
      {/* The key the value is sent under: shown, not part of the field's name. */}
      {f.label !== f.name ? (
        <code className="elicit-key" aria-hidden="true">
          {f.name}
        </code>
      ) : null}
    </span>
  );
  const help = (
    <>
      {f.description ? (
        <span className="field-help" id={`${id}-help`}>
          {f.description}
        </span>
      ) : null}
      {error ? (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </>
  );

  if (f.kind === 'boolean') {
    return (
      <div className="field elicit-field">
        <label className="checkbox-label elicit-check" htmlFor={id}>
          <input type="checkbox" {...common} checked={value === true} onChange={(e) => onChange(e.target.checked)} />
          {label}
        </label>
        {help}
      </div>
    );
  }

  if (f.kind === 'multiselect') {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset className="field elicit-field elicit-multi" aria-describedby={describedBy}>
        <legend>{label}</legend>
        <div className="checkboxes">
          {f.choices.map((c) => (
            <label key={c.value} className="checkbox-label">
              <input
                type="checkbox"
                checked={chosen.includes(c.value)}
                onChange={(e) => onChange(e.target.checked ? [...chosen, c.value] : chosen.filter((x) => x !== c.value))}
              />
              {c.label}
            </label>
          ))}
        </div>
        {help}
      </fieldset>
    );
  }

  let control;
  if (f.kind === 'select') {
    control = (
      <select className="input" {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">{f.required ? '— choose one —' : '(none)'}</option>
        {f.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label === c.value ? c.label : `${c.label}  (${c.value})`}
          </option>
        ))}
      </select>
    );
  } else if (f.kind === 'number') {
    control = (
      <input
        className="input"
        type="number"
        {...common}
        step={f.integer ? 1 : 'any'}
        min={f.minimum}
        max={f.maximum}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  } else if (f.kind === 'text') {
    control = (
      <input
        className="input"
        type={inputTypeFor(f.format)}
        {...common}
        placeholder={
          f.format === 'date-time'
            ? '2025-01-31T12:00:00Z'
            : f.format === 'uri'
              ? 'https://…'
              : f.format === 'email'
                ? 'name@example.com'
                : undefined
        }
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  } else {
    control = (
      <textarea
        className="input mono"
        rows={2}
        {...common}
        placeholder="JSON value"
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <div className="field elicit-field">
      <label htmlFor={id}>{label}</label>
      {control}
      {f.kind === 'other' ? (
        <span className="field-help">
          This field is outside what elicitation forms allow (flat strings, numbers, booleans, enums); enter its value as JSON.
        </span>
      ) : null}
      {help}
    </div>
  );
}

/** The limits a person should know before typing, in words: "whole number, 1 – 100", "email", "choose 1 to 3". */
function constraintText(f: ElicitField): string {
  // "at least 1 character", not "1 characters".
  const one = (n: number, unit: string) => (n === 1 ? unit.replace(/s$/, '') : unit);
  const range = (lo: number | undefined, hi: number | undefined, unit = '') =>
    lo !== undefined && hi !== undefined
      ? `${lo} – ${hi}${unit}`
      : lo !== undefined
        ? `at least ${lo}${one(lo, unit)}`
        : hi !== undefined
          ? `at most ${hi}${one(hi, unit)}`
          : '';
  switch (f.kind) {
    case 'number':
      return [f.integer ? 'whole number' : 'number', range(f.minimum, f.maximum)].filter(Boolean).join(', ');
    case 'text':
      return [f.format, range(f.minLength, f.maxLength, ' characters')].filter(Boolean).join(', ');
    case 'multiselect':
      return f.minItems !== undefined || f.maxItems !== undefined ? `choose ${range(f.minItems, f.maxItems)}` : 'choose any';
    default:
      return '';
  }
}
