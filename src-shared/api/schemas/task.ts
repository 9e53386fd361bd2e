import { z } from 'zod';
import { EpochMsSchema, JsonObjectSchema, ServerIdSchema } from './common';

/** The five states of an MCP task (the same in the 2025-11-25 and 2026-07-28 forms). */
export const TaskStatusSchema = z.enum(['working', 'input_required', 'completed', 'failed', 'cancelled']);
export type TaskStatus = z.infer<typeof TaskStatusSchema>;

export const TERMINAL_TASK_STATUSES: readonly TaskStatus[] = ['completed', 'failed', 'cancelled'];

/** How a tool may be called as a task (`execution.taskSupport`); absent means forbidden. */
export const TaskSupportSchema = z.enum(['forbidden', 'optional', 'required']);
export type TaskSupport = z.infer<typeof TaskSupportSchema>;

/** One status the server reported, as it arrived. */
export const TaskStepSchema = z.object({
  at: EpochMsSchema,
  status: TaskStatusSchema,
  statusMessage: z.string().optional(),
});
export type TaskStep = z.infer<typeof TaskStepSchema>;

/** A task MCP Lab started on a server, and what became of it. */
export const TaskRecordSchema = z.object({
  taskId: z.string(),
  serverId: ServerIdSchema,
  /** The tools.call that started it (the console's call id). */
  callId: z.string(),
  toolName: z.string(),
  arguments: JsonObjectSchema,
  status: TaskStatusSchema,
  statusMessage: z.string().optional(),
  /** How long the server keeps the task and its result after creation (null: unlimited). */
  ttlMs: z.number().nullable(),
  pollIntervalMs: z.number().optional(),
  /** When the server created it (from the task; our clock when the server did not say). */
  createdAt: EpochMsSchema,
  lastUpdatedAt: EpochMsSchema,
  /** Latest `notifications/progress` of the call that created the task. */
  progress: z.object({ progress: z.number(), total: z.number().optional(), message: z.string().optional() }).optional(),
  /** Every status seen, oldest first. */
  history: z.array(TaskStepSchema),
  /** Why it failed (the server's error), when it did. */
  error: z.string().optional(),
});
export type TaskRecord = z.infer<typeof TaskRecordSchema>;

export const TaskCancelRequestSchema = z.object({ serverId: ServerIdSchema, taskId: z.string().min(1) });

/** What a tool declares about tasks (`execution.taskSupport`); anything else counts as forbidden. */
export function taskSupportOf(tool: Record<string, unknown> | undefined): TaskSupport {
  const v = (tool?.['execution'] as { taskSupport?: unknown } | undefined)?.taskSupport;
  return v === 'optional' || v === 'required' ? v : 'forbidden';
}
