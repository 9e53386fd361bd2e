import { useCallback, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import { LogSourceSchema } from '../../../src-shared/api/schemas/log';
import { useLogStoreApi, useLogs, useWorkbench } from '../../app-context';
import { EmptyState } from '../../components/empty-state';
import type { LogBuffer } from '../../store/log-store';
import type { LogFilter } from './log-filter';
import { LogDetails } from './log-details';
import { LogList } from './log-list';
import { LogToolbar } from './log-toolbar';
import { useClearLogs } from './use-clear-logs';
import { useFilteredLogs } from './use-filtered-logs';
import { safeName } from '../../components/server-name';

/** How many of the shown entries arrived after `seq` (scans back from the end: cheap). */
function countNewer(buffer: LogBuffer, positions: readonly number[], seq: number): number {
  let n = 0;
  for (let i = positions.length - 1; i >= 0; i--) {
    const e = buffer.at(positions[i]!);
    if (!e || e.seq <= seq) break;
    n++;
  }
  return n;
}

export function LogsTab({ serverId }: { serverId: ServerId }) {
  const scope = useWorkbench((s) => s.logScope);
  const viewFilter = useWorkbench((s) => s.logFilter);
  const serverNames = useWorkbench(
    useShallow((s) => Object.fromEntries(s.serverOrder.map((id) => [id, safeName(s.serversById[id]?.config.name ?? id)]))),
  );
  const logsApi = useLogStoreApi();
  const buffer = useLogs((s) => s.buffer);
  const evicted = useLogs((s) => s.evicted);
  const missed = useLogs((s) => s.missed);
  const capacity = useLogs((s) => s.capacity);
  const clearLogs = useClearLogs();

  const filter: LogFilter = useMemo(
    () => ({
      serverId: scope === 'all' ? null : serverId,
      sources: viewFilter.sources,
      minLevel: viewFilter.minLevel,
      text: viewFilter.text,
    }),
    [scope, serverId, viewFilter],
  );
  const { positions } = useFilteredLogs(logsApi, filter);
  // "of N": the entries of the scope shown (this server or all), not of every server in the buffer.
  const scopeFilter: LogFilter = useMemo(
    () => ({ serverId: scope === 'all' ? null : serverId, sources: LogSourceSchema.options, minLevel: 'debug', text: '' }),
    [scope, serverId],
  );
  const total = useFilteredLogs(logsApi, scopeFilter).positions.length;

  // Following = auto-scroll to the newest entry. Paused remembers the last seq seen at the pause.
  const [pausedAtSeq, setPausedAtSeq] = useState<number | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const following = pausedAtSeq === null;
  const onFollowingChange = useCallback(
    (f: boolean) => {
      const seq = logsApi.getState().lastSeq;
      setPausedAtSeq((prev) => (f ? null : (prev ?? seq)));
    },
    [logsApi],
  );
  const newSincePause = pausedAtSeq === null ? 0 : countNewer(buffer, positions, pausedAtSeq);

  return (
    <div className="logs-tab">
      <LogToolbar
        following={following}
        onFollow={() => onFollowingChange(true)}
        onPause={() => onFollowingChange(false)}
        onClear={() => void clearLogs(scope === 'all' ? null : serverId)}
      />
      <div className="logs-body">
        <div className="logs-list-wrap">
          {positions.length === 0 ? (
            <EmptyState title={total === 0 ? 'No logs yet' : 'No entry matches the filters'}>
              {total === 0
                ? 'Start the server: its stderr, protocol messages, notifications and lifecycle events appear here live.'
                : 'Change the sources, the level or the text filter to see more.'}
            </EmptyState>
          ) : (
            <LogList
              buffer={buffer}
              positions={positions}
              showServer={scope === 'all'}
              serverNames={serverNames}
              selected={selected}
              onSelect={setSelected}
              following={following}
              onFollowingChange={onFollowingChange}
            />
          )}
          {!following && newSincePause > 0 ? (
            <button type="button" className="button primary jump-latest" onClick={() => onFollowingChange(true)}>
              {newSincePause.toLocaleString()} new — jump to latest
            </button>
          ) : null}
        </div>
        {selected !== null ? <LogDetails entry={buffer.at(selected)} onClose={() => setSelected(null)} /> : null}
      </div>
      <div className="logs-status muted small" role="status">
        {positions.length.toLocaleString()} shown of {total.toLocaleString()} {scope === 'all' ? 'from every server' : 'from this server'}{' '}
        in this window
        {evicted > 0 ? ` · ${evicted.toLocaleString()} older entries evicted (the window keeps the last ${capacity.toLocaleString()})` : ''}
        {missed > 0 ? ` · ${missed.toLocaleString()} entries had already left the engine's buffer` : ''}
      </div>
    </div>
  );
}
