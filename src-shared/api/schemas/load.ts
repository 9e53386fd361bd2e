import { z } from 'zod';
import { EpochMsSchema, JsonObjectSchema, ServerIdSchema } from './common';
import { LatencySummarySchema } from './metrics';

export const LoadArgsSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('fixed'), arguments: JsonObjectSchema }),
  /** Cycled in order: call i uses list[i % n]. */
  z.object({ mode: z.literal('list'), list: z.array(JsonObjectSchema).min(1).max(10_000) }),
  /** Valid arguments generated from the tool's inputSchema; the seed makes a run repeatable. */
  z.object({ mode: z.literal('generated'), seed: z.number().int().default(1) }),
]);
export type LoadArgs = z.infer<typeof LoadArgsSchema>;

export const MAX_LOAD_SECONDS = 3600;

export const LoadRunSpecSchema = z.object({
  serverId: ServerIdSchema,
  toolName: z.string().min(1),
  args: LoadArgsSchema,
  concurrency: z.number().int().min(1).max(256).default(4),
  /** Stop after this long, or after this many calls; whichever is given (both: the first reached). */
  durationSeconds: z.number().positive().max(MAX_LOAD_SECONDS).optional(),
  calls: z.number().int().positive().max(10_000_000).optional(),
  /** Workers start spread over this many seconds. */
  rampUpSeconds: z.number().min(0).max(600).default(0),
  timeoutMs: z.number().int().positive().max(600_000).default(30_000),
  /** A leak hunt calls one at a time and reads memory after every batch. */
  kind: z.enum(['load', 'leak']).default('load'),
});
export type LoadRunSpec = z.infer<typeof LoadRunSpecSchema>;
export type LoadRunSpecInput = z.input<typeof LoadRunSpecSchema>;

/** One second of a run: what the live chart draws. */
export const LoadTickSchema = z.object({
  t: EpochMsSchema,
  completed: z.number().int(),
  errors: z.number().int(),
  inFlight: z.number().int(),
  callsPerSecond: z.number(),
  p50: z.number().nullable(),
  p95: z.number().nullable(),
  rssBytes: z.number().nullable(),
});
export type LoadTick = z.infer<typeof LoadTickSchema>;

export const LeakVerdictSchema = z.object({
  verdict: z.enum(['growing', 'stable', 'inconclusive']),
  /** RSS growth per 1,000 calls after warm-up, from a least-squares fit. */
  bytesPer1000Calls: z.number().nullable(),
  /** How well a straight line explains the growth (0..1). */
  rSquared: z.number().nullable(),
  warmupCalls: z.number().int(),
  explanation: z.string(),
  /** The readings the verdict rests on: [calls so far, RSS bytes], for a chart. */
  points: z.array(z.tuple([z.number(), z.number()])),
});
export type LeakVerdict = z.infer<typeof LeakVerdictSchema>;

/**
 * MCP Lab's own event loop during a run (the engine's process). A loop busy nearly all the time
 * means the figures measure MCP Lab, not the server: the card says so.
 */
export const LoadRunSelfSchema = z.object({
  /** Share of the run's wall time the engine's event loop was busy (0..1). */
  eventLoopUtilization: z.number(),
  /** How late the engine's timers ran, 99th percentile, in ms (a busy loop answers late). */
  lagP99Ms: z.number().nullable(),
  /** True when MCP Lab, not the server, was the limit of the run. */
  limitedByMcpLab: z.boolean(),
});
export type LoadRunSelf = z.infer<typeof LoadRunSelfSchema>;

export const LoadRunSchema = z.object({
  runId: z.string(),
  spec: LoadRunSpecSchema,
  state: z.enum(['running', 'stopping', 'completed', 'stopped', 'failed']),
  /** Why a run ended early or failed, in words. */
  reason: z.string().optional(),
  startedAt: EpochMsSchema,
  endedAt: EpochMsSchema.optional(),
  issued: z.number().int(),
  completed: z.number().int(),
  /** Every completed call counted once by its outcome status: the values sum to `completed`. */
  byStatus: z.record(z.string(), z.number().int()),
  latency: LatencySummarySchema,
  callsPerSecond: z.number(),
  rssStartBytes: z.number().nullable(),
  rssPeakBytes: z.number().nullable(),
  rssEndBytes: z.number().nullable(),
  /** Leak hint: RSS growth per 1,000 calls over the run (least squares over the timeline). */
  rssGrowthPer1000Calls: z.number().nullable(),
  timeline: z.array(LoadTickSchema),
  leak: LeakVerdictSchema.optional(),
  /** Absent in runs saved before it was measured. */
  self: LoadRunSelfSchema.optional(),
});
export type LoadRun = z.infer<typeof LoadRunSchema>;

/** A saved run, small enough to list and compare. */
export const LoadRunSummarySchema = LoadRunSchema.omit({ timeline: true });
export type LoadRunSummary = z.infer<typeof LoadRunSummarySchema>;
