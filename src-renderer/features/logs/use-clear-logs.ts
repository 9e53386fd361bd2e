import type { ServerId } from '../../../src-shared/api/schemas/common';
import { useActions } from '../../app-context';

/** Ask the engine to clear its log ring; the `logs.cleared` event then clears every window's copy. */
export function useClearLogs(): (serverId: ServerId | null) => Promise<void> {
  return useActions().clearLogs;
}
