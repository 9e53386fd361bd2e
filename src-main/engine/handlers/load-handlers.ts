import { ApiError } from '../../../src-shared/api/errors';
import type { ApiHandlers, ApiStreams } from '../../../src-shared/api/contract';
import { Event } from '../../../src-shared/base/event';
import type { LoadRunner } from '../load/load-runner';
import type { LoadRunStore } from '../load/load-run-store';

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
    'load.progressed': ({ runId }, emit) => {
      for (const r of runner.running()) if (runId === undefined || r.runId === runId) emit(r);
      return Event.filter(runner.onDidChange, (r) => runId === undefined || r.runId === runId)(emit);
    },
  };
}
