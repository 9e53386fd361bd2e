import { useEffect, useMemo, useState } from 'react';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import type { TestCase } from '../../../src-shared/api/schemas/testing';
import { useActions, useWorkbench } from '../../app-context';
import { JsonView } from '../../components/json-view';
import { CancelConfirmFooter, ModalDialog } from '../../components/modal-dialog';
import type { ProposedAssertion } from './case-from-outcome';
import { countOf } from '../../../src-shared/base/count-of';

const NEW = '__new__';

/**
 * Save a call as a test case: pick a suite of this server (or start a new one), name the case,
 * choose what it checks. The file is written by the engine, keeping the suite's comments.
 */
export function SaveTestDialog({
  serverId,
  serverName,
  initialName,
  proposed,
  baseCase,
  onClose,
}: {
  serverId: ServerId;
  serverName: string;
  initialName: string;
  /** Assertions to choose from; absent: `baseCase.expect` as it is. */
  proposed?: ProposedAssertion[];
  baseCase: Omit<TestCase, 'name' | 'expect'> & { expect?: TestCase['expect'] };
  onClose(): void;
}) {
  const suites = useWorkbench((s) => s.suites);
  const { loadSuites, saveCase, pushNotice } = useActions();
  const mine = useMemo(() => (suites?.suites ?? []).filter((s) => s.server === serverId), [suites, serverId]);
  // Until the user picks, the first suite of this server (or a new one when it has none).
  const [picked, setPicked] = useState<string | null>(null);
  const suiteId = picked ?? mine[0]?.id ?? NEW;
  const [newName, setNewName] = useState(`${serverName} tests`);
  const [name, setName] = useState(initialName);
  const [checks, setChecks] = useState<ProposedAssertion[]>(proposed ?? []);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => void loadSuites(), [loadSuites]);

  const testCase: TestCase = {
    ...baseCase,
    name: name.trim(),
    expect: proposed ? checks.filter((c) => c.checked).map((c) => c.assertion) : (baseCase.expect ?? []),
  };

  const save = async () => {
    if (!testCase.name) return setError('Give the case a name.');
    if (suiteId === NEW && !newName.trim()) return setError('Give the new suite a name.');
    setSaving(true);
    setError(null);
    try {
      const suite = await saveCase(
        suiteId === NEW ? { newSuite: { name: newName.trim(), serverId }, case: testCase } : { suiteId, case: testCase },
      );
      pushNotice('info', `Saved "${testCase.name}" to ${suite.id} (${countOf(suite.cases.length, 'case')}). Run it from the Tests tab.`);
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setSaving(false);
    }
  };

  return (
    <ModalDialog
      title="Save as test"
      onClose={onClose}
      className="save-test-dialog"
      footer={<CancelConfirmFooter onCancel={onClose} confirm="Save test" disabled={saving} onConfirm={() => void save()} />}
    >
      <div className="testing-form">
        <label htmlFor="save-test-suite">Suite</label>
        <select id="save-test-suite" className="input" value={suiteId} onChange={(e) => setPicked(e.target.value)}>
          {mine.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.id}, {s.cases.length} cases)
            </option>
          ))}
          <option value={NEW}>New suite…</option>
        </select>
        {suiteId === NEW ? (
          <>
            <label htmlFor="save-test-new-suite">New suite name</label>
            <input id="save-test-new-suite" className="input" value={newName} onChange={(e) => setNewName(e.target.value)} />
          </>
        ) : null}
        <label htmlFor="save-test-name">Case name</label>
        <input id="save-test-name" className="input" value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      {proposed ? (
        <fieldset className="save-test-checks">
          <legend>Checks</legend>
          {checks.map((c) => (
            <label key={c.id} className="checkbox-label">
              <input
                type="checkbox"
                checked={c.checked}
                onChange={(e) => setChecks((cs) => cs.map((x) => (x.id === c.id ? { ...x, checked: e.target.checked } : x)))}
              />
              {c.label}
            </label>
          ))}
        </fieldset>
      ) : null}
      <p className="muted small">
        Saved to the workspace's <code>.mcp-lab/tests/</code> as plain JSON: review it, commit it, run it in CI with{' '}
        <code>mcp-lab test</code>.
      </p>
      <JsonView value={testCase} label="Test case JSON" />
      {error ? (
        <div className="args-problem error" role="alert">
          {error}
        </div>
      ) : null}
    </ModalDialog>
  );
}
