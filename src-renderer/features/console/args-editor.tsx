import type { JsonObject } from '../../../src-shared/api/schemas/common';
import { useActions, useWorkbench } from '../../app-context';
import { consoleSelectors } from '../../store/slices/console-slice';
import type { PreparedSchema } from '../tools/schema/prepare-schema';
import { issuesToErrorSchema } from '../tools/schema/rjsf-validator';
import { type SchemaIssue, formatIssue } from '../../../src-shared/json-schema/validate';
import { ArgsForm } from './args-form';
import { JsonArgsEditor } from './json-args-editor';
import { ArgsModeSwitch } from './args-mode-switch';

interface Props {
  draftKey: string;
  /** Unique per tool: ids of form fields and the editor model derive from it. */
  idBase: string;
  prepared: PreparedSchema;
  issues: SchemaIssue[];
  /** Show problems next to the form fields (after a first call attempt). */
  inlineErrors: boolean;
  onSubmit(): void;
}

export function ArgsEditor({ draftKey, idBase, prepared, issues, inlineErrors, onSubmit }: Props) {
  const draft = useWorkbench(consoleSelectors.draft(draftKey));
  const { setDraftMode, setDraftValue, setDraftText } = useActions();
  if (!draft) return null;
  const mode = draft.mode;
  const onFormChange = (v: JsonObject) => setDraftValue(draftKey, v);

  return (
    <section className="args-editor" aria-label="Arguments">
      <div className="section-head">
        <h3>Arguments</h3>
        <ArgsModeSwitch mode={mode} parseError={draft.parseError} onChange={(m) => setDraftMode(draftKey, m)} />
      </div>
      {prepared.warnings.length > 0 ? <p className="muted small">Schema note: {prepared.warnings.join('; ')}</p> : null}
      {mode === 'form' ? (
        <ArgsForm
          idPrefix={idBase}
          schema={prepared.form}
          value={draft.value}
          onChange={onFormChange}
          errors={inlineErrors && issues.length ? issuesToErrorSchema(issues) : undefined}
        />
      ) : (
        <JsonArgsEditor
          modelPath={`mcp-lab/args/${idBase}.json`}
          text={draft.text}
          schema={prepared.validation}
          onChange={(t) => setDraftText(draftKey, t)}
          onSubmit={onSubmit}
        />
      )}
      {draft.parseError ? (
        <div className="args-problem error" role="alert">
          <strong>Cannot send:</strong> {draft.parseError}
        </div>
      ) : issues.length > 0 ? (
        <div className="args-problem warning" role="status">
          <strong>Does not match the tool's input schema</strong> (you can still send it, to test the server's own checks):
          <ul>
            {issues.slice(0, 8).map((i, n) => (
              <li key={n}>{formatIssue(i)}</li>
            ))}
            {issues.length > 8 ? <li>… and {issues.length - 8} more</li> : null}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
