import { useState } from 'react';
import type { ToolCallOutcome } from '../../../src-shared/api/schemas/tool';
import { useWorkbench } from '../../app-context';
import { caseFromOutcome, canSaveOutcome, defaultCaseName, proposeAssertions } from './case-from-outcome';
import { SaveTestDialog } from './save-test-dialog';

/** "Save as test" in a call's result: the call, with checks read off its answer, into a suite file. */
export function SaveAsTestButton({ outcome, hasOutputSchema }: { outcome: ToolCallOutcome; hasOutputSchema: boolean }) {
  const [open, setOpen] = useState(false);
  const serverName = useWorkbench((s) => s.serversById[outcome.serverId]?.config.name ?? outcome.serverId);
  if (!canSaveOutcome(outcome)) return null;
  const proposed = proposeAssertions(outcome, hasOutputSchema);
  const base = caseFromOutcome(outcome, '', proposed);
  return (
    <>
      <button
        type="button"
        className="button small"
        onClick={() => setOpen(true)}
        title="Save this call, with checks on its answer, as a test case"
      >
        Save as test
      </button>
      {open ? (
        <SaveTestDialog
          serverId={outcome.serverId}
          serverName={serverName}
          initialName={defaultCaseName(outcome)}
          proposed={proposed}
          baseCase={{ tool: base.tool!, arguments: base.arguments ?? {} }}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}
