import { z } from 'zod';
import { EpochMsSchema, ServerIdSchema } from './common';

export const ProcessSampleSchema = z.object({
  ts: EpochMsSchema,
  serverId: ServerIdSchema,
  /** Resident memory of the server's whole process tree. */
  rssBytes: z.number().nullable(),
  /** Percent of one core over the last interval; null for the first sample (there is no interval yet). */
  cpuPercent: z.number().nullable(),
  processCount: z.number().int(),
});
export type ProcessSample = z.infer<typeof ProcessSampleSchema>;

export const LatencySummarySchema = z.object({
  count: z.number().int(),
  p50: z.number().nullable(),
  p95: z.number().nullable(),
  p99: z.number().nullable(),
  max: z.number().nullable(),
  mean: z.number().nullable(),
});
export type LatencySummary = z.infer<typeof LatencySummarySchema>;

export const ToolStatsSchema = z.object({
  serverId: ServerIdSchema,
  toolName: z.string(),
  calls: z.number().int(),
  errors: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  latency: LatencySummarySchema,
  /** Call counts by latency bucket (upper bound in ms; the last bound is Infinity as null). */
  buckets: z.array(z.object({ le: z.number().nullable(), count: z.number().int() })).optional(),
  lastCallAt: EpochMsSchema.optional(),
});
export type ToolStats = z.infer<typeof ToolStatsSchema>;

/** A moment worth marking on a time axis: a start, a crash, a reload, a load run. */
export const TimelineMarkSchema = z.object({
  at: EpochMsSchema,
  serverId: ServerIdSchema,
  kind: z.enum(['start', 'stop', 'crash', 'restart', 'reload', 'loadStart', 'loadEnd']),
  label: z.string(),
});
export type TimelineMark = z.infer<typeof TimelineMarkSchema>;

export const MetricsBatchSchema = z.object({
  samples: z.array(ProcessSampleSchema),
  /** Marks since the previous batch (the first batch: the recent ones). */
  marks: z.array(TimelineMarkSchema).optional(),
});
export type MetricsBatch = z.infer<typeof MetricsBatchSchema>;
