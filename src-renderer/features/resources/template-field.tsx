import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { CompletionInput } from '../completion/completion-input';
import { useCompletionSource } from '../completion/completion-source';
import type { TemplateVariable } from './template-variables';

interface Props {
  server: ServerSummary;
  uriTemplate: string;
  variable: TemplateVariable;
  values: Record<string, string>;
  idBase: string;
  onChange(value: string): void;
  onSubmit(): void;
}

function hint(v: TemplateVariable): string {
  if (v.query) return `query parameter ?${v.name}=…; left out when empty`;
  if (v.explode) return 'wildcard: may span several segments (a/b/c)';
  return 'required';
}

/** One variable of a template, with the server's completions (ref/resource, the other values as context). */
export function TemplateField({ server, uriTemplate, variable, values, idBase, onChange, onSubmit }: Props) {
  const fetch = useCompletionSource(server, { type: 'ref/resource', uri: uriTemplate }, variable.name, values);
  const id = `${idBase}-${variable.name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <div className="form-field">
      <label className="form-label" htmlFor={id}>
        {variable.name}
        {variable.query ? null : (
          <span className="required" aria-hidden="true">
            *
          </span>
        )}
      </label>
      <CompletionInput
        id={id}
        value={values[variable.name] ?? ''}
        onChange={onChange}
        fetch={fetch}
        onEnter={onSubmit}
        required={!variable.query}
        describedBy={`${id}-help`}
      />
      <span className="form-help" id={`${id}-help`}>
        {hint(variable)}
      </span>
    </div>
  );
}
