import type { TaskRecord, TaskStatus } from '../../../src-shared/api/schemas/task';
import { formatClock, formatDuration } from '../../components/format';

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  working: 'Working',
  input_required: 'Input required',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  return <span className={`task-badge task-${status}`}>{TASK_STATUS_LABELS[status]}</span>;
}

/** How long the server keeps the task (and its result) from its creation; what is left of it. */
export function TaskTtl({ task, now }: { task: TaskRecord; now: number }) {
  if (task.ttlMs === null) return <span title="Time to live">kept without limit</span>;
  const left = task.createdAt + task.ttlMs - now;
  return (
    <span title="Time to live: how long the server keeps the task and its result">
      kept {formatDuration(task.ttlMs)}
      {left > 0 ? ` · ${formatDuration(left)} left` : ' · expired'}
    </span>
  );
}

export function TaskProgress({ task }: { task: TaskRecord }) {
  const p = task.progress;
  if (!p) return null;
  const pct = p.total ? Math.max(0, Math.min(100, (p.progress / p.total) * 100)) : null;
  return (
    <span className="task-progress small">
      {pct !== null ? `${Math.round(pct)} %` : `${p.progress}`}
      {p.message ? ` · ${p.message}` : ''}
    </span>
  );
}

/** Every status the server reported, oldest first. */
export function TaskHistory({ task }: { task: TaskRecord }) {
  return (
    <ol className="task-history" aria-label="Task history">
      {task.history.map((step, i) => (
        <li key={i}>
          <span className="muted small">{formatClock(step.at)}</span> <TaskStatusBadge status={step.status} />
          {step.statusMessage ? <span className="task-message"> {step.statusMessage}</span> : null}
        </li>
      ))}
      {task.error ? <li className="error">{task.error}</li> : null}
    </ol>
  );
}
