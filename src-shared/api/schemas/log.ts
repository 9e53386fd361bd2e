import { z } from 'zod';
import { EpochMsSchema, ServerIdSchema } from './common';
import { RequestTimeoutMsSchema } from './request';

export const LogSourceSchema = z.enum(['stderr', 'stdout', 'protocol', 'notification', 'lifecycle', 'app']);
export type LogSource = z.infer<typeof LogSourceSchema>;

/** The MCP (syslog) levels, lowest first. */
export const LOG_LEVELS = ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'] as const;
export const LogLevelSchema = z.enum(LOG_LEVELS);
export type LogLevel = z.infer<typeof LogLevelSchema>;

export const ProtocolMetaSchema = z.object({
  dir: z.enum(['in', 'out']),
  kind: z.enum(['request', 'response', 'error', 'notification']),
  method: z.string().optional(),
  id: z.union([z.string(), z.number()]).optional(),
  bytes: z.number().int(),
  latencyMs: z.number().optional(),
  /** What the other fields do not say: the tool name, the resource URI, the error code and message. */
  detail: z.string().optional(),
});
export type ProtocolMeta = z.infer<typeof ProtocolMetaSchema>;

export const LogEntrySchema = z.object({
  seq: z.number().int(),
  ts: EpochMsSchema,
  serverId: ServerIdSchema,
  source: LogSourceSchema,
  level: LogLevelSchema,
  text: z.string(),
  /** Structured payload: the JSON-RPC message for protocol entries, `data` for server log messages. */
  data: z.unknown().optional(),
  protocol: ProtocolMetaSchema.optional(),
  /** The logger name of a `notifications/message`. */
  logger: z.string().optional(),
});
export type LogEntry = z.infer<typeof LogEntrySchema>;

export const LogCountsSchema = z.object({
  /** Entries ever appended for this server. */
  appended: z.number().int(),
  /** Entries pushed out of the full ring. appended = kept + dropped + cleared, always. */
  dropped: z.number().int(),
  /** Entries the user cleared. */
  cleared: z.number().int(),
  kept: z.number().int(),
  /** Entries ever appended, by source (how many stderr lines the server wrote, for instance). */
  bySource: z.partialRecord(LogSourceSchema, z.number().int()),
});
export type LogCounts = z.infer<typeof LogCountsSchema>;

export const LogBatchSchema = z.object({
  entries: z.array(LogEntrySchema),
  /** Entries after the cursor that had already left the ring when replaying (a visible gap, never a silent one). */
  missed: z.number().int().default(0),
});
export type LogBatch = z.infer<typeof LogBatchSchema>;

export const LogStreamParamsSchema = z.object({
  serverId: ServerIdSchema.optional(),
  afterSeq: z.number().int().min(0).default(0),
});

export const LoggingSetLevelRequestSchema = z.object({
  serverId: ServerIdSchema,
  level: LogLevelSchema,
  /**
   * Send it even though the server does not advertise `logging` (the spec says not to; some
   * servers handle it anyway). Without it such a call is refused with a Conflict ApiError.
   */
  force: z.boolean().default(false),
  timeoutMs: RequestTimeoutMsSchema,
});
export type LoggingSetLevelRequest = z.input<typeof LoggingSetLevelRequestSchema>;
