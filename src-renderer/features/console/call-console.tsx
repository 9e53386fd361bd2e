import { getDefaultFormState } from '@rjsf/utils';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { JsonObject } from '../../../src-shared/api/schemas/common';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import type { ToolInfo } from '../../../src-shared/api/schemas/tool';
import { useActions, useWorkbench, useWorkbenchStore } from '../../app-context';
import { hasMod } from '../../components/keys';
import { consoleSelectors } from '../../store/slices/console-slice';
import { toolKey } from '../../store/slices/console-draft';
import type { JsonSchema } from '../../../src-shared/json-schema/schema-node';
import { createValidator } from '../../../src-shared/json-schema/validate';
import { prepareToolSchema } from '../tools/schema/prepare-schema';
import { ArgsEditor } from './args-editor';
import { formValidator } from './args-form';
import { CallControls } from './call-controls';
import { ConsoleHeader } from './console-header';
import { OutcomeHistory } from './outcome-history';
import { ResultView } from './result-view';
import { SaveAsTestButton } from '../testing/save-as-test-button';
import { ToolApp } from '../apps/tool-app';
import { TaskCallPanel } from '../tasks/task-call-panel';

function initialArgs(schema: JsonSchema): JsonObject {
  try {
    const v = getDefaultFormState(formValidator, schema, undefined, schema) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : {};
  } catch {
    return {};
  }
}

/** Everything about calling one tool: header, arguments, Call/Cancel, progress, result, history. */
export function CallConsole({ server, tool }: { server: ServerSummary; tool: ToolInfo }) {
  const serverId = server.config.id;
  const key = toolKey(serverId, tool.name);
  const idBase = `${serverId}-${tool.name}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const store = useWorkbenchStore();
  const actions = useActions();
  const prepared = useMemo(() => prepareToolSchema(tool.inputSchema), [tool.inputSchema]);
  const validate = useMemo(() => createValidator(prepared.validation), [prepared]);

  useEffect(() => actions.ensureDraft(key, initialArgs(prepared.form)), [actions, key, prepared]);

  const value = useWorkbench((s) => s.drafts[key]?.value);
  const parseError = useWorkbench((s) => s.drafts[key]?.parseError ?? null);
  const issues = useMemo(() => (value && !parseError ? validate(value) : []), [value, parseError, validate]);
  const outcome = useWorkbench(consoleSelectors.viewedOutcome(key));
  const callError = useWorkbench(consoleSelectors.callError(key));
  const [attempted, setAttempted] = useState(false);

  const state = server.status.state;
  const ready = state === 'ready';
  const canSend = ready && !!value && !parseError;

  const call = useCallback(() => {
    const s = store.getState();
    const live = s.serversById[serverId];
    if (live?.status.state !== 'ready' || s.inFlight[key] || s.drafts[key]?.parseError) return;
    setAttempted(true);
    void s.callTool(serverId, tool.name);
  }, [store, serverId, key, tool.name]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!hasMod(e) || e.key !== 'Enter' || e.defaultPrevented) return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      call();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [call]);

  // A new result scrolls into view (a re-run from the reload banner, a short pane beside the editor);
  // the result already there when the tool is opened does not move the page.
  const resultRef = useRef<HTMLDivElement>(null);
  const shown = useRef({ key, callId: outcome?.callId });
  useEffect(() => {
    const before = shown.current;
    shown.current = { key, callId: outcome?.callId };
    if (!outcome || before.key !== key || before.callId === outcome.callId) return;
    resultRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [key, outcome]);

  return (
    <div className="call-console">
      <ConsoleHeader tool={tool} />
      {value ? (
        <ArgsEditor draftKey={key} idBase={idBase} prepared={prepared} issues={issues} inlineErrors={attempted} onSubmit={call} />
      ) : null}
      <CallControls
        draftKey={key}
        serverId={serverId}
        toolName={tool.name}
        canSend={canSend}
        hasIssues={issues.length > 0}
        notReadyReason={ready ? null : `The server is ${state}.`}
        onCall={call}
      />
      <TaskCallPanel serverId={serverId} tool={tool} draftKey={key} outcome={outcome} />
      {callError ? (
        <div className="args-problem error" role="alert">
          <strong>The call could not be made:</strong> {callError}
        </div>
      ) : null}
      {outcome ? (
        <div className="result-area" ref={resultRef}>
          <ResultView
            key={outcome.callId}
            outcome={outcome}
            outputSchema={tool.outputSchema}
            actions={<SaveAsTestButton outcome={outcome} hasOutputSchema={tool.outputSchema !== undefined} />}
          />
          <ToolApp serverId={serverId} tool={tool} outcome={outcome} />
          <OutcomeHistory draftKey={key} viewedCallId={outcome.callId} />
        </div>
      ) : null}
    </div>
  );
}
