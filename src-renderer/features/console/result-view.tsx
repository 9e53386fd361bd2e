import { type ReactNode, useMemo, useState } from 'react';
import type { JsonObject } from '../../../src-shared/api/schemas/common';
import type { ToolCallOutcome } from '../../../src-shared/api/schemas/tool';
import { useActions } from '../../app-context';
import { downloadText } from '../../components/download';
import { JsonView } from '../../components/json-view';
import { OutcomeBadge } from '../../components/outcome-badge';
import { RequestFailureBody } from '../requests/request-outcome-view';
import { formatBytes, formatDuration } from '../../components/format';
import { formatIssue, validateValue } from '../../../src-shared/json-schema/validate';
import { ContentBlock } from './content-blocks';

/** One call's outcome, by status. `outputSchema` (if the tool declares one) checks structuredContent. */
/** `actions`: extra buttons in the result's header (the console's "Save as test"). */
export function ResultView({
  outcome,
  outputSchema,
  actions,
}: {
  outcome: ToolCallOutcome;
  outputSchema?: JsonObject;
  actions?: ReactNode;
}) {
  const [raw, setRaw] = useState(false);
  const responseBytes = 'responseBytes' in outcome ? outcome.responseBytes : undefined;
  return (
    <section className={`result result-${outcome.status}`} aria-label="Call result" data-status={outcome.status}>
      <div className="result-head">
        <OutcomeBadge status={outcome.status} />
        <span
          className="result-meta"
          title={`Duration ${formatDuration(outcome.durationMs)}, request ${formatBytes(outcome.requestBytes)}${responseBytes !== undefined ? `, response ${formatBytes(responseBytes)}` : ''}`}
        >
          <span title="Duration">{formatDuration(outcome.durationMs)}</span>
          <span className="result-request-size" title="Request size">
            ↑ {formatBytes(outcome.requestBytes)}
          </span>
          {responseBytes !== undefined ? <span title="Response size">↓ {formatBytes(responseBytes)}</span> : null}
        </span>
        <span className="header-spacer" />
        {actions}
        <button type="button" className="button small" aria-pressed={raw} onClick={() => setRaw((r) => !r)}>
          Raw
        </button>
      </div>
      {'truncated' in outcome && outcome.truncated ? <TruncatedNotice truncated={outcome.truncated} toolName={outcome.toolName} /> : null}
      {raw ? (
        <JsonView value={rawOf(outcome)} label="Raw result JSON" className="raw-json" />
      ) : (
        <OutcomeBody outcome={outcome} outputSchema={outputSchema} />
      )}
    </section>
  );
}

function rawOf(o: ToolCallOutcome): unknown {
  if (o.status === 'ok' || o.status === 'toolError') return o.result;
  if (o.status === 'protocolError') return { code: o.code, message: o.message, ...(o.data === undefined ? {} : { data: o.data }) };
  return o;
}

function OutcomeBody({ outcome, outputSchema }: { outcome: ToolCallOutcome; outputSchema?: JsonObject }) {
  switch (outcome.status) {
    case 'ok':
    case 'toolError':
      return <CallResultBody outcome={outcome} outputSchema={outputSchema} />;
    default:
      return <RequestFailureBody outcome={outcome} />;
  }
}

/** A text block whose text is the same JSON value (key order aside). */
function isTextOf(block: unknown, value: unknown): boolean {
  const b = block as { type?: unknown; text?: unknown };
  if (b?.type !== 'text' || typeof b.text !== 'string') return false;
  try {
    return canonical(JSON.parse(b.text)) === canonical(value);
  } catch {
    return false;
  }
}

function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}

function CallResultBody({
  outcome,
  outputSchema,
}: {
  outcome: Extract<ToolCallOutcome, { status: 'ok' | 'toolError' }>;
  outputSchema?: JsonObject;
}) {
  const result = outcome.result as { content?: unknown; structuredContent?: unknown };
  const content = Array.isArray(result.content) ? result.content : [];
  const structured = result.structuredContent;
  // Servers often send the structured value again as a text block (the spec asks for it): show it once.
  const echoed = structured === undefined ? -1 : content.findIndex((b) => isTextOf(b, structured));
  const structuredIssues = useMemo(() => {
    if (!outputSchema || outcome.status !== 'ok') return [];
    if (structured === undefined) return ['The tool declares an output schema but returned no structuredContent.'];
    return validateValue(outputSchema, structured).map(formatIssue);
  }, [outputSchema, structured, outcome.status]);

  return (
    <div className="result-body">
      {outcome.status === 'toolError' ? (
        <p className="result-line tool-error-note">The server reported a failure (isError: true). Its message:</p>
      ) : null}
      {content.length === 0 && structured === undefined ? <p className="muted">The result has no content.</p> : null}
      {content.map((b, i) => (i === echoed ? null : <ContentBlock key={i} block={b} />))}
      {structured !== undefined ? (
        <div className="block block-structured">
          <span className="block-kind">
            {echoed >= 0 ? 'structuredContent (also sent as text, the same JSON; Raw shows both)' : 'structuredContent'}
          </span>
          <JsonView value={structured} label="Structured content" />
        </div>
      ) : null}
      {structuredIssues.length > 0 ? (
        <div className="args-problem warning" role="status">
          <strong>structuredContent does not match the tool's output schema:</strong>
          <ul>
            {structuredIssues.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** The result was too large to show whole: say so, and offer the whole one. */
function TruncatedNotice({ truncated, toolName }: { truncated: { savedTo: string; bytes: number }; toolName: string }) {
  const { pushNotice, readSavedResult } = useActions();
  const download = async () => {
    try {
      const text = await readSavedResult(truncated.savedTo);
      downloadText(`${toolName}-result.json`, 'application/json', text);
    } catch (e) {
      pushNotice('error', `Could not read the full result: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <div className="truncated-notice" role="note">
      This result is {formatBytes(truncated.bytes)}: a trimmed view is shown so the window stays responsive. The whole result was saved to{' '}
      <code>{truncated.savedTo}</code>.
      <button type="button" className="button small" onClick={() => void download()}>
        Download full result
      </button>
    </div>
  );
}
