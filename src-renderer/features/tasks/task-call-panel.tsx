import type { ToolCallOutcome, ToolInfo } from '../../../src-shared/api/schemas/tool';
import { TERMINAL_TASK_STATUSES, taskSupportOf } from '../../../src-shared/api/schemas/task';
import { useActions, useWorkbench } from '../../app-context';
import { useNow } from '../../components/use-now';
import { consoleSelectors } from '../../store/slices/console-slice';
import { taskSelectors } from '../../store/slices/tasks-slice';
import { TaskHistory, TaskProgress, TaskStatusBadge, TaskTtl } from './task-status';

/**
 * The console's part for tools that run as tasks: whether this call will be a task (a checkbox
 * when the tool leaves it open), the running task's life (status, message, progress, time to
 * live, Cancel), and under a result the statuses its task went through.
 */
export function TaskCallPanel({
  serverId,
  tool,
  draftKey,
  outcome,
}: {
  serverId: string;
  tool: ToolInfo;
  draftKey: string;
  outcome: ToolCallOutcome | undefined;
}) {
  const support = taskSupportOf(tool);
  const optIn = useWorkbench(taskSelectors.optIn(draftKey));
  const inFlight = useWorkbench(consoleSelectors.inFlight(draftKey));
  const running = useWorkbench(taskSelectors.forCall(serverId, inFlight?.callId));
  const { setTaskOptIn } = useActions();
  if (support === 'forbidden') return null;
  return (
    <div className="task-call-panel">
      {support === 'required' ? (
        <span className="muted small">This tool runs as a task (its task support is required).</span>
      ) : (
        <label className="task-opt-in small">
          <input type="checkbox" checked={optIn} disabled={!!inFlight} onChange={(e) => setTaskOptIn(draftKey, e.target.checked)} /> Run as
          a task
        </label>
      )}
      {running ? <LiveTask serverId={serverId} taskId={running.taskId} /> : null}
      {!inFlight && outcome?.task ? (
        <details className="task-outcome">
          <summary>
            Task <code>{outcome.task.taskId}</code> <TaskStatusBadge status={outcome.task.status} />
          </summary>
          <TaskHistory task={outcome.task} />
        </details>
      ) : null}
    </div>
  );
}

function LiveTask({ serverId, taskId }: { serverId: string; taskId: string }) {
  const task = useWorkbench((s) => s.tasksByServer[serverId]?.find((t) => t.taskId === taskId));
  const cancelError = useWorkbench((s) => s.taskCancelErrors[taskId]);
  const { cancelTask } = useActions();
  const now = useNow(1000);
  if (!task) return null;
  const live = !TERMINAL_TASK_STATUSES.includes(task.status);
  return (
    <section className="live-task" aria-label="Running task" data-status={task.status}>
      <div className="live-task-head">
        <TaskStatusBadge status={task.status} />
        <span className="task-message">{task.statusMessage ?? ''}</span>
        <span className="header-spacer" />
        <TaskProgress task={task} />
        <span className="muted small">
          <TaskTtl task={task} now={now} />
        </span>
        {live ? (
          <button type="button" className="button small danger-outline" onClick={() => void cancelTask(serverId, taskId)}>
            Cancel task
          </button>
        ) : null}
      </div>
      {task.status === 'input_required' ? <p className="small">The server waits for your answer in the request dialog.</p> : null}
      {cancelError ? <p className="error small">Could not cancel: {cancelError}</p> : null}
    </section>
  );
}
