import type { ApiClient } from '../../../src-shared/api/api-client';
import { DisposableStore, type IDisposable } from '../../../src-shared/base/lifecycle';
import type { WorkbenchStore } from '../workbench-store';

/** The streams of building servers in the app (workspace files, setup jobs, hot reloads): part of bind-api-events. */
export function bindBuildEvents(api: ApiClient, wb: WorkbenchStore): IDisposable {
  const d = new DisposableStore();
  const state = () => wb.getState();
  d.add(api.subscribe('workspace.fileChanged', {}, (b) => b.changes.length && state()._applyFileChanges(b.changes)));
  d.add(api.subscribe('projects.setupProgressed', {}, (jobs) => state()._applySetupJobs(jobs)));
  d.add(api.subscribe('servers.reloaded', {}, (events) => state()._applyReloads(events)));
  return d;
}
