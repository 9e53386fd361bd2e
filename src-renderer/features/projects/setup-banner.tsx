import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import type { SetupJob } from '../../../src-shared/api/schemas/project';
import { useActions, useWorkbench } from '../../app-context';
import { safeName } from '../../components/server-name';
import type { WorkbenchState } from '../../store/workbench-store';
import { SetupProgress, useSetupAgain } from './setup-progress';

/** A setup that ended before this window opened is old news; one that failed still needs the user. */
const WINDOW_OPENED_AT = Date.now();
const worthShowing = (j: SetupJob) => j.state === 'running' || j.state === 'failed' || (j.endedAt ?? 0) >= WINDOW_OPENED_AT;

const jobsOf = (serverId: ServerId | null) => (s: WorkbenchState) =>
  Object.values(s.setupJobs)
    .filter((j) => worthShowing(j) && (serverId === null || j.serverId === serverId))
    .sort((a, b) => a.startedAt - b.startedAt);

/** The editor alone: every setup worth a look, so a server added from an example shows its npm install / .venv where the user is. */
export function EditorSetupBanners() {
  const jobs = useWorkbench(useShallow(jobsOf(null)));
  return (
    <>
      {jobs.map((j) => (
        <SetupBanner key={j.jobId} job={j} />
      ))}
    </>
  );
}

/** The server view: the newest setup of this server. */
export function ServerSetupBanner({ serverId }: { serverId: ServerId }) {
  const job = useWorkbench((s) => jobsOf(serverId)(s).at(-1));
  return job ? <SetupBanner key={job.jobId} job={job} /> : null;
}

/** One project's setup: the step running now, what failed and how to retry, or that it is done; the steps' output on demand. */
function SetupBanner({ job }: { job: SetupJob }) {
  const server = useWorkbench((s) => (job.serverId ? s.serversById[job.serverId] : undefined));
  const { startServer } = useActions();
  const setUpAgain = useSetupAgain();
  const [dismissed, setDismissed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (dismissed) return null;
  const who = server ? safeName(server.config.name) : (job.dir.split(/[\\/]/).pop() ?? job.dir);
  const current = job.steps.find((s) => s.state === 'running') ?? job.steps.find((s) => s.state === 'failed');
  const seconds = job.endedAt ? ` in ${((job.endedAt - job.startedAt) / 1000).toFixed(1)} s` : '';
  const retry = () => setUpAgain(job).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  return (
    <div
      className={`reload-banner setup-banner setup-${job.state}`}
      role={job.state === 'failed' ? 'alert' : 'status'}
      aria-label={`Setup of ${who}`}
    >
      <span>
        {job.state === 'running'
          ? `Setting up ${who}: ${current?.title ?? 'starting'}…`
          : job.state === 'failed'
            ? `Setting up ${who} failed${current ? ` at “${current.title}”` : ''}.`
            : job.state === 'cancelled'
              ? `Setting up ${who} was cancelled.`
              : `${who} is set up${seconds}.`}
      </span>
      {current?.command ? <code className="setup-command">{current.command}</code> : null}
      <details className="setup-banner-steps">
        <summary>Steps and output</summary>
        <SetupProgress job={job} />
      </details>
      <span className="topbar-spacer" />
      {error ? <span className="engine-error">{error}</span> : null}
      {job.state === 'failed' ? (
        <button type="button" className="button small" onClick={() => void retry()}>
          Set up again
        </button>
      ) : null}
      {job.state === 'succeeded' && server && (server.status.state === 'stopped' || server.status.state === 'failed') ? (
        <button type="button" className="button small primary" onClick={() => void startServer(server.config.id)}>
          Start {who}
        </button>
      ) : null}
      {job.state === 'running' ? null : (
        <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setDismissed(true)}>
          ✕
        </button>
      )}
    </div>
  );
}
