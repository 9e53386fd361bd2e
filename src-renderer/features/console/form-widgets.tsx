import type { RegistryWidgetsType, WidgetProps } from '@rjsf/utils';

/** Formats that have their own input (date pickers, email keyboards): those stay single-line inputs. */
const INPUT_FORMATS = new Set([
  'date',
  'date-time',
  'time',
  'email',
  'idn-email',
  'uri',
  'url',
  'iri',
  'uuid',
  'ipv4',
  'ipv6',
  'hostname',
  'color',
  'password',
]);
/** Formats (and lengths) that announce text of several lines: they start as a taller box. */
const LONG_FORMATS = new Set(['textarea', 'multiline', 'markdown', 'code', 'text']);
const MAX_ROWS = 14;

/** The rows a string needs: its lines, at least 3 when the schema expects long text, at most MAX_ROWS (then it scrolls). */
export function rowsFor(text: string, schema: { format?: string; maxLength?: number }): number {
  const lines = text.split('\n').length;
  const long = (schema.format !== undefined && LONG_FORMATS.has(schema.format)) || (schema.maxLength ?? 0) > 200;
  return Math.min(MAX_ROWS, Math.max(long ? 3 : 1, lines));
}

/** A checkbox with its label beside it; the description stays below, as help text, like every field. */
function CheckboxWidget({ id, value, disabled, readonly, label, required, onChange, onBlur, onFocus, schema }: WidgetProps) {
  return (
    <label className="form-checkbox">
      <input
        type="checkbox"
        id={id}
        checked={value === true}
        disabled={disabled || readonly}
        onChange={(e) => onChange(e.target.checked)}
        onBlur={(e) => onBlur(id, e.target.checked)}
        onFocus={(e) => onFocus(id, e.target.checked)}
        aria-describedby={schema.description ? `${id}__description` : undefined}
      />
      <span>
        {label}
        {required ? (
          <span className="required" aria-hidden="true">
            *
          </span>
        ) : null}
      </span>
      {schema.description ? (
        <span className="form-help" id={`${id}__description`}>
          {schema.description}
        </span>
      ) : null}
    </label>
  );
}

/**
 * Strings get a box that grows with their lines, so pasted code keeps its line breaks. While the text is one
 * line and the schema does not ask for long text, Enter still does what it does in an input (submits the
 * form it is in); Shift+Enter starts a new line.
 */
function TextWidget(props: WidgetProps) {
  const {
    id,
    value,
    disabled,
    readonly,
    required,
    placeholder,
    autofocus,
    onChange,
    onBlur,
    onFocus,
    schema,
    rawErrors,
    registry,
    options,
  } = props;
  const format = typeof schema.format === 'string' ? schema.format : undefined;
  if (schema.type !== 'string' || (format !== undefined && INPUT_FORMATS.has(format))) {
    const { BaseInputTemplate } = registry.templates;
    return <BaseInputTemplate {...props} />;
  }
  const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
  const rows = rowsFor(text, { format, maxLength: typeof schema.maxLength === 'number' ? schema.maxLength : undefined });
  const empty = options.emptyValue;
  return (
    <textarea
      id={id}
      name={id}
      className="form-control string-input"
      rows={rows}
      value={text}
      required={required}
      disabled={disabled || readonly}
      placeholder={placeholder}
      autoFocus={autofocus}
      aria-invalid={rawErrors && rawErrors.length > 0 ? true : undefined}
      aria-describedby={schema.description ? `${id}__description` : undefined}
      spellCheck={false}
      onChange={(e) => onChange(e.target.value === '' ? empty : e.target.value)}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey || e.metaKey || e.altKey || rows > 1) return;
        e.preventDefault();
        e.currentTarget.form?.requestSubmit();
      }}
    />
  );
}

export const formWidgets: RegistryWidgetsType = { CheckboxWidget, TextWidget };
