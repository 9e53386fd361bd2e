import {
  type ArrayFieldItemTemplateProps,
  type ArrayFieldTemplateProps,
  type DescriptionFieldProps,
  type FieldErrorProps,
  type FieldTemplateProps,
  type IconButtonProps,
  type ObjectFieldTemplateProps,
  type TemplatesType,
  type TitleFieldProps,
  getSchemaType,
} from '@rjsf/utils';
import { NULLABLE_KEY } from '../tools/schema/prepare-schema';

/** The value a field gets back when its "null" toggle is switched off. */
function emptyValueFor(type: unknown): unknown {
  switch (type) {
    case 'string':
      return '';
    case 'boolean':
      return false;
    case 'object':
      return {};
    case 'array':
      return [];
    default:
      return undefined;
  }
}

/**
 * The form library titles an untitled list item "<list>-<n>"; a person reads "item n". Only for a field
 * that is an item (its path ends in an index), so a property really named "size-2" keeps its name.
 */
export function itemLabel(label: string, path: readonly (string | number)[]): string {
  const last = path.at(-1);
  if (typeof last !== 'number') return label;
  return label.endsWith(`-${last + 1}`) ? `item ${last + 1}` : label;
}

function FieldTemplate(props: FieldTemplateProps) {
  const {
    id,
    label: rawLabel,
    children,
    rawErrors,
    rawDescription,
    hidden,
    required,
    displayLabel,
    schema,
    formData,
    onChange,
    fieldPathId,
    classNames,
  } = props;
  if (hidden) return <div className="hidden">{children}</div>;
  const label = itemLabel(rawLabel, fieldPathId.path);
  const nullable = schema[NULLABLE_KEY] === true;
  const isNull = nullable && formData === null;
  const toggleNull = () => onChange((isNull ? emptyValueFor(getSchemaType(schema)) : null) as never, fieldPathId.path);
  const showHead = displayLabel || nullable;
  const errors = rawErrors?.filter(Boolean) ?? [];
  return (
    <div className={`form-field ${classNames ?? ''} ${errors.length ? 'has-error' : ''}`}>
      {showHead ? (
        <div className="form-field-head">
          {displayLabel ? (
            <label htmlFor={id} className="form-label">
              {label}
              {required ? (
                <span className="required" aria-hidden="true">
                  *
                </span>
              ) : null}
            </label>
          ) : (
            <span />
          )}
          {nullable ? (
            <label className="null-toggle" title="Send null for this field">
              <input type="checkbox" checked={isNull} onChange={toggleNull} aria-label={`${label || 'value'} is null`} />
              null
            </label>
          ) : null}
        </div>
      ) : null}
      {isNull ? <div className="null-value mono">null</div> : children}
      {displayLabel && rawDescription ? (
        <div className="form-help" id={`${id}__description`}>
          {rawDescription}
        </div>
      ) : null}
      {errors.length ? (
        <ul className="form-errors" role="alert">
          {errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { title, description, properties, fieldPathId, schema, required, onAddProperty, disabled, readonly, registry, uiSchema } = props;
  const isRoot = fieldPathId.path.length === 0;
  const { AddButton } = registry.templates.ButtonTemplates;
  const canAdd = schema.additionalProperties !== undefined && schema.additionalProperties !== false && !readonly && !disabled;
  const content = (
    <>
      {properties.filter((p) => !p.hidden).length === 0 && isRoot && !canAdd ? (
        <p className="muted small">This tool takes no arguments.</p>
      ) : null}
      {properties.map((p) => p.content)}
      {canAdd ? <AddButton onClick={onAddProperty} uiSchema={uiSchema} registry={registry} className="form-add" /> : null}
    </>
  );
  if (isRoot) return <div className="form-root">{content}</div>;
  return (
    <fieldset className="form-object" id={fieldPathId.$id}>
      {title ? (
        <legend>
          {title}
          {required ? (
            <span className="required" aria-hidden="true">
              *
            </span>
          ) : null}
        </legend>
      ) : null}
      {description ? <div className="form-help">{description}</div> : null}
      {content}
    </fieldset>
  );
}

function ArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const { title, items, canAdd, onAddClick, fieldPathId, schema, required, disabled, readonly, registry, uiSchema } = props;
  const { AddButton } = registry.templates.ButtonTemplates;
  return (
    <fieldset className="form-array" id={fieldPathId.$id}>
      {title ? (
        <legend>
          {title}
          {required ? (
            <span className="required" aria-hidden="true">
              *
            </span>
          ) : null}
        </legend>
      ) : null}
      {schema.description ? <div className="form-help">{schema.description}</div> : null}
      <div className="form-array-items">{items}</div>
      {items.length === 0 ? <p className="muted small">Empty list.</p> : null}
      {canAdd ? (
        <AddButton onClick={onAddClick} disabled={disabled || readonly} uiSchema={uiSchema} registry={registry} className="form-add" />
      ) : null}
    </fieldset>
  );
}

function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, buttonsProps, hasToolbar, registry, uiSchema } = props;
  const { MoveUpButton, MoveDownButton, RemoveButton } = registry.templates.ButtonTemplates;
  const b = buttonsProps;
  return (
    <div className="form-array-item">
      <div className="form-array-item-body">{children}</div>
      {hasToolbar ? (
        <div className="form-array-item-tools">
          {b.hasMoveUp || b.hasMoveDown ? (
            <>
              <MoveUpButton
                disabled={b.disabled || b.readonly || !b.hasMoveUp}
                onClick={b.onMoveUpItem}
                uiSchema={uiSchema}
                registry={registry}
              />
              <MoveDownButton
                disabled={b.disabled || b.readonly || !b.hasMoveDown}
                onClick={b.onMoveDownItem}
                uiSchema={uiSchema}
                registry={registry}
              />
            </>
          ) : null}
          {b.hasRemove ? (
            <RemoveButton disabled={b.disabled || b.readonly} onClick={b.onRemoveItem} uiSchema={uiSchema} registry={registry} />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function textButton(label: string, symbol: string, extra = '') {
  return function TextButton(props: IconButtonProps) {
    const { onClick, disabled, className } = props;
    return (
      <button
        type="button"
        className={`icon-button form-button ${extra} ${className ?? ''}`}
        aria-label={label}
        title={label}
        onClick={onClick}
        disabled={disabled}
      >
        {symbol}
      </button>
    );
  };
}

function AddButton(props: IconButtonProps) {
  return (
    <button type="button" className={`button small ${props.className ?? ''}`} onClick={props.onClick} disabled={props.disabled}>
      + Add item
    </button>
  );
}

function DescriptionField({ description, id }: DescriptionFieldProps) {
  if (!description) return null;
  return (
    <div id={id} className="form-help">
      {description}
    </div>
  );
}

function TitleField({ title, id, required }: TitleFieldProps) {
  return (
    <div id={id} className="form-title">
      {title}
      {required ? (
        <span className="required" aria-hidden="true">
          *
        </span>
      ) : null}
    </div>
  );
}

function FieldError({ errors }: FieldErrorProps) {
  void errors; // shown by FieldTemplate
  return null;
}

export const formTemplates: Partial<TemplatesType> = {
  FieldTemplate,
  ObjectFieldTemplate,
  ArrayFieldTemplate,
  ArrayFieldItemTemplate,
  DescriptionFieldTemplate: DescriptionField,
  TitleFieldTemplate: TitleField,
  FieldErrorTemplate: FieldError,
  ErrorListTemplate: () => null,
  ButtonTemplates: {
    AddButton,
    CopyButton: textButton('Copy item', '⧉'),
    MoveUpButton: textButton('Move item up', '↑'),
    MoveDownButton: textButton('Move item down', '↓'),
    RemoveButton: textButton('Remove item', '✕', 'danger-text'),
    ClearButton: textButton('Clear', '✕'),
    SubmitButton: () => null,
  },
};
