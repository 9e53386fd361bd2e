import type { ApiClient } from '../../../src-shared/api/api-client';
import { DisposableStore, type IDisposable } from '../../../src-shared/base/lifecycle';
import type { WorkbenchStore } from '../workbench-store';

/**
 * Call history into the store. Live only at first (the History tab loads its page with
 * history.list); a reconnect resumes after the last entry this window saw, so none is missed.
 */
export function bindHistoryEvents(api: ApiClient, wb: WorkbenchStore): IDisposable {
  const d = new DisposableStore();
  d.add(
    api.subscribe(
      'history.appended',
      () => {
        const last = wb.getState().historyLastSeq;
        return last > 0 ? { afterSeq: last } : {};
      },
      (e) => wb.getState()._appendHistory(e),
    ),
  );
  d.add(api.subscribe('history.cleared', {}, ({ serverId }) => wb.getState()._clearHistoryLocal(serverId)));
  return d;
}
