import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../src-shared/api/api-client';
import type { MethodResult } from '../../../src-shared/api/contract';
import type { TemplateId } from '../../../src-shared/api/schemas/project';
import type { WorkbenchState } from '../workbench-store';

/** Projects from templates: the example servers a new workspace offers. */
export interface ProjectsSlice {
  /**
   * Write a template's example server into a new folder of the workspace, add it and start its
   * setup. The setup job is shown at once; its progress follows on `projects.setupProgressed`.
   */
  addExampleServer(template: TemplateId): Promise<MethodResult<'projects.addExample'>>;
}

export const createProjectsSlice =
  (api: ApiClient): StateCreator<WorkbenchState, [], [], ProjectsSlice> =>
  (_set, get) => ({
    addExampleServer: async (template) => {
      const r = await api.call('projects.addExample', { template });
      if (r.job) get()._applySetupJobs([r.job]);
      return r;
    },
  });
