import { useCallback } from 'react';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import { useActions, useApi, useLogStoreApi } from '../../app-context';

/**
 * Clear the engine's log ring, then this window's copy. The contract has no "cleared" event yet,
 * so the local buffer is cleared here, after the engine confirmed (see the report's contract notes).
 */
export function useClearLogs(): (serverId: ServerId | null) => Promise<void> {
  const api = useApi();
  const logs = useLogStoreApi();
  const { pushNotice } = useActions();
  return useCallback(
    async (serverId) => {
      try {
        await api.call('logs.clear', serverId === null ? {} : { serverId });
        logs.getState()._clearLocal(serverId ?? undefined);
      } catch (e) {
        pushNotice('error', `Could not clear the logs: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
    [api, logs, pushNotice],
  );
}
