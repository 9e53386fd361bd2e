import { z } from 'zod';
import { EpochMsSchema, JsonObjectSchema, ServerIdSchema } from './common';
import { TruncatedSchema } from './tool';

/**
 * The contract methods whose requests are kept in history: everything a person (or the CLI) sends
 * to a server through the engine. Load, fuzz and test runs keep their own records.
 */
export const HISTORY_KINDS = [
  'tools.call',
  'resources.list',
  'resources.templates',
  'resources.read',
  'resources.subscribe',
  'resources.unsubscribe',
  'prompts.list',
  'prompts.get',
  'completion.complete',
  'servers.ping',
  'logging.setLevel',
] as const;
export const HistoryKindSchema = z.enum(HISTORY_KINDS);
export type HistoryKind = z.infer<typeof HistoryKindSchema>;

export const HistoryStatusSchema = z.enum(['ok', 'toolError', 'protocolError', 'timeout', 'cancelled', 'crashed']);
export type HistoryStatus = z.infer<typeof HistoryStatusSchema>;

/** What the list shows of an entry: enough to find it, without its (possibly large) result. */
export const HistorySummarySchema = z.object({
  /** Stable across restarts; `history.get` and `history.replay` take it. */
  id: z.string(),
  /** Grows by one per entry of this workspace, across restarts: newest = highest. */
  seq: z.number().int(),
  serverId: ServerIdSchema,
  /** The server's name when the request was sent (it may have been renamed or removed since). */
  serverName: z.string(),
  kind: HistoryKindSchema,
  /** The MCP method sent (`tools/call`, `resources/read`, …). */
  method: z.string(),
  /** What it was about: the tool, URI, prompt, argument or level. */
  target: z.string().optional(),
  status: HistoryStatusSchema,
  startedAt: EpochMsSchema,
  durationMs: z.number(),
  requestBytes: z.number().int(),
  responseBytes: z.number().int().optional(),
  /** The arguments in one short line. */
  preview: z.string(),
  /** Why it failed, in one line (failures only). */
  error: z.string().optional(),
  /** Which window or tool sent it: the desktop app, the browser UI, or the CLI / an in-process caller. */
  origin: z.enum(['electron', 'websocket', 'in-memory']),
  /** An MCP App sent it (its `ui://` URI), not the person. */
  fromApp: z.string().optional(),
  /** The entry this one replayed. */
  replayOf: z.string().optional(),
  /** A secret value of the server was blanked out of the request or the result. */
  redacted: z.boolean().optional(),
});
export type HistorySummary = z.infer<typeof HistorySummarySchema>;

export const HistoryEntrySchema = HistorySummarySchema.extend({
  /** The request's parameters as sent (without serverId), secret values blanked out. */
  params: JsonObjectSchema,
  /** The parameters were too large to keep inline: the whole of them is in this file (replay reads it). */
  paramsSavedTo: z.string().optional(),
  /**
   * The outcome as the caller got it: a ToolCallOutcome for `tools.call`, a request outcome for
   * the others. Past the per-entry bound the result is a trimmed view and `truncated` says where the
   * whole one is.
   */
  outcome: JsonObjectSchema,
  truncated: TruncatedSchema.optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const HistoryListRequestSchema = z.object({
  serverId: ServerIdSchema.optional(),
  kinds: z.array(HistoryKindSchema).optional(),
  /** Exact tool name (or URI, prompt name…): the entry's `target`. */
  target: z.string().optional(),
  statuses: z.array(HistoryStatusSchema).optional(),
  /** Case-insensitive, across the target, the arguments and the result's text. */
  text: z.string().max(1000).optional(),
  /** Paging, newest first: entries with a lower seq than this. */
  before: z.number().int().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type HistoryListRequest = z.input<typeof HistoryListRequestSchema>;

/** Kept and dropped counts of the workspace's history: what fell out is counted, never silently lost. */
const HistoryCounts = {
  /** Entries kept now. */
  kept: z.number().int(),
  /** Entries that fell out (over the bound of entries or bytes) since the history was last cleared. */
  dropped: z.number().int(),
  /** Every kept entry has a seq of at least this (0 when empty). */
  oldestSeq: z.number().int(),
};

export const HistoryListSchema = z.object({
  /** Newest first. */
  entries: z.array(HistorySummarySchema),
  /** How many entries match the filters (all pages). */
  matched: z.number().int(),
  /** Pass as `before` for the next page; absent on the last page. */
  nextBefore: z.number().int().optional(),
  ...HistoryCounts,
  /** The bounds: the newest `maxEntries` entries within `maxBytes` are kept. */
  maxEntries: z.number().int(),
  maxBytes: z.number().int(),
  /** The history file could not be read or written: entries are kept in memory only until it can. */
  problem: z.string().optional(),
});
export type HistoryList = z.infer<typeof HistoryListSchema>;

export const HistoryAppendedSchema = z.object({
  /** Oldest first (the order they were sent in). */
  entries: z.array(HistorySummarySchema),
  ...HistoryCounts,
});
export type HistoryAppended = z.infer<typeof HistoryAppendedSchema>;

export const HistoryStreamParamsSchema = z.object({
  serverId: ServerIdSchema.optional(),
  /** Replay the kept entries after this seq first (a reconnect passes the last one it saw); absent = live only. */
  afterSeq: z.number().int().optional(),
});
