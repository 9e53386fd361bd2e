import { useState } from 'react';
import { describeFuzzAnswer } from '../../../src-shared/fuzz/fuzz-answer';
import type { FuzzFinding } from '../../../src-shared/api/schemas/fuzz';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { useActions, useWorkbench } from '../../app-context';
import { EmptyState } from '../../components/empty-state';
import { JsonView } from '../../components/json-view';
import { testingSelectors } from '../../store/slices/testing-slice';
import { toolsSelectors } from '../../store/slices/tools-slice';
import { SaveTestDialog } from './save-test-dialog';
import { safeName } from '../../components/server-name';

/** Fuzz one tool from its inputSchema; findings with the input that shows them, each savable as a test. */
export function FuzzPanel({ server }: { server: ServerSummary }) {
  const serverId = server.config.id;
  const tools = useWorkbench(toolsSelectors.tools(serverId));
  const run = useWorkbench(testingSelectors.fuzzRun(serverId));
  const error = useWorkbench((s) => s.testingError);
  const { startFuzz, stopFuzz } = useActions();
  const [tool, setTool] = useState('');
  const [seed, setSeed] = useState('');
  const [runs, setRuns] = useState(100);
  const [timeoutMs, setTimeoutMs] = useState(5000);
  const [saving, setSaving] = useState<FuzzFinding | null>(null);
  const ready = server.status.state === 'ready';
  const toolName = tool || tools[0]?.name || '';
  const running = run?.state === 'running';

  if (!ready && !run)
    return (
      <EmptyState title="Start the server to fuzz it">
        The fuzzer calls the tool many times with generated input, so the server must be running.
      </EmptyState>
    );

  return (
    <div className="fuzz-panel">
      <form
        className="fuzz-form"
        aria-label="Fuzz settings"
        onSubmit={(e) => {
          e.preventDefault();
          if (!toolName) return;
          const s = seed.trim() === '' ? undefined : Number(seed);
          void startFuzz({ serverId, toolName, runs, timeoutMs, ...(s !== undefined && Number.isInteger(s) && s >= 0 ? { seed: s } : {}) });
        }}
      >
        <label>
          Tool
          <select className="input" value={toolName} onChange={(e) => setTool(e.target.value)}>
            {tools.map((t) => (
              <option key={t.name} value={t.name}>
                {safeName(t.name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Seed
          <input
            className="input"
            inputMode="numeric"
            placeholder="random"
            value={seed}
            onChange={(e) => setSeed(e.target.value.replace(/[^\d]/g, ''))}
            size={10}
          />
        </label>
        <label>
          Inputs
          <input
            className="input"
            type="number"
            min={1}
            max={2000}
            value={runs}
            onChange={(e) => setRuns(Math.max(1, Math.min(2000, Number(e.target.value) || 1)))}
          />
        </label>
        <label>
          Timeout (ms)
          <input
            className="input"
            type="number"
            min={100}
            max={120000}
            step={100}
            value={timeoutMs}
            onChange={(e) => setTimeoutMs(Math.max(100, Number(e.target.value) || 100))}
          />
        </label>
        {running ? (
          <button type="button" className="button danger-outline" onClick={() => void stopFuzz(serverId)}>
            Stop
          </button>
        ) : (
          <button type="submit" className="button primary" disabled={!ready || !toolName}>
            Start fuzzing
          </button>
        )}
      </form>
      {error ? (
        <div className="args-problem error" role="alert">
          {error}
        </div>
      ) : null}
      {run ? (
        <div className="fuzz-run" aria-label="Fuzz run">
          <div className="test-progress" role="status" aria-label="Fuzz progress">
            <progress max={Math.max(1, run.total)} value={run.done} />
            <span>
              {safeName(run.spec.toolName)}: {run.done} of {run.total} inputs · seed {run.spec.seed} ·{' '}
              {Object.entries(run.byStatus)
                .map(([k, v]) => `${v} ${k}`)
                .join(', ') || 'starting'}
              {run.restarts ? ` · ${run.restarts} restart(s)` : ''} {run.state !== 'running' ? `· ${run.state}` : ''}
            </span>
          </div>
          {run.reason ? <p className="case-error">{run.reason}</p> : null}
          {run.findings.length === 0 ? (
            <p className="muted">
              {running
                ? 'No findings so far.'
                : `No findings: ${safeName(run.spec.toolName)} handled every input without crashing, hanging, breaking its schema or accepting what its schema forbids.`}
            </p>
          ) : (
            <ul className="finding-list" aria-label="Fuzz findings">
              {run.findings.map((f) => (
                <li key={f.id} className={`finding finding-${f.severity}`}>
                  <div className="finding-head">
                    <span className={`severity severity-${f.severity}`}>{f.severity}</span>
                    <code>{f.kind}</code>
                    <span className="finding-title">{f.title}</span>
                    <span className="header-spacer" />
                    <button type="button" className="button small" onClick={() => setSaving(f)}>
                      Save as test
                    </button>
                  </div>
                  <p className="finding-detail">{f.detail}</p>
                  <p className="muted small">
                    {f.generator}
                    {f.occurrences > 1 ? ` · ${f.occurrences} inputs with this cause` : ''}
                    {f.shrinkSteps ? ` · shrunk in ${f.shrinkSteps} step(s)` : ''}
                  </p>
                  <JsonView value={f.input} label="Input that shows it" />
                  <p className="small">Answer: {describeFuzzAnswer(f.outcome)}</p>
                  {f.stderr?.length ? (
                    <details>
                      <summary>stderr during the call ({f.stderr.length} lines)</summary>
                      <pre className="stderr-tail">{f.stderr.join('\n')}</pre>
                    </details>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        <p className="muted fuzz-help">
          The fuzzer builds inputs from the tool's inputSchema — boundary values, enum members, optional fields in and out, wrong types,
          missing fields, out-of-range numbers, empty, huge and hostile strings — and reports crashes, hangs, JSON-RPC errors where a tool
          error is due (SEP-1303), input accepted against the schema, output that breaks the outputSchema and tracebacks on stderr. The same
          seed replays the same inputs.
        </p>
      )}
      {saving ? (
        <SaveTestDialog
          serverId={serverId}
          serverName={server.config.name}
          initialName={saving.testCase.name}
          baseCase={saving.testCase}
          onClose={() => setSaving(null)}
        />
      ) : null}
    </div>
  );
}
