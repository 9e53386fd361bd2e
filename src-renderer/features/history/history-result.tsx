import { useState } from 'react';
import type { HistoryEntry } from '../../../src-shared/api/schemas/history';
import type { PromptGetOutcome } from '../../../src-shared/api/schemas/prompt';
import type { RequestOutcome } from '../../../src-shared/api/schemas/request';
import type { ResourceReadOutcome } from '../../../src-shared/api/schemas/resource';
import type { ToolCallOutcome } from '../../../src-shared/api/schemas/tool';
import { useWorkbench } from '../../app-context';
import { JsonView } from '../../components/json-view';
import { toolsSelectors } from '../../store/slices/tools-slice';
import { ResultView } from '../console/result-view';
import { PromptResult } from '../prompts/prompt-result';
import { RequestFailureBody, RequestOutcomeHead, rawOutcome } from '../requests/request-outcome-view';
import { ReadResult } from '../resources/read-result';

/** The kept outcome, shown by the same views the request was made from. */
export function HistoryResult({ entry }: { entry: HistoryEntry }) {
  const toolName = entry.kind === 'tools.call' ? (entry.target ?? null) : null;
  const tool = useWorkbench(toolsSelectors.tool(entry.serverId, toolName));
  switch (entry.kind) {
    case 'tools.call': {
      const outcome = { ...entry.outcome, ...(entry.truncated ? { truncated: entry.truncated } : {}) } as unknown as ToolCallOutcome;
      return <ResultView key={entry.id} outcome={outcome} {...(tool?.outputSchema ? { outputSchema: tool.outputSchema } : {})} />;
    }
    case 'prompts.get':
      return <PromptResult key={entry.id} outcome={entry.outcome as unknown as PromptGetOutcome} />;
    case 'resources.read':
      return (
        <ReadResult
          key={entry.id}
          read={{ uri: entry.target ?? '', reading: false, outcome: entry.outcome as unknown as ResourceReadOutcome }}
        />
      );
    default:
      return <GenericResult key={entry.id} outcome={entry.outcome as unknown as RequestOutcome<unknown>} />;
  }
}

/** Lists, completions, ping, subscribe, log level: the result as JSON, or why it failed. */
function GenericResult({ outcome }: { outcome: RequestOutcome<unknown> }) {
  const [raw, setRaw] = useState(false);
  return (
    <section className={`result result-${outcome.status}`} aria-label="Result" data-status={outcome.status}>
      <RequestOutcomeHead outcome={outcome}>
        {outcome.status !== 'ok' ? (
          <button type="button" className="button small" aria-pressed={raw} onClick={() => setRaw((r) => !r)}>
            Raw
          </button>
        ) : null}
      </RequestOutcomeHead>
      {outcome.status === 'ok' || raw ? (
        <div className="result-body">
          <JsonView value={rawOutcome(outcome)} label="Result JSON" />
        </div>
      ) : (
        <RequestFailureBody outcome={outcome} />
      )}
    </section>
  );
}

/** What a diff compares: the result for answers, the error for failures (timings and ids left out). */
export function comparableResult(entry: HistoryEntry): unknown {
  const o = entry.outcome as Record<string, unknown>;
  if ('result' in o) return o.result;
  const { status, code, message, data, exitCode, signal, timeoutMs } = o;
  return Object.fromEntries(
    Object.entries({ status, code, message, data, exitCode, signal, timeoutMs }).filter(([, v]) => v !== undefined),
  );
}
