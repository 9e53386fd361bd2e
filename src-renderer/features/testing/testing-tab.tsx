import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { useActions, useWorkbench } from '../../app-context';
import type { TestingPanel } from '../../store/slices/testing-slice';
import { FuzzPanel } from './fuzz-panel';
import { LintPanel } from './lint-panel';
import { SuitesPanel } from './suites-panel';

const PANELS: Array<{ id: TestingPanel; label: string }> = [
  { id: 'suites', label: 'Suites' },
  { id: 'fuzz', label: 'Fuzz' },
  { id: 'lint', label: 'Lint' },
];

/** Tests: saved suites and their runs, the schema fuzzer and the best-practice linter. */
export function TestingTab({ server }: { server: ServerSummary }) {
  const panel = useWorkbench((s) => s.testingPanel);
  const { setTestingPanel } = useActions();
  return (
    <div className="testing-tab">
      <div className="segmented small testing-switch" role="radiogroup" aria-label="Testing view">
        {PANELS.map((p) => (
          <button key={p.id} type="button" role="radio" aria-checked={panel === p.id} onClick={() => setTestingPanel(p.id)}>
            {p.label}
          </button>
        ))}
      </div>
      <div className="testing-body">
        {panel === 'suites' ? (
          <SuitesPanel server={server} />
        ) : panel === 'fuzz' ? (
          <FuzzPanel server={server} />
        ) : (
          <LintPanel server={server} />
        )}
      </div>
    </div>
  );
}
