import type { RegistryWidgetsType, WidgetProps } from '@rjsf/utils';

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

export const formWidgets: RegistryWidgetsType = { CheckboxWidget };
