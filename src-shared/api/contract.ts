import { z } from 'zod';
import { ServerIdSchema } from './schemas/common';
import { ServerConfigInputSchema, ServerConfigSchema, ServerSummarySchema } from './schemas/server';
import { ActiveCallSchema, ToolCallOutcomeSchema, ToolCallRequestSchema, ToolListSchema } from './schemas/tool';
import { LogBatchSchema, LogCountsSchema, LogStreamParamsSchema, LoggingSetLevelRequestSchema } from './schemas/log';
import { MetricsBatchSchema, ToolStatsSchema } from './schemas/metrics';
import { EmptyOutcomeSchema, ServerRequestSchema } from './schemas/request';
import {
  ResourceListSchema,
  ResourceReadOutcomeSchema,
  ResourceReadRequestSchema,
  ResourceSubscriptionRequestSchema,
  ResourceTemplatesOutcomeSchema,
  ResourceUpdateSchema,
  ResourcesListOutcomeSchema,
} from './schemas/resource';
import { PromptGetOutcomeSchema, PromptGetRequestSchema, PromptListSchema, PromptsListOutcomeSchema } from './schemas/prompt';
import { CompletionOutcomeSchema, CompletionRequestSchema } from './schemas/completion';
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
    /** `ping`; the outcome's `durationMs` is the round trip. */
    'servers.ping': method(ServerRequestSchema, EmptyOutcomeSchema),

    'tools.list': method(ByServer, ToolListSchema),
    'tools.call': method(ToolCallRequestSchema, ToolCallOutcomeSchema),

    // Requests to a running server resolve to outcomes (ok | protocolError | timeout | cancelled |
    // crashed); a server that is not ready rejects with ServerNotReady, as tools.call does.
    /** Every page of `resources/list`. Also refreshes the `resources.changed` snapshot. */
    'resources.list': method(ServerRequestSchema, ResourcesListOutcomeSchema),
    /** Every page of `resources/templates/list`. Also refreshes the `resources.changed` snapshot. */
    'resources.templates': method(ServerRequestSchema, ResourceTemplatesOutcomeSchema),
    /** Large contents come back as `savedTo` a file under `<appData>/downloads/`, not inline. */
    'resources.read': method(ResourceReadRequestSchema, ResourceReadOutcomeSchema),
    'resources.subscribe': method(ResourceSubscriptionRequestSchema, EmptyOutcomeSchema),
    'resources.unsubscribe': method(ResourceSubscriptionRequestSchema, EmptyOutcomeSchema),

    /** Every page of `prompts/list`. Also refreshes the `prompts.changed` snapshot. */
    'prompts.list': method(ServerRequestSchema, PromptsListOutcomeSchema),
    'prompts.get': method(PromptGetRequestSchema, PromptGetOutcomeSchema),

    'completion.complete': method(CompletionRequestSchema, CompletionOutcomeSchema),
    /** Refused with Conflict when the server does not advertise `logging`, unless `force`. */
    'logging.setLevel': method(LoggingSetLevelRequestSchema, EmptyOutcomeSchema),

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
    /** The server's resources and templates, then each refresh (start, list_changed, resources.list/templates). */
    'resources.changed': stream(ByServer, ResourceListSchema),
    /** One event per `notifications/resources/updated` (subscribe first with resources.subscribe). Live only. */
    'resources.updated': stream(z.object({ serverId: ServerIdSchema.optional() }), ResourceUpdateSchema),
    /** The server's prompts, then each refresh (start, list_changed, prompts.list). */
    'prompts.changed': stream(ByServer, PromptListSchema),
    /** Replay from `afterSeq`, then live batches (at most every ~50 ms). */
    'logs.appended': stream(LogStreamParamsSchema, LogBatchSchema),
    /** Recent samples first, then each new sample. */
    /** A log was cleared (one server's, or all when serverId is absent): viewers drop their copy. Live only. */
    'logs.cleared': stream(z.object({}), z.object({ serverId: ServerIdSchema.optional() })),
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
