import type { SetupJob } from '../../../src-shared/api/schemas/project';
import { useActions } from '../../app-context';

const ICON = { pending: '○', running: '◌', succeeded: '✓', failed: '✗', skipped: '–' } as const;

/** The setup job's steps, each with its command and output; a failed step shows what to do. */
export function SetupProgress({ job }: { job: SetupJob }) {
  return (
    <ol className="setup-steps" aria-label="Setup steps">
      {job.steps.map((s) => (
        <li key={s.id} className={`setup-step step-${s.state}`} aria-label={`${s.title}: ${s.state}`}>
          <div className="setup-step-head">
            <span className="setup-icon" aria-hidden="true">
              {ICON[s.state]}
            </span>
            <span className="setup-title">{s.title}</span>
            {s.command ? <code className="setup-command">{s.command}</code> : null}
            {s.startedAt && s.endedAt ? <span className="muted small">{((s.endedAt - s.startedAt) / 1000).toFixed(1)} s</span> : null}
          </div>
          {s.detail && s.state !== 'skipped' ? <p className="setup-detail">{s.detail}</p> : null}
          {s.output.length && (s.state === 'running' || s.state === 'failed') ? (
            <pre className="setup-output" aria-label={`Output of ${s.title}`}>
              {s.output.slice(-(s.state === 'failed' ? 60 : 12)).join('\n')}
            </pre>
          ) : s.output.length ? (
            <details className="setup-more">
              <summary>Output ({s.output.length} lines)</summary>
              <pre className="setup-output">{s.output.join('\n')}</pre>
            </details>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/**
 * Run a failed setup again in the same folder; resolves with the new job (followed on
 * projects.setupProgressed), rejects with the engine's error.
 */
export function useSetupAgain(): (job: SetupJob) => Promise<SetupJob> {
  return useActions().setUpAgain;
}
