import { useState } from 'react';
import { useActions, useWorkbench } from '../../app-context';
import { formatDuration } from '../../components/format';
import { MOD_LABEL } from '../../components/keys';
import { useNow } from '../../components/use-now';
import { consoleSelectors } from '../../store/slices/console-slice';
import { clientRequestSelectors } from '../../store/slices/client-requests-slice';
import { MAX_TIMEOUT_SEC } from '../../store/slices/console-draft';

interface Props {
  draftKey: string;
  serverId: string;
  toolName: string;
  canSend: boolean;
  hasIssues: boolean;
  notReadyReason: string | null;
  onCall(): void;
}

export function CallControls({ draftKey, serverId, toolName, canSend, hasIssues, notReadyReason, onCall }: Props) {
  const inFlight = useWorkbench(consoleSelectors.inFlight(draftKey));
  const timeoutSec = useWorkbench((s) => s.drafts[draftKey]?.timeoutSec);
  const { setDraftTimeout, cancelCall } = useActions();
  const [timeoutText, setTimeoutText] = useState<string | null>(null);
  const running = !!inFlight;

  return (
    <div className="call-controls">
      <button
        type="button"
        className={`button ${hasIssues ? 'warning' : 'primary'} call-button`}
        disabled={!canSend || running}
        onClick={onCall}
        title={`${hasIssues ? 'Send anyway' : 'Call'} (${MOD_LABEL}+Enter)`}
      >
        {running ? 'Calling…' : hasIssues ? 'Send anyway' : 'Call'}
      </button>
      {running ? (
        <button type="button" className="button danger-outline" onClick={() => cancelCall(serverId, toolName)}>
          Cancel
        </button>
      ) : null}
      <label className="timeout-field">
        Timeout
        <input
          type="number"
          className="input"
          min={1}
          max={MAX_TIMEOUT_SEC}
          step={1}
          aria-label="Timeout in seconds"
          value={timeoutText ?? String(timeoutSec ?? 60)}
          onChange={(e) => setTimeoutText(e.target.value)}
          onBlur={() => {
            if (timeoutText !== null) setDraftTimeout(draftKey, Number(timeoutText));
            setTimeoutText(null);
          }}
        />
        s
      </label>
      <span className="kbd-hint muted small">
        <kbd>{MOD_LABEL}</kbd>+<kbd>Enter</kbd>
      </span>
      {notReadyReason ? <span className="muted small">{notReadyReason}</span> : null}
      {running ? <CallProgress callId={inFlight.callId} startedAt={inFlight.startedAt} serverId={serverId} /> : null}
    </div>
  );
}

function CallProgress({ callId, startedAt, serverId }: { callId: string; startedAt: number; serverId: string }) {
  const active = useWorkbench(consoleSelectors.activeCall(callId));
  // The server asked MCP Lab something (sampling, elicitation) and waits: most likely for this call.
  const asking = useWorkbench(clientRequestSelectors.countForServer(serverId));
  const now = useNow(200);
  const p = active?.progress;
  const pct = p?.total ? Math.max(0, Math.min(100, (p.progress / p.total) * 100)) : null;
  return (
    <div className="call-progress" role="status" aria-live="polite">
      <div
        className={`progress-bar ${pct === null ? 'indeterminate' : ''}`}
        role="progressbar"
        aria-label="Call progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct === null ? undefined : Math.round(pct)}
      >
        <div className="progress-fill" style={pct === null ? undefined : { width: `${pct}%` }} />
      </div>
      <span className="progress-text small">
        {formatDuration(now - startedAt)}
        {p ? ` · ${p.progress}${p.total !== undefined ? ` / ${p.total}` : ''}` : ''}
        {p?.message ? ` · ${p.message}` : ''}
        {asking > 0 ? <span className="call-waiting"> · waiting for your answer to the server&apos;s request</span> : null}
      </span>
    </div>
  );
}
