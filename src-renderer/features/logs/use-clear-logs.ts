import { useCallback } from 'react';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import { useActions, useApi } from '../../app-context';

/** Ask the engine to clear its log ring; the `logs.cleared` event then clears every window's copy. */
export function useClearLogs(): (serverId: ServerId | null) => Promise<void> {
  const api = useApi();
  const { pushNotice } = useActions();
  return useCallback(
    async (serverId) => {
      try {
        await api.call('logs.clear', serverId === null ? {} : { serverId });
      } catch (e) {
        pushNotice('error', `Could not clear the logs: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
    [api, pushNotice],
  );
}
