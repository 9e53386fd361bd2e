import type { ApiClient } from '../../../src-shared/api/api-client';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import { DisposableStore, type IDisposable, toDisposable } from '../../../src-shared/base/lifecycle';
import type { LogStore } from '../log-store';
import type { WorkbenchStore } from '../workbench-store';
import { bindBuildEvents } from './bind-build-events';
import { bindCatalogEvents } from './bind-catalog-events';
import { bindTaskEvents } from './bind-task-events';
import { bindDebugEvents } from './bind-debug-events';
import { bindTestingEvents } from './bind-testing-events';
import { bindHistoryEvents } from './bind-history-events';
import { bindOAuthEvents } from './bind-oauth-events';
import { bindNetworkEvents } from './bind-network-events';
import { bindConfigEvents } from './bind-config-events';
import { bindSurfaceEvents } from './bind-surface-events';

/**
 * The only place where engine streams write into the stores. Everything the UI mirrors (servers,
 * tools, logs, metrics, calls in flight, the connection) arrives here; actions never write it.
 */
export function bindApiEvents(api: ApiClient, wb: WorkbenchStore, logs: LogStore): IDisposable {
  const d = new DisposableStore();
  const state = () => wb.getState();

  const loadAppInfo = () => {
    api.call('app.info', {}).then(
      (info) => {
        // Notices (leftover processes the engine stopped) are shown once per window, not on every reconnect.
        if (!state().appInfo) for (const n of info.notices ?? []) state().pushNotice('error', n);
        state()._setAppInfo(info);
      },
      () => {
        /* a lost connection is shown by the indicator; the info comes again on reconnect */
      },
    );
  };
  d.add(
    api.onDidChangeConnection((c) => {
      state()._setConnection(c);
      if (c.state === 'open') loadAppInfo();
    }),
  );
  state()._setConnection(api.connection);
  loadAppInfo();

  // One tools stream per server that exists; opened and closed as servers come and go.
  const toolSubs = new Map<ServerId, IDisposable>();
  const reconcileToolStreams = (ids: ServerId[]) => {
    const wanted = new Set(ids);
    for (const [id, sub] of toolSubs) {
      if (wanted.has(id)) continue;
      sub.dispose();
      toolSubs.delete(id);
      state()._dropServerTools(id);
    }
    for (const id of ids) {
      if (toolSubs.has(id)) continue;
      toolSubs.set(
        id,
        api.subscribe(
          'tools.changed',
          { serverId: id },
          (list) => state()._applyToolList(list),
          () => {
            // The server vanished between the snapshot and the subscription: the next snapshot cleans up.
          },
        ),
      );
    }
  };
  d.add(
    toDisposable(() => {
      for (const sub of toolSubs.values()) sub.dispose();
      toolSubs.clear();
    }),
  );

  // Resources, templates, prompts and resource updates (their own file: one reconcile per snapshot).
  const catalog = d.add(bindCatalogEvents(api, wb));
  const oauth = d.add(bindOAuthEvents(api, wb));
  const tasks = d.add(bindTaskEvents(api, wb));
  const debug = d.add(bindDebugEvents(api, wb));
  const network = d.add(bindNetworkEvents(api, wb));
  const surfaces = d.add(bindSurfaceEvents(api, wb));
  d.add(
    api.subscribe('servers.changed', {}, (list) => {
      // The first server list is when the window becomes usable: marked for `npm run bench`.
      if (!state().serversLoaded) performance.mark('mcp-lab:interactive');
      state()._applyServerSnapshot(list);
      reconcileToolStreams(list.map((s) => s.config.id));
      catalog.reconcile(list.map((s) => s.config.id));
      const remote = list.filter((s) => s.config.transport !== 'stdio').map((s) => s.config.id);
      oauth.reconcile(remote);
      network.reconcile(remote);
      tasks.reconcile(list.map((s) => s.config.id));
      debug.reconcile(list.map((s) => s.config.id));
      surfaces.reconcile(list.map((s) => s.config.id));
    }),
  );
  // A thunk: every (re)subscribe resumes after the last seq this window holds.
  d.add(
    api.subscribe(
      'logs.appended',
      () => ({ afterSeq: logs.getState().lastSeq }),
      (batch) => logs.getState()._append(batch.entries, batch.missed),
    ),
  );
  // Cleared by this window or another: every window forgets its copy.
  d.add(api.subscribe('logs.cleared', {}, ({ serverId }) => logs.getState()._clearLocal(serverId)));
  d.add(
    api.subscribe('metrics.sampled', {}, (batch) => {
      if (batch.samples.length) state()._appendSamples(batch.samples);
      if (batch.marks?.length) state()._appendMarks(batch.marks);
    }),
  );
  d.add(api.subscribe('metrics.toolStatsChanged', {}, (stats) => state()._applyToolStats(stats)));
  d.add(api.subscribe('calls.active', {}, (calls) => state()._applyActiveCalls(calls)));
  d.add(bindBuildEvents(api, wb));
  // Sampling and elicitation requests from servers, waiting for a person (and why each one ended).
  d.add(api.subscribe('requests.pending', {}, (list) => state()._applyPendingRequests(list)));
  d.add(api.subscribe('requests.ended', {}, (e) => state()._applyEndedRequest(e)));
  d.add(api.subscribe('load.progressed', {}, (run) => state()._applyLoadRun(run)));
  d.add(bindTestingEvents(api, wb));
  d.add(bindHistoryEvents(api, wb));
  d.add(bindConfigEvents(api, wb));
  return d;
}
