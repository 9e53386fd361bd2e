import { z } from 'zod';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { EpochMsSchema, FromAppSchema, JsonObjectSchema, ServerIdSchema } from './common';
import { TaskRecordSchema } from './task';
import { CacheHintSchema } from './cache-hint';

export const ToolAnnotationsSchema = z.looseObject({
  title: z.string().optional(),
  readOnlyHint: z.boolean().optional(),
  destructiveHint: z.boolean().optional(),
  idempotentHint: z.boolean().optional(),
  openWorldHint: z.boolean().optional(),
});

/** A tool as the server declared it. Loose: servers add fields, we keep them for display. */
export const ToolInfoSchema = z.looseObject({
  name: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  inputSchema: JsonObjectSchema,
  outputSchema: JsonObjectSchema.optional(),
  annotations: ToolAnnotationsSchema.optional(),
  _meta: JsonObjectSchema.optional(),
});
export type ToolInfo = z.infer<typeof ToolInfoSchema>;

export const ToolListSchema = z.object({
  serverId: ServerIdSchema,
  tools: z.array(ToolInfoSchema),
  /** How many pages `tools/list` took; a server that paginates wrongly shows up here. */
  pages: z.number().int(),
  listedAt: EpochMsSchema,
  /** The server's cache hints on the list (2026-07-28). */
  cache: CacheHintSchema.optional(),
});
export type ToolList = z.infer<typeof ToolListSchema>;

export const DEFAULT_CALL_TIMEOUT_MS = 60_000;
/** No call, however chatty its progress, outlives this. */
export const HARD_MAX_CALL_TIMEOUT_MS = 10 * 60_000;

export const ToolCallRequestSchema = z.object({
  serverId: ServerIdSchema,
  fromApp: FromAppSchema,
  toolName: z.string().min(1),
  /** Sent as-is, even when it does not match the schema: testing a server's validation is a use case. */
  arguments: JsonObjectSchema.default({}),
  timeoutMs: z.number().int().positive().max(HARD_MAX_CALL_TIMEOUT_MS).default(DEFAULT_CALL_TIMEOUT_MS),
  /**
   * Results larger than this come back trimmed (with `truncated` saying where the whole one was
   * saved): the UI asks for it so a 50 MB answer cannot freeze the window. The CLI asks for nothing.
   */
  inlineLimitBytes: z
    .number()
    .int()
    .min(16 * 1024)
    .optional(),
  /** Lets the UI correlate progress events (`calls.active`) with the call it started. */
  callId: z.string().min(1).max(100).optional(),
  /**
   * Run it as a task: a tool whose `execution.taskSupport` is `required` always is; `optional`
   * ones only when this is true; `forbidden` (or undeclared) ones never (true is refused).
   */
  asTask: z.boolean().optional(),
});
export type ToolCallRequest = z.input<typeof ToolCallRequestSchema>;

const CallResultSchema = z.custom<CallToolResult>((v) => typeof v === 'object' && v !== null);

const OutcomeBase = {
  callId: z.string(),
  serverId: ServerIdSchema,
  toolName: z.string(),
  arguments: JsonObjectSchema,
  startedAt: EpochMsSchema,
  durationMs: z.number(),
  requestBytes: z.number().int(),
  /** Set when the call ran as a task: its id, final status and every status it went through. */
  task: TaskRecordSchema.optional(),
};

/** The result shown is a trimmed view; the whole one is on disk. */
export const TruncatedSchema = z.object({ savedTo: z.string(), bytes: z.number().int() });

export const ToolCallOutcomeSchema = z.discriminatedUnion('status', [
  z.object({
    ...OutcomeBase,
    status: z.literal('ok'),
    result: CallResultSchema,
    responseBytes: z.number().int(),
    truncated: TruncatedSchema.optional(),
  }),
  z.object({
    ...OutcomeBase,
    status: z.literal('toolError'),
    result: CallResultSchema,
    responseBytes: z.number().int(),
    truncated: TruncatedSchema.optional(),
  }),
  z.object({
    ...OutcomeBase,
    status: z.literal('protocolError'),
    code: z.number(),
    message: z.string(),
    data: z.unknown().optional(),
    responseBytes: z.number().int().optional(),
  }),
  z.object({ ...OutcomeBase, status: z.literal('timeout'), timeoutMs: z.number() }),
  z.object({ ...OutcomeBase, status: z.literal('cancelled') }),
  z.object({
    ...OutcomeBase,
    status: z.literal('crashed'),
    exitCode: z.number().nullable(),
    signal: z.string().nullable(),
    message: z.string(),
    stderrTail: z.array(z.string()),
  }),
]);
export type ToolCallOutcome = z.infer<typeof ToolCallOutcomeSchema>;
export type ToolCallStatus = ToolCallOutcome['status'];

export const ActiveCallSchema = z.object({
  callId: z.string(),
  serverId: ServerIdSchema,
  toolName: z.string(),
  startedAt: EpochMsSchema,
  progress: z.object({ progress: z.number(), total: z.number().optional(), message: z.string().optional() }).optional(),
});
export type ActiveCall = z.infer<typeof ActiveCallSchema>;
