import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../src-shared/api/api-client';
import type { MethodResult } from '../../../src-shared/api/contract';
import type { SetupJob, TemplateId } from '../../../src-shared/api/schemas/project';
import type { WorkbenchState } from '../workbench-store';

/** Projects from templates: the example servers a new workspace offers. */
export interface ProjectsSlice {
  /**
   * Write a template's example server into a new folder of the workspace, add it and start its
   * setup. The setup job is shown at once; its progress follows on `projects.setupProgressed`.
   */
  addExampleServer(template: TemplateId): Promise<MethodResult<'projects.addExample'>>;
  templates(): Promise<MethodResult<'projects.templates'>>;
  /** A new server from a template in `dir`; its setup job is shown at once, as for an example. */
  createProject(input: { template: TemplateId; dir: string; name?: string }): Promise<MethodResult<'projects.create'>>;
  /** Run a failed setup again in the same folder; resolves with the new job, rejects with the engine's error. */
  setUpAgain(job: SetupJob): Promise<SetupJob>;
}

export const createProjectsSlice =
  (api: ApiClient): StateCreator<WorkbenchState, [], [], ProjectsSlice> =>
  (_set, get) => ({
    addExampleServer: async (template) => {
      const r = await api.call('projects.addExample', { template });
      if (r.job) get()._applySetupJobs([r.job]);
      return r;
    },
    templates: () => api.call('projects.templates', {}),
    createProject: async (input) => {
      const r = await api.call('projects.create', input);
      if (r.job) get()._applySetupJobs([r.job]);
      return r;
    },
    setUpAgain: async (job) => {
      const next = await api.call('projects.setup', {
        template: job.template,
        dir: job.dir,
        ...(job.serverId ? { serverId: job.serverId } : {}),
      });
      get()._applySetupJobs([next]);
      return next;
    },
  });
