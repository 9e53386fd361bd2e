import { useState } from 'react';
import { TestCaseSchema, type SuiteInfo } from '../../../src-shared/api/schemas/testing';
import { useActions } from '../../app-context';
import { CancelConfirmFooter, ModalDialog } from '../../components/modal-dialog';

/** Edit one case as JSON (arguments, expected values, assertions); the engine rewrites only that case in the file. */
export function CaseEditorDialog({ suite, index, onClose }: { suite: SuiteInfo; index: number; onClose(): void }) {
  const { saveCase } = useActions();
  const [text, setText] = useState(() => JSON.stringify(suite.cases[index], null, 2));
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      return setError(`Not valid JSON: ${(e as Error).message}`);
    }
    const checked = TestCaseSchema.safeParse(parsed);
    if (!checked.success) {
      const i = checked.error.issues[0];
      return setError(`${i?.path.join('.') || 'case'}: ${i?.message}`);
    }
    try {
      await saveCase({ suiteId: suite.id, caseIndex: index, case: checked.data });
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <ModalDialog
      title="Edit test case"
      onClose={onClose}
      className="case-editor-dialog"
      footer={<CancelConfirmFooter onCancel={onClose} confirm="Save case" onConfirm={() => void save()} />}
    >
      <p className="muted small">
        {suite.id}, case {index + 1}. Assertions: status, structuredContent (match equal|subset), textContains, textMatches, pointer
        (equals|subset|matches|exists), outputSchema, maxLatencyMs, snapshot.
      </p>
      <textarea
        className="input mono case-editor-text"
        aria-label="Case JSON"
        rows={18}
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {error ? (
        <div className="args-problem error" role="alert">
          {error}
        </div>
      ) : null}
    </ModalDialog>
  );
}
