import { useState } from 'react';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { TERMINAL_TASK_STATUSES, type TaskRecord } from '../../../src-shared/api/schemas/task';
import { useActions, useWorkbench } from '../../app-context';
import { EmptyState } from '../../components/empty-state';
import { formatClock } from '../../components/format';
import { useNow } from '../../components/use-now';
import { toolKey } from '../../store/slices/console-draft';
import { taskSelectors } from '../../store/slices/tasks-slice';
import { ResultView } from '../console/result-view';
import { TaskHistory, TaskProgress, TaskStatusBadge, TaskTtl } from './task-status';
import { safeName } from '../../components/server-name';

/** The server's running and recent tasks (those MCP Lab started), newest first. */
export function TasksTab({ server }: { server: ServerSummary }) {
  const serverId = server.config.id;
  const tasks = useWorkbench(taskSelectors.forServer(serverId));
  const [openId, setOpenId] = useState<string | null>(null);
  const now = useNow(1000, tasks.length > 0);
  if (!tasks.length) {
    return (
      <EmptyState title="No tasks yet">
        <p>
          A tool whose task support is required (or optional, with “Run as a task” ticked) runs as a task; its status, messages and result
          show here.
        </p>
      </EmptyState>
    );
  }
  const running = tasks.filter((t) => !TERMINAL_TASK_STATUSES.includes(t.status)).length;
  return (
    <div className="tasks-tab">
      <p className="muted small">
        {running} running · {tasks.length - running} ended (kept while MCP Lab runs)
      </p>
      <table className="tasks-table" aria-label="Tasks">
        <thead>
          <tr>
            <th>Status</th>
            <th>Tool</th>
            <th>Message</th>
            <th>Started</th>
            <th>Time to live</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {tasks.map((t) => (
            <TaskRow
              key={t.taskId}
              task={t}
              now={now}
              open={openId === t.taskId}
              onToggle={() => setOpenId((o) => (o === t.taskId ? null : t.taskId))}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TaskRow({ task, now, open, onToggle }: { task: TaskRecord; now: number; open: boolean; onToggle(): void }) {
  const { cancelTask } = useActions();
  const live = !TERMINAL_TASK_STATUSES.includes(task.status);
  return (
    <>
      <tr data-task-id={task.taskId} data-status={task.status}>
        <td>
          <TaskStatusBadge status={task.status} />
        </td>
        <td>
          <code>{safeName(task.toolName)}</code>
        </td>
        <td className="task-message">
          {task.statusMessage ?? ''} <TaskProgress task={task} />
        </td>
        <td className="small">{formatClock(task.createdAt)}</td>
        <td className="small">
          <TaskTtl task={task} now={now} />
        </td>
        <td className="task-actions">
          {live ? (
            <button type="button" className="button small danger-outline" onClick={() => void cancelTask(task.serverId, task.taskId)}>
              Cancel
            </button>
          ) : null}{' '}
          <button type="button" className="button small" aria-expanded={open} onClick={onToggle}>
            {open ? 'Hide' : 'Details'}
          </button>
        </td>
      </tr>
      {open ? (
        <tr className="task-details-row">
          <td colSpan={6}>
            <TaskDetails task={task} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** The task's id, arguments, history and, once the call that started it ended here, its result. */
function TaskDetails({ task }: { task: TaskRecord }) {
  const outcome = useWorkbench((s) => s.history[toolKey(task.serverId, task.toolName)]?.find((o) => o.callId === task.callId));
  return (
    <div className="task-details">
      <p className="small">
        Task <code>{task.taskId}</code> · arguments <code>{JSON.stringify(task.arguments)}</code>
      </p>
      <TaskHistory task={task} />
      {outcome ? <ResultView outcome={outcome} /> : null}
    </div>
  );
}
