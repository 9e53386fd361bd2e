import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../src-shared/api/api-client';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import type { TaskRecord } from '../../../src-shared/api/schemas/task';
import type { WorkbenchState } from '../workbench-store';

export interface TasksSlice {
  /** Mirrored from `tasks.changed`: each server's running and recent tasks, newest first. */
  tasksByServer: Record<ServerId, TaskRecord[]>;
  /** Per tool (console draft key): call a tool whose task support is optional as a task. */
  taskOptIn: Record<string, boolean>;
  /** A cancel that failed (task id → why). */
  taskCancelErrors: Record<string, string>;

  setTaskOptIn(key: string, on: boolean): void;
  /** Ask the engine to cancel; the task's new status arrives through the stream. */
  cancelTask(serverId: ServerId, taskId: string): Promise<void>;
  /** sync/ only. */
  _applyTasks(serverId: ServerId, tasks: TaskRecord[]): void;
  _dropServerTasks(serverId: ServerId): void;
}

export const createTasksSlice =
  (api: ApiClient): StateCreator<WorkbenchState, [], [], TasksSlice> =>
  (set) => ({
    tasksByServer: {},
    taskOptIn: {},
    taskCancelErrors: {},
    setTaskOptIn: (key, on) => set((s) => ({ taskOptIn: { ...s.taskOptIn, [key]: on } })),
    cancelTask: async (serverId, taskId) => {
      try {
        await api.call('tasks.cancel', { serverId, taskId });
      } catch (e) {
        set((s) => ({ taskCancelErrors: { ...s.taskCancelErrors, [taskId]: e instanceof Error ? e.message : String(e) } }));
      }
    },
    _applyTasks: (serverId, tasks) => set((s) => ({ tasksByServer: { ...s.tasksByServer, [serverId]: tasks } })),
    _dropServerTasks: (serverId) =>
      set((s) => {
        const { [serverId]: _gone, ...rest } = s.tasksByServer;
        return { tasksByServer: rest };
      }),
  });

const NO_TASKS: TaskRecord[] = [];

export const taskSelectors = {
  forServer: (serverId: ServerId) => (s: WorkbenchState) => s.tasksByServer[serverId] ?? NO_TASKS,
  /** The task a call started (the console's call id), once the server created it. */
  forCall: (serverId: ServerId, callId: string | undefined) => (s: WorkbenchState) =>
    callId ? s.tasksByServer[serverId]?.find((t) => t.callId === callId) : undefined,
  optIn: (key: string) => (s: WorkbenchState) => s.taskOptIn[key] ?? false,
};
