import type { ApiClient } from '../../../src-shared/api/api-client';
import { DisposableStore, type IDisposable } from '../../../src-shared/base/lifecycle';
import type { WorkbenchStore } from '../workbench-store';

/** Test and fuzz runs, mirrored into the store. Called from bind-api-events, the one place streams write state. */
export function bindTestingEvents(api: ApiClient, wb: WorkbenchStore): IDisposable {
  const d = new DisposableStore();
  d.add(api.subscribe('tests.progressed', {}, (run) => wb.getState()._applyTestRun(run)));
  d.add(api.subscribe('fuzz.progressed', {}, (run) => wb.getState()._applyFuzzRun(run)));
  return d;
}
