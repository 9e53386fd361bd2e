import type { PromptInfo } from '../../../src-shared/api/schemas/prompt';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { CompletionInput } from '../completion/completion-input';
import { useCompletionSource } from '../completion/completion-source';
import { safeName } from '../../components/server-name';

type PromptArgument = NonNullable<PromptInfo['arguments']>[number];

interface Props {
  server: ServerSummary;
  promptName: string;
  argument: PromptArgument;
  values: Record<string, string>;
  idBase: string;
  onChange(value: string): void;
  onSubmit(): void;
}

/** One prompt argument (always a string in MCP), with completions from ref/prompt and the other values as context. */
export function PromptArgumentField({ server, promptName, argument, values, idBase, onChange, onSubmit }: Props) {
  const fetch = useCompletionSource(server, { type: 'ref/prompt', name: promptName }, argument.name, values);
  const id = `${idBase}-${argument.name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <div className="form-field">
      <label className="form-label" htmlFor={id}>
        {safeName(argument.name)}
        {argument.required ? (
          <span className="required" aria-hidden="true">
            *
          </span>
        ) : null}
        {argument.title && argument.title !== argument.name ? <span className="form-title"> {safeName(argument.title)}</span> : null}
      </label>
      <CompletionInput
        id={id}
        value={values[argument.name] ?? ''}
        onChange={onChange}
        fetch={fetch}
        onEnter={onSubmit}
        required={argument.required === true}
        describedBy={argument.description ? `${id}-help` : undefined}
      />
      {argument.description ? (
        <span className="form-help" id={`${id}-help`}>
          {argument.description}
        </span>
      ) : null}
    </div>
  );
}
