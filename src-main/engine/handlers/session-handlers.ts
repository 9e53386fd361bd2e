import type { ApiHandlers } from '../../../src-shared/api/contract';
import { exportSession, type SessionExportDeps } from '../sessions/session-export';

/** Shareable sessions: a server's session as one redacted file (opened read-only by the UI). */
export function createSessionHandlers(deps: SessionExportDeps): Pick<ApiHandlers, 'sessions.export'> {
  return {
    'sessions.export': ({ serverId }) => exportSession(deps, serverId),
  };
}
