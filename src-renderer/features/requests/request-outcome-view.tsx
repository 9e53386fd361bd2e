import { useState, type ReactNode } from 'react';
import type { RequestFailure, RequestOutcome } from '../../../src-shared/api/schemas/request';
import type { ToolCallOutcome } from '../../../src-shared/api/schemas/tool';
import { formatBytes, formatClock, formatDuration } from '../../components/format';
import { JsonView } from '../../components/json-view';
import { OutcomeBadge } from '../../components/outcome-badge';
import { CrashAftermath } from './crash-aftermath';
import { errorCodeMeaning } from '../../../src-shared/mcp/error-codes';

/** Status badge, timing and sizes of one request, with room for buttons (Raw, Download…). */
export function RequestOutcomeHead({ outcome, children }: { outcome: RequestOutcome<unknown>; children?: ReactNode }) {
  return (
    <div className="result-head">
      <OutcomeBadge status={outcome.status} />
      <span className="result-meta">
        <span title="Duration">{formatDuration(outcome.durationMs)}</span>
        <span title="Request size">↑ {formatBytes(outcome.requestBytes)}</span>
        {'responseBytes' in outcome && outcome.responseBytes !== undefined ? (
          <span title="Response size">↓ {formatBytes(outcome.responseBytes)}</span>
        ) : null}
        <span title="Sent at">{formatClock(outcome.startedAt)}</span>
      </span>
      <span className="header-spacer" />
      {children}
    </div>
  );
}

/** One request's outcome: head, then the result (as `renderOk` shows it) or why it failed; Raw shows the JSON. */
export function RequestOutcomeSection<T>({
  outcome,
  label,
  renderOk,
}: {
  outcome: RequestOutcome<T>;
  label: string;
  renderOk(result: T): ReactNode;
}) {
  const [raw, setRaw] = useState(false);
  return (
    <section className={`result result-${outcome.status}`} aria-label={label} data-status={outcome.status}>
      <RequestOutcomeHead outcome={outcome}>
        <button type="button" className="button small" aria-pressed={raw} onClick={() => setRaw((r) => !r)}>
          Raw
        </button>
      </RequestOutcomeHead>
      {raw ? (
        <JsonView value={rawOutcome(outcome)} label="Raw result JSON" className="raw-json" />
      ) : outcome.status === 'ok' ? (
        renderOk(outcome.result)
      ) : (
        <RequestFailureBody outcome={outcome} />
      )}
    </section>
  );
}

/** Why a request (a tool call too) did not give a result: the server's JSON-RPC error, a timeout, a cancel or a crash. */
export function RequestFailureBody({ outcome }: { outcome: RequestFailure | Exclude<ToolCallOutcome, { status: 'ok' | 'toolError' }> }) {
  switch (outcome.status) {
    case 'protocolError': {
      const meaning = errorCodeMeaning(outcome.code, 'method' in outcome ? outcome.method : 'tools/call');
      return (
        <div className="result-body">
          <p className="result-line">
            JSON-RPC error <code>{outcome.code}</code>
            {meaning ? ` ${meaning.name}` : ''}: {outcome.message}
          </p>
          {meaning?.note ? <p className="muted small">{meaning.note}</p> : null}
          {outcome.code === 0 ? (
            <p className="muted small">
              Code 0 is not a JSON-RPC error code: FastMCP answers with it when a resource or prompt function raises, and the message is the
              exception’s.
            </p>
          ) : null}
          {outcome.data !== undefined ? <JsonView value={outcome.data} label="Error data" /> : null}
        </div>
      );
    }
    case 'timeout':
      return (
        <div className="result-body">
          <p className="result-line">
            No answer within {formatDuration(outcome.timeoutMs)}. MCP Lab sent <code>notifications/cancelled</code> to the server.
          </p>
        </div>
      );
    case 'cancelled':
      return (
        <div className="result-body">
          <p className="result-line">
            Cancelled after {formatDuration(outcome.durationMs)}; the server was sent{' '}
            {'task' in outcome && outcome.task ? (
              <>
                <code>tasks/cancel</code> for task <code>{outcome.task.taskId}</code>
              </>
            ) : (
              <code>notifications/cancelled</code>
            )}
            .
          </p>
        </div>
      );
    case 'crashed':
      return (
        <div className="result-body">
          <p className="result-line">{crashLine(outcome)}</p>
          <CrashAftermath serverId={outcome.serverId} crashedAt={outcome.startedAt} />
          {outcome.stderrTail.length > 0 ? <pre className="stderr-tail">{outcome.stderrTail.join('\n')}</pre> : null}
        </div>
      );
  }
}

/** The engine's crash message already says how the process ended; add it only when it does not. */
function crashLine(o: { message: string; exitCode: number | null; signal: string | null }): string {
  const said = /exit code|killed by|signal/.test(o.message);
  if (said) return o.message;
  return `${o.message}${o.exitCode !== null ? ` (exit code ${o.exitCode})` : ''}${o.signal ? ` (signal ${o.signal})` : ''}`;
}

/** What the Raw toggle shows: the result, or the error as the server sent it. */
export function rawOutcome(o: RequestOutcome<unknown>): unknown {
  if (o.status === 'ok') return o.result;
  if (o.status === 'protocolError') return { code: o.code, message: o.message, ...(o.data === undefined ? {} : { data: o.data }) };
  return o;
}
