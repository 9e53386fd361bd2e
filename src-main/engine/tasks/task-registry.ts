import { Emitter } from '../../../src-shared/base/event';
import { Disposable } from '../../../src-shared/base/lifecycle';
import { TERMINAL_TASK_STATUSES, type TaskRecord } from '../../../src-shared/api/schemas/task';

/** How many ended tasks each server keeps for the Tasks view (running ones are always kept). */
const RECENT_PER_SERVER = 50;

interface Entry {
  record: TaskRecord;
  /** Asks the server to cancel (undefined once the task ended). */
  cancel?: () => Promise<void>;
}

/**
 * The tasks MCP Lab started, per server: running and recent, with every status they went
 * through. The tasks client (ext-tasks) drives each one; this is what the UI and the CLI see.
 */
export class TaskRegistry extends Disposable {
  private readonly _onDidChange = this._register(new Emitter<string>());
  /** Fires the server id whose tasks changed. */
  readonly onDidChange = this._onDidChange.event;
  private readonly byServer = new Map<string, Map<string, Entry>>();

  list(serverId: string): TaskRecord[] {
    return [...(this.byServer.get(serverId)?.values() ?? [])].map((e) => e.record).sort((a, b) => b.createdAt - a.createdAt);
  }

  get(serverId: string, taskId: string): TaskRecord | undefined {
    return this.byServer.get(serverId)?.get(taskId)?.record;
  }

  /** A new task, or a change to one: the record is replaced whole. */
  put(record: TaskRecord, cancel?: () => Promise<void>): void {
    let tasks = this.byServer.get(record.serverId);
    if (!tasks) this.byServer.set(record.serverId, (tasks = new Map()));
    const prev = tasks.get(record.taskId);
    const ended = TERMINAL_TASK_STATUSES.includes(record.status);
    const c = ended ? undefined : (cancel ?? prev?.cancel);
    tasks.set(record.taskId, c ? { record, cancel: c } : { record });
    this.trim(tasks);
    this._onDidChange.fire(record.serverId);
  }

  /** False when MCP Lab does not know the task or it has already ended. */
  async cancel(serverId: string, taskId: string): Promise<boolean> {
    const e = this.byServer.get(serverId)?.get(taskId);
    if (!e?.cancel) return false;
    await e.cancel();
    return true;
  }

  private trim(tasks: Map<string, Entry>): void {
    const ended = [...tasks.values()].filter((e) => !e.cancel).sort((a, b) => a.record.createdAt - b.record.createdAt);
    for (const e of ended.slice(0, Math.max(0, ended.length - RECENT_PER_SERVER))) tasks.delete(e.record.taskId);
  }
}
