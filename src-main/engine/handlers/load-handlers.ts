import { ApiError } from '../../../src-shared/api/errors';
import type { ApiHandlers, ApiStreams } from '../../../src-shared/api/contract';
import type { LoadRunner } from '../load/load-runner';
import type { LoadRunStore } from '../load/load-run-store';
import { jobProgressStream } from './stream-helpers';

type LoadMethods = 'load.start' | 'load.stop' | 'load.list' | 'load.get';

export function createLoadHandlers(runner: LoadRunner, store: LoadRunStore): Pick<ApiHandlers, LoadMethods> {
  return {
    'load.start': async (spec) => runner.start(spec),
    'load.stop': async ({ runId }) => runner.stop(runId),
    'load.list': async ({ serverId }) => (await store.list()).filter((r) => serverId === undefined || r.spec.serverId === serverId),
    'load.get': async ({ runId }) => {
      const running = runner.running().find((r) => r.runId === runId);
      const run = running ?? (await store.get(runId));
      if (!run) throw new ApiError('NotFound', `no load run "${runId}" in this workspace`);
      return run;
    },
  };
}

export function createLoadStreams(runner: LoadRunner): Pick<ApiStreams, 'load.progressed'> {
  return {
    'load.progressed': ({ runId }, emit) => jobProgressStream(runner, (r) => runId === undefined || r.runId === runId, emit),
  };
}
