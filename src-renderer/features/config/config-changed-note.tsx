import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { useActions } from '../../app-context';

/** mcp-lab.json changed this server's settings (outside MCP Lab) while it runs: say what that means, offer the restart. */
export function ConfigChangedNote({ server }: { server: ServerSummary }) {
  const { restartServer, stopServer, openDialog } = useActions();
  if (!server.configChangedOnDisk) return null;
  const id = server.config.id;
  // A changed command is reviewed before it runs: stop, then the review starts it once allowed.
  const restart = server.consent
    ? async () => (await stopServer(id), openDialog({ kind: 'consent', serverId: id }))
    : () => restartServer(id);
  return (
    <p className="restart-note config-changed-note" role="status">
      mcp-lab.json changed this server&apos;s settings outside MCP Lab. It keeps running with the settings it started with: restart to apply
      the new ones
      {server.consent ? ' (its command changed: you review it first)' : ''}.{' '}
      <button type="button" className="button small" onClick={() => void restart()}>
        {server.consent ? 'Review and restart' : 'Restart'}
      </button>
    </p>
  );
}
