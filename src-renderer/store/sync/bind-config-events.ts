import type { ApiClient } from '../../../src-shared/api/api-client';
import type { IDisposable } from '../../../src-shared/base/lifecycle';
import type { WorkbenchStore } from '../workbench-store';

/** Whether mcp-lab.json and the secret store can be read, into the store. */
export function bindConfigEvents(api: ApiClient, wb: WorkbenchStore): IDisposable {
  return api.subscribe('workspace.configChanged', {}, (status) => wb.getState()._applyConfigStatus(status));
}
