import { useMemo, useState } from 'react';
import type { ClientRequestResponse, PendingClientRequest } from '../../../src-shared/api/schemas/client-request';
import { type ElicitIssue, validateElicitContent } from '../../../src-shared/client-features/elicit-content';
import { ElicitFieldInput, fieldId } from './elicitation-field-input';
import { type Draft, type DraftValue, contentFrom, elicitFields, initialDraft } from '../../../src-shared/client-features/elicit-fields';
import { RequestActions } from './request-actions';

interface Props {
  request: PendingClientRequest;
  onRespond(r: ClientRequestResponse): Promise<void>;
}

/** A form-mode elicitation: the server's message, a form generated from its schema, Accept / Decline / Cancel. */
export function ElicitationFormView({ request, onRespond }: Props) {
  const schema = request.params.requestedSchema;
  const fields = useMemo(() => elicitFields(schema), [schema]);
  const [draft, setDraft] = useState<Draft>(() => initialDraft(fields));
  const [issues, setIssues] = useState<ElicitIssue[] | null>(null);
  const content = useMemo(() => contentFrom(fields, draft), [fields, draft]);
  const idBase = `elicit-${request.id.slice(0, 8)}`;

  const set = (name: string, v: DraftValue) => {
    setDraft((d) => ({ ...d, [name]: v }));
    // Once shown, errors follow the values as they are fixed.
    if (issues) setIssues(validateElicitContent(schema, contentFrom(fields, { ...draft, [name]: v })));
  };

  const accept = async () => {
    const found = validateElicitContent(schema, content);
    setIssues(found);
    if (found.length) {
      const first = found.find((i) => i.field)?.field;
      if (first) document.getElementById(fieldId(idBase, first))?.focus();
      return;
    }
    await onRespond({ action: 'accept', content });
  };

  const byField = new Map((issues ?? []).filter((i) => i.field).map((i) => [i.field!, i.message]));
  const whole = (issues ?? []).filter((i) => !i.field);

  return (
    <div className="request-view elicitation-view">
      <p className="request-message">{typeof request.params.message === 'string' ? request.params.message : '(no message)'}</p>
      <form
        className="elicit-form"
        noValidate
        aria-label="Requested information"
        onSubmit={(e) => {
          e.preventDefault();
          // Through the Accept button, so Enter and a click share the busy state and the engine's errors.
          e.currentTarget.parentElement?.querySelector<HTMLButtonElement>('[data-primary-action]')?.click();
        }}
      >
        {fields.length === 0 ? <p className="muted">The server asks for no fields: Accept only confirms.</p> : null}
        {fields.map((f) => (
          <ElicitFieldInput
            key={f.name}
            field={f}
            value={draft[f.name]}
            error={byField.get(f.name)}
            idBase={idBase}
            onChange={(v) => set(f.name, v)}
          />
        ))}
        {/* Enter in a text field accepts (the form's default button). */}
        <button type="submit" hidden tabIndex={-1} aria-hidden="true" />
      </form>
      {whole.length ? (
        <p className="field-error" role="alert">
          {whole.map((i) => i.message).join('; ')}
        </p>
      ) : null}
      {issues && issues.length ? (
        <p className="field-error" role="alert">
          Fix {issues.length === 1 ? 'the field marked above' : `the ${issues.length} fields marked above`} before accepting, or Decline /
          Cancel.
        </p>
      ) : null}
      <details className="request-raw">
        <summary>What Accept sends</summary>
        <pre className="json-view">{JSON.stringify({ action: 'accept', content }, null, 2)}</pre>
      </details>
      <RequestActions
        primary={{ label: 'Accept', hint: 'Enter', onClick: accept }}
        secondary={[{ label: 'Decline', title: 'The user explicitly said no', onClick: () => onRespond({ action: 'decline' }) }]}
        escape={{ label: 'Cancel', title: 'The user dismissed it without choosing', onClick: () => onRespond({ action: 'cancel' }) }}
      />
    </div>
  );
}
