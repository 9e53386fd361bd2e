import type { ApiHandlers, ApiStreams } from '../../../src-shared/api/contract';
import { Event } from '../../../src-shared/base/event';
import type { ProjectService } from '../projects/project-service';
import { replayThen } from './stream-helpers';

export type ProjectMethods = 'projects.templates' | 'projects.create' | 'projects.addExample' | 'projects.setup' | 'projects.job';
export type ProjectStreams = 'projects.setupProgressed';

export function createProjectHandlers(projects: ProjectService): Pick<ApiHandlers, ProjectMethods> {
  return {
    'projects.templates': async () => projects.templates(),
    'projects.create': async (p) => projects.create(p),
    'projects.addExample': async ({ template }) => projects.addExample(template),
    'projects.setup': async (p) => projects.setup(p),
    'projects.job': async ({ jobId }) => projects.get(jobId),
  };
}

export function createProjectStreams(projects: ProjectService): Pick<ApiStreams, ProjectStreams> {
  return {
    // Every job known (or the one asked for) first, then each change of it.
    'projects.setupProgressed': ({ jobId }, emit) =>
      replayThen(
        () => projects.list().filter((j) => !jobId || j.jobId === jobId),
        Event.map(
          Event.filter(projects.onDidChangeJob, (j) => !jobId || j.jobId === jobId),
          (j) => [j],
        ),
        emit,
      ),
  };
}
