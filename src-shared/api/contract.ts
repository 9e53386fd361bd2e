import { z } from 'zod';
import { ServerIdSchema } from './schemas/common';
import { ServerConfigInputSchema, ServerConfigSchema, ServerSummarySchema } from './schemas/server';
import { ActiveCallSchema, ToolCallOutcomeSchema, ToolCallRequestSchema, ToolListSchema } from './schemas/tool';
import { LogBatchSchema, LogCountsSchema, LogStreamParamsSchema } from './schemas/log';
import { MetricsBatchSchema, ToolStatsSchema } from './schemas/metrics';
import { LoadRunSchema, LoadRunSpecSchema, LoadRunSummarySchema } from './schemas/load';

interface MethodSpec<P extends z.ZodType, R extends z.ZodType> {
  params: P;
  result: R;
}
interface StreamSpec<P extends z.ZodType, E extends z.ZodType> {
  params: P;
  event: E;
}
const method = <P extends z.ZodType, R extends z.ZodType>(params: P, result: R): MethodSpec<P, R> => ({ params, result });
const stream = <P extends z.ZodType, E extends z.ZodType>(params: P, event: E): StreamSpec<P, E> => ({ params, event });

const ByServer = z.object({ serverId: ServerIdSchema });

export const AppInfoSchema = z.object({
  name: z.literal('MCP Lab'),
  version: z.string(),
  host: z.enum(['electron', 'web', 'cli', 'test']),
  workspaceDir: z.string(),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

/**
 * The one contract between the engine and every shell. Each method is call → result; each
 * stream starts with a snapshot (or a replay from a cursor) and then sends changes.
 */
export const apiContract = {
  methods: {
    'app.info': method(z.object({}), AppInfoSchema),

    'servers.list': method(z.object({}), z.array(ServerSummarySchema)),
    'servers.add': method(ServerConfigInputSchema, ServerSummarySchema),
    'servers.update': method(ServerConfigSchema, ServerSummarySchema),
    'servers.remove': method(ByServer, z.object({ removed: z.boolean() })),
    'servers.start': method(ByServer, ServerSummarySchema),
    'servers.stop': method(ByServer, ServerSummarySchema),
    'servers.restart': method(ByServer, ServerSummarySchema),

    'tools.list': method(ByServer, ToolListSchema),
    'tools.call': method(ToolCallRequestSchema, ToolCallOutcomeSchema),

    'logs.counts': method(ByServer, LogCountsSchema),
    'logs.clear': method(z.object({ serverId: ServerIdSchema.optional() }), z.object({ cleared: z.number().int() })),

    'metrics.toolStats': method(z.object({ serverId: ServerIdSchema.optional() }), z.array(ToolStatsSchema)),

    /** Start a load run or a leak hunt; progress arrives on `load.progressed`. */
    'load.start': method(LoadRunSpecSchema, LoadRunSchema),
    'load.stop': method(z.object({ runId: z.string() }), LoadRunSchema),
    /** Saved runs of this workspace, newest first. */
    'load.list': method(z.object({ serverId: ServerIdSchema.optional() }), z.array(LoadRunSummarySchema)),
    'load.get': method(z.object({ runId: z.string() }), LoadRunSchema),
  },
  streams: {
    /** Snapshot of every server, then a new snapshot on each change. */
    'servers.changed': stream(z.object({}), z.array(ServerSummarySchema)),
    /** The server's current tool list, then each refresh (start, list_changed, restart). */
    'tools.changed': stream(ByServer, ToolListSchema),
    /** Replay from `afterSeq`, then live batches (at most every ~50 ms). */
    'logs.appended': stream(LogStreamParamsSchema, LogBatchSchema),
    /** Recent samples first, then each new sample. */
    'metrics.sampled': stream(z.object({ serverId: ServerIdSchema.optional() }), MetricsBatchSchema),
    /** Per-tool statistics: a snapshot, then a snapshot after each completed call. */
    'metrics.toolStatsChanged': stream(z.object({ serverId: ServerIdSchema.optional() }), z.array(ToolStatsSchema)),
    /** Calls in flight with their progress: a snapshot, then a snapshot on each change. */
    'calls.active': stream(z.object({}), z.array(ActiveCallSchema)),
    /** Runs in progress first, then a snapshot of a run each second and when it ends. */
    'load.progressed': stream(z.object({ runId: z.string().optional() }), LoadRunSchema),
  },
} as const;

export type ApiContract = typeof apiContract;
export type MethodName = keyof ApiContract['methods'];
export type StreamName = keyof ApiContract['streams'];

/** What a caller passes (defaults may be omitted). */
export type MethodParams<M extends MethodName> = z.input<ApiContract['methods'][M]['params']>;
/** What a handler receives (defaults applied). */
export type MethodArgs<M extends MethodName> = z.output<ApiContract['methods'][M]['params']>;
export type MethodResult<M extends MethodName> = z.output<ApiContract['methods'][M]['result']>;
export type StreamParams<S extends StreamName> = z.input<ApiContract['streams'][S]['params']>;
export type StreamArgs<S extends StreamName> = z.output<ApiContract['streams'][S]['params']>;
export type StreamEvent<S extends StreamName> = z.output<ApiContract['streams'][S]['event']>;

export type CallOrigin = 'electron' | 'websocket' | 'in-memory';
export interface CallContext {
  signal: AbortSignal;
  origin: CallOrigin;
}

export type ApiHandlers = {
  [M in MethodName]: (params: MethodArgs<M>, ctx: CallContext) => Promise<MethodResult<M>>;
};

/** A stream source: subscribe with a sink, get back an unsubscribe. The first event must come promptly. */
export type ApiStreams = {
  [S in StreamName]: (params: StreamArgs<S>, emit: (event: StreamEvent<S>) => void) => { dispose(): void };
};

export const API_PROTOCOL_VERSION = 1;
