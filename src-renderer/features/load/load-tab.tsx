import { useEffect, useState } from 'react';
import type { LoadRun } from '../../../src-shared/api/schemas/load';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { useActions, useWorkbench } from '../../app-context';
import { EmptyState } from '../../components/empty-state';
import { loadSelectors } from '../../store/slices/load-slice';
import { LoadForm } from './load-form';
import { LoadRunView } from './load-run-view';
import { RunCompare } from './run-compare';
import { SavedRuns } from './saved-runs';

/** Load runs and leak hunts: settings and saved runs on the left, the live or chosen run on the right. */
export function LoadTab({ server }: { server: ServerSummary }) {
  const serverId = server.config.id;
  const latest = useWorkbench(loadSelectors.latestRun(serverId));
  const saved = useWorkbench(loadSelectors.savedRuns(serverId));
  const { refreshSavedRuns, fetchLoadRun, pushNotice } = useActions();
  const [openedId, setOpenedId] = useState<string | null>(null);
  const [fetched, setFetched] = useState<LoadRun | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [comparing, setComparing] = useState(false);

  useEffect(() => {
    void refreshSavedRuns(serverId);
  }, [serverId, refreshSavedRuns]);

  // A saved run is fetched with its timeline when opened; the latest run is already live in the store.
  useEffect(() => {
    if (!openedId || openedId === latest?.runId) return;
    let alive = true;
    fetchLoadRun(openedId).then(
      (r) => alive && setFetched(r),
      (e: unknown) => pushNotice('error', `Could not open the run: ${e instanceof Error ? e.message : String(e)}`),
    );
    return () => {
      alive = false;
    };
  }, [openedId, latest?.runId, fetchLoadRun, pushNotice]);
  const opened = openedId && fetched?.runId === openedId ? fetched : null;

  const running = latest !== undefined && (latest.state === 'running' || latest.state === 'stopping');
  const shown = running ? latest : (opened ?? latest);
  // A is the older run, B the newer: "B vs A" then reads as "what changed since".
  const pair =
    comparing && picked.length === 2
      ? picked
          .map((id) => saved.find((r) => r.runId === id))
          .filter((r) => r !== undefined)
          .sort((x, y) => x.startedAt - y.startedAt)
      : [];

  return (
    <div className="load-tab">
      <aside className="load-side">
        <LoadForm
          server={server}
          running={running}
          onStarted={() => {
            setOpenedId(null);
            setComparing(false);
          }}
        />
        <div className="saved-runs-head">
          <h3>Saved runs</h3>
          <button
            type="button"
            className="button small"
            disabled={picked.length !== 2}
            onClick={() => setComparing(true)}
            title="Tick two runs to compare them"
          >
            Compare
          </button>
        </div>
        <SavedRuns
          runs={saved}
          openId={shown?.runId ?? null}
          picked={picked}
          onOpen={(id) => {
            setComparing(false);
            setOpenedId(id);
          }}
          onTogglePick={(id) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id].slice(-2)))}
        />
      </aside>
      <div className="load-main">
        {pair.length === 2 ? (
          <RunCompare a={pair[0]!} b={pair[1]!} onClose={() => setComparing(false)} />
        ) : shown ? (
          <LoadRunView run={shown} />
        ) : (
          <EmptyState title="No load run yet">
            Pick a tool and press <strong>Start load run</strong>. Runs are bounded by their duration or call count, and saved in the
            workspace so you can compare them later.
          </EmptyState>
        )}
      </div>
    </div>
  );
}
