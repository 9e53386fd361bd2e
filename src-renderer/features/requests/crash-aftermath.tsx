import type { ServerStatus } from '../../../src-shared/api/schemas/server';
import { useWorkbench } from '../../app-context';
import { formatClock } from '../../components/format';

/**
 * After a crash cut a request short: what became of the server since. The restart policy usually
 * brings it back within seconds, and the result card is where the user looks, so it says so there
 * (or why it was not restarted) rather than leaving them to find out from the header.
 */
export function CrashAftermath({ serverId, crashedAt }: { serverId: string; crashedAt: number }) {
  const status = useWorkbench((s) => s.serversById[serverId]?.status);
  const line = aftermathLine(status, crashedAt);
  return line ? <p className="result-line crash-aftermath">{line}</p> : null;
}

function aftermathLine(status: ServerStatus | undefined, crashedAt: number): string | undefined {
  if (!status) return undefined;
  switch (status.state) {
    case 'crashed':
      if (status.restartingAt !== undefined) return `MCP Lab restarts the server at ${formatClock(status.restartingAt)}.`;
      if (status.crashLoop) return 'It crashed too often too quickly, so MCP Lab did not restart it: fix the cause, then start it again.';
      return 'It was not restarted (restart on crash is off for this server): start it again from the header.';
    case 'starting':
      return status.since >= crashedAt ? 'The server is being restarted.' : undefined;
    case 'ready':
      return status.since >= crashedAt ? `The server was restarted: ready again since ${formatClock(status.since)}.` : undefined;
    default:
      return undefined;
  }
}
