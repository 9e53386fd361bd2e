import { useEffect, useState } from 'react';
import type { DebugState, DebugVariable, StackFrameInfo } from '../../../src-shared/api/schemas/debug';
import { useActions, useWorkbench } from '../../app-context';
import { debugSelectors, pausedAtText, type DebugAction } from '../../store/slices/debug-slice';
import { WatchList } from './watch-list';

const STEPS: Array<{ action: DebugAction; label: string; title: string }> = [
  { action: 'continue', label: 'Continue', title: 'Run on until the next breakpoint (F5)' },
  { action: 'over', label: 'Step over', title: 'Run the current line (F10)' },
  { action: 'in', label: 'Step in', title: 'Into the function called on this line (F11)' },
  { action: 'out', label: 'Step out', title: 'Run until this function returns (Shift+F11)' },
];

/** When the debugger pauses a server, the editor opens the file at that line (inside the workspace). */
export function useDebugFollow(): void {
  const paused = useWorkbench(debugSelectors.pausedServer);
  const { openFile } = useActions();
  const rel = paused?.paused?.location?.relPath;
  const line = paused?.paused?.location?.line;
  const since = paused?.paused?.since;
  useEffect(() => {
    if (rel && line) void openFile(rel, line);
  }, [rel, line, since, openFile]);
}

/** The paused server's call stack, variables and an evaluate box, with continue and the steps. */
export function DebugPanel() {
  const paused = useWorkbench(debugSelectors.pausedServer);
  if (!paused?.paused) return null;
  return <PausedView key={`${paused.serverId}-${paused.paused.since}`} state={paused} />;
}

function PausedView({ state }: { state: DebugState }) {
  const { debugStep, stackTrace, scopes: listScopes, variables, evaluate: evaluateIn } = useActions();
  const serverId = state.serverId;
  const [frames, setFrames] = useState<StackFrameInfo[]>([]);
  const [frameId, setFrameId] = useState<number | undefined>();
  const [vars, setVars] = useState<DebugVariable[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [expr, setExpr] = useState('');
  const [evaluated, setEvaluated] = useState<{ expr: string; text: string; failed: boolean }[]>([]);

  useEffect(() => {
    stackTrace(serverId).then(
      (f) => {
        setFrames(f);
        setFrameId(f[0]?.id);
      },
      (e: unknown) => setError(String(e instanceof Error ? e.message : e)),
    );
  }, [stackTrace, serverId]);

  useEffect(() => {
    if (frameId === undefined) return;
    void (async () => {
      try {
        const scopes = await listScopes(serverId, frameId);
        const locals = scopes.find((s) => /^locals$/i.test(s.name)) ?? scopes[0];
        setVars(locals ? await variables(serverId, locals.variablesReference) : []);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    })();
  }, [listScopes, variables, serverId, frameId]);

  const evaluate = async () => {
    if (!expr.trim()) return;
    try {
      const r = await evaluateIn(serverId, expr, frameId);
      setEvaluated((l) => [...l, { expr, text: r.result, failed: false }]);
    } catch (e) {
      setEvaluated((l) => [...l, { expr, text: e instanceof Error ? e.message : String(e), failed: true }]);
    }
  };

  return (
    <section className="debug-panel" aria-label="Debugger">
      <div className="debug-toolbar" role="toolbar" aria-label="Debugger controls">
        <span className="debug-where" role="status">
          {pausedAtText(state)}
          {state.paused?.reason ? ` (${state.paused.reason})` : ''}
        </span>
        {STEPS.map((s) => (
          <button
            key={s.action}
            type="button"
            className={`button small${s.action === 'continue' ? ' primary' : ''}`}
            title={s.title}
            onClick={() => void debugStep(serverId, s.action)}
          >
            {s.label}
          </button>
        ))}
      </div>
      {error ? (
        <div className="debug-error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="debug-columns">
        <div className="debug-column">
          <h3>Call stack</h3>
          <ol className="debug-frames" aria-label="Call stack">
            {frames.map((f) => (
              <li key={f.id}>
                <button
                  type="button"
                  className={`link-button${f.id === frameId ? ' selected' : ''}`}
                  aria-current={f.id === frameId}
                  onClick={() => setFrameId(f.id)}
                >
                  {f.name}
                  <span className="muted small">
                    {' '}
                    {f.location ? `${f.location.relPath ?? f.location.path.split('/').pop()}:${f.location.line}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </div>
        <div className="debug-column">
          <h3>Variables</h3>
          <table className="debug-vars" aria-label="Variables">
            <tbody>
              {vars.map((v) => (
                <tr key={v.name}>
                  <th scope="row">{v.name}</th>
                  <td>
                    <code>{v.value}</code>
                  </td>
                  <td className="muted small">{v.type ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="debug-column">
          <h3>Watch</h3>
          <WatchList serverId={serverId} frameId={frameId} />
          <h3>Evaluate</h3>
          <ul className="debug-evaluated" aria-label="Evaluated">
            {evaluated.map((e, i) => (
              <li key={i} className={e.failed ? 'failed' : ''}>
                <code>{e.expr}</code> → <code>{e.text}</code>
              </li>
            ))}
          </ul>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void evaluate();
            }}
          >
            <input
              className="input"
              aria-label="Expression to evaluate"
              placeholder="an expression, in the selected frame"
              value={expr}
              onChange={(e) => setExpr(e.target.value)}
            />
          </form>
        </div>
      </div>
    </section>
  );
}
