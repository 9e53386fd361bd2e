import { useState } from 'react';
import type { OAuthStep, OAuthTrace } from '../../../src-shared/api/schemas/oauth-trace';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { formatTrace } from '../../../src-shared/oauth/format-trace';
import { useWorkbench } from '../../app-context';
import { formatClock, formatDuration } from '../../components/format';
import { ModalDialog } from '../../components/modal-dialog';
import { oauthSelectors } from '../../store/slices/oauth-slice';
import { CopyButton } from '../resources/copy-button';
import { OAuthStepDetail } from './oauth-step-detail';
import { safeName } from '../../components/server-name';

const TRIGGER: Record<OAuthTrace['trigger'], string> = {
  connect: 'at connect',
  unauthorized: 'after a 401',
  insufficientScope: 'step-up (403)',
};
const FLOW: Record<OAuthTrace['flow'], string> = {
  authorizationCode: 'authorization code + PKCE',
  clientCredentials: 'client credentials',
  crossApp: 'cross-app access',
};
const ICON: Record<OAuthStep['state'], string> = { ok: '✓', info: 'i', warning: '!', failed: '✕', waiting: '…' };

/**
 * The sign-in debugger: a remote server's OAuth sign-ins, each as a timeline of steps (discovery,
 * client identity, the authorization request, tokens, the retry) with every HTTP request, what
 * the specification expects at each step, and where a failed one went wrong. Live while it runs.
 */
export function OAuthDebuggerDialog({
  server,
  traceId,
  onClose,
}: {
  server: ServerSummary;
  traceId?: string | undefined;
  onClose(): void;
}) {
  const traces = useWorkbench(oauthSelectors.traces(server.config.id));
  const [pickedTrace, setPickedTrace] = useState<string | undefined>(traceId);
  const [pickedStep, setPickedStep] = useState<{ trace: string; index: number } | undefined>();
  const trace = traces.find((t) => t.id === pickedTrace) ?? traces.at(-1);
  const stepIndex = trace ? (pickedStep?.trace === trace.id ? pickedStep.index : defaultStep(trace)) : -1;
  const step = trace?.steps[stepIndex];

  return (
    <ModalDialog title={`Sign-in steps — ${safeName(server.config.name)}`} onClose={onClose} className="oauth-debugger">
      {!trace ? (
        <div className="oauth-empty">
          <p>
            <strong>No sign-in yet.</strong> MCP Lab signs in when the server asks for it: a 401 when it connects, or later a 401 or a 403
            asking for more scope. Each sign-in shows up here step by step, live.
          </p>
        </div>
      ) : (
        <>
          <div className="oauth-toolbar">
            {traces.length > 1 ? (
              <label className="oauth-trace-pick">
                <span className="muted">Sign-in</span>
                <select
                  className="input small"
                  value={trace.id}
                  onChange={(e) => setPickedTrace(e.target.value)}
                  aria-label="Which sign-in"
                >
                  {[...traces].reverse().map((t) => (
                    <option key={t.id} value={t.id}>
                      {formatClock(t.startedAt).slice(0, 8)} · {TRIGGER[t.trigger]} · {t.state}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <span className="muted small">
              {FLOW[trace.flow]} · {TRIGGER[trace.trigger]} · started {formatClock(trace.startedAt).slice(0, 8)}
              {trace.endedAt !== undefined ? ` · took ${formatDuration(trace.endedAt - trace.startedAt)}` : ''}
            </span>
            <span className="header-spacer" />
            <CopyButton
              text={formatTrace(trace, true, { bodies: true, hint: false })}
              what="the steps as text, for a bug report (secrets stay masked)"
            />
          </div>
          <p className={`oauth-summary ${trace.state}`} role="status">
            <span className="oauth-summary-icon" aria-hidden="true">
              {trace.state === 'succeeded' ? '✓' : trace.state === 'failed' ? '✕' : '…'}
            </span>
            {trace.summary}
          </p>
          <div className="oauth-body">
            <ol className="oauth-timeline" aria-label="Steps">
              {trace.steps.map((s, i) => (
                <li key={`${s.kind}-${i}`}>
                  <button
                    type="button"
                    className={`oauth-step-row ${s.state}`}
                    aria-current={i === stepIndex ? 'step' : undefined}
                    onClick={() => setPickedStep({ trace: trace.id, index: i })}
                  >
                    <span className={`oauth-dot ${s.state}`} aria-label={s.state}>
                      {ICON[s.state]}
                    </span>
                    <span className="oauth-step-text">
                      <span className="oauth-step-title">{s.title}</span>
                      <span className="oauth-step-line">{s.state === 'failed' || s.state === 'warning' ? s.problem : s.outcome}</span>
                    </span>
                    <span className="oauth-step-time muted">+{offset(s.startedAt - trace.startedAt)}</span>
                  </button>
                </li>
              ))}
            </ol>
            <div className="oauth-detail">{step ? <OAuthStepDetail step={step} trace={trace} server={server} /> : null}</div>
          </div>
        </>
      )}
    </ModalDialog>
  );
}

/** The step a person wants first: where it failed, else what waits for them, else the first warning, else the last. */
function defaultStep(t: OAuthTrace): number {
  for (const state of ['failed', 'waiting', 'warning'] as const) {
    const i = t.steps.findIndex((s) => s.state === state);
    if (i !== -1) return i;
  }
  return t.steps.length - 1;
}

/** When a step started, from the sign-in's start: "+0 ms", "+418 ms", "+2.31 s". */
function offset(ms: number): string {
  const v = Math.max(0, Math.round(ms));
  return v < 1000 ? `${v} ms` : formatDuration(v);
}
