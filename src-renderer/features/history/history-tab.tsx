import { useEffect } from 'react';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { useActions, useWorkbench } from '../../app-context';
import { HistoryDetail } from './history-detail';
import { HistoryDiff } from './history-diff';
import { HistoryList } from './history-list';
import { HistoryToolbar } from './history-toolbar';

/**
 * Every request sent to this workspace's servers, kept across restarts: search and filter it, look
 * at what was sent and what came back, send it again, or diff two results.
 */
export function HistoryTab({ server }: { server: ServerSummary }) {
  const serverId = server.config.id;
  const scope = useWorkbench((s) => s.historyFilter.scope);
  const view = useWorkbench((s) => s.historyView);
  const { loadHistory } = useActions();
  const wanted = scope === 'server' ? serverId : null;
  // Fresh on opening the tab and when the server (or the scope) changes.
  useEffect(() => void loadHistory(wanted), [wanted, loadHistory]);

  return (
    <div className="call-history">
      <div className="call-history-side">
        <HistoryToolbar serverId={serverId} serverName={server.config.name} />
        <HistoryList showServer={scope === 'all'} />
      </div>
      <div className="call-history-main">{view === 'diff' ? <HistoryDiff /> : <HistoryDetail />}</div>
    </div>
  );
}
