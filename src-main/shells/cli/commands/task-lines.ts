import { showControlChars } from '../../../../src-shared/base/control-chars';
import type { TaskRecord } from '../../../../src-shared/api/schemas/task';

/** A task's statuses as they arrive, one line each; a status already printed is not printed again. */
export function createTaskLinePrinter(err: NodeJS.WritableStream): (tasks: TaskRecord[]) => void {
  const printed = new Map<string, number>();
  return (tasks) => {
    for (const t of tasks) {
      const from = printed.get(t.taskId) ?? 0;
      if (from === 0)
        err.write(
          `mcp-lab: ${t.toolName} runs as task ${showControlChars(t.taskId)}${t.ttlMs !== null ? ` (kept ${Math.round(t.ttlMs / 1000)} s)` : ''}\n`,
        );
      for (const step of t.history.slice(from)) {
        err.write(`mcp-lab: task ${step.status}${step.statusMessage ? `: ${showControlChars(step.statusMessage)}` : ''}\n`);
      }
      printed.set(t.taskId, t.history.length);
    }
  };
}
