import { z } from 'zod';
import { ServerIdSchema } from './schemas/common';
import { ServerConfigInputSchema, ServerRunOverridesSchema, ServerSummarySchema, ServerUpdateSchema } from './schemas/server';
import { SetAsideDecisionSchema, WorkspaceConfigStatusSchema } from './schemas/config-status';
import { TaskCancelRequestSchema, TaskRecordSchema } from './schemas/task';
import { ActiveCallSchema, ToolCallOutcomeSchema, ToolCallRequestSchema, ToolListSchema } from './schemas/tool';
import { LogBatchSchema, LogCountsSchema, LogStreamParamsSchema, LoggingSetLevelRequestSchema } from './schemas/log';
import { MetricsBatchSchema, ToolStatsSchema } from './schemas/metrics';
import { EmptyOutcomeSchema, ServerRequestSchema } from './schemas/request';
import {
  ResourceListSchema,
  ResourceReadOutcomeSchema,
  ResourceReadRequestSchema,
  ResourceSubscriptionRequestSchema,
  ResourceTemplateExpandRequestSchema,
  ResourceTemplateExpansionSchema,
  ResourceTemplatesOutcomeSchema,
  ResourceUpdateSchema,
  ResourcesListOutcomeSchema,
} from './schemas/resource';
import { SessionExportSchema } from './schemas/session-file';
import { ServerSurfaceSchema, SurfaceVersionSchema } from './schemas/surface';
import { PromptGetOutcomeSchema, PromptGetRequestSchema, PromptListSchema, PromptsListOutcomeSchema } from './schemas/prompt';
import { CompletionOutcomeSchema, CompletionRequestSchema } from './schemas/completion';
import { LoadRunSchema, LoadRunSpecSchema, LoadRunSummarySchema } from './schemas/load';
import { EndedClientRequestSchema, PendingClientRequestSchema, RespondRequestSchema, RespondResultSchema } from './schemas/client-request';
import { FuzzRunSchema, FuzzSpecSchema } from './schemas/fuzz';
import { DeprecationReportSchema } from './schemas/deprecation';
import { NetworkBatchSchema } from './schemas/network';
import { LintReportSchema, LintRequestSchema, LintRuleInfoSchema } from './schemas/lint';
import {
  CaseRefSchema,
  SaveCaseRequestSchema,
  SuiteInfoSchema,
  SuiteListRequestSchema,
  SuiteListSchema,
  TestExportRequestSchema,
  TestExportResultSchema,
  TestRunRequestSchema,
  TestRunSchema,
} from './schemas/testing';
import {
  FileChangeBatchSchema,
  FileContentSchema,
  FileSaveOutcomeSchema,
  FileSaveRequestSchema,
  JournalUpdateSchema,
  RecentWorkspaceSchema,
  RecoveryEntrySchema,
  TreeListingSchema,
  TreeRequestSchema,
  WorkspaceInfoSchema,
  WorkspacePathSchema,
} from './schemas/workspace';
import {
  ProjectCreateRequestSchema,
  ProjectAddExampleRequestSchema,
  ProjectAddExampleResultSchema,
  ProjectCreateResultSchema,
  ProjectSetupRequestSchema,
  SetupJobSchema,
  TemplateInfoSchema,
} from './schemas/project';
import { ReloadEventSchema } from './schemas/reload';
import { OAuthTracesSchema } from './schemas/oauth-trace';
import { ToolApplyRequestSchema, ToolPlanRequestSchema, ToolPlanSchema, ToolSourceSchema } from './schemas/tool-builder';
import {
  HistoryAppendedSchema,
  HistoryEntrySchema,
  HistoryListRequestSchema,
  HistoryListSchema,
  HistoryStreamParamsSchema,
} from './schemas/history';
import {
  DebugEvaluateRequestSchema,
  DebugEvaluateResultSchema,
  DebuggerInstallResultSchema,
  DebugScopeSchema,
  DebugStateSchema,
  DebugStepRequestSchema,
  DebugVariableSchema,
  FileBreakpointsSchema,
  StackFrameInfoSchema,
} from './schemas/debug';
import {
  ExportRequestSchema,
  ExportResultSchema,
  ImportPreviewRequestSchema,
  ImportPreviewSchema,
  ImportRequestSchema,
  ImportResultSchema,
  ImportSourceSchema,
} from './schemas/server-import';

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
/**
 * What every stream that is about servers takes: `serverId` is an optional filter. Without it the
 * stream follows every server (those added later too), and each event names its server.
 */
const ServerFilter = z.object({ serverId: ServerIdSchema.optional() });

export const AppInfoSchema = z.object({
  name: z.literal('MCP Lab'),
  version: z.string(),
  host: z.enum(['electron', 'web', 'cli', 'test']),
  workspaceDir: z.string(),
  platform: z.string(),
  /** Things the engine found at start that a person should know (leftover processes it stopped). */
  notices: z.array(z.string()).optional(),
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
    /**
     * With `baseVersion` (the summary's `configVersion` the edit started from): refused as a Conflict when
     * mcp-lab.json changed the server meanwhile.
     */
    'servers.update': method(ServerUpdateSchema, ServerSummarySchema),
    'servers.remove': method(ByServer, z.object({ removed: z.boolean() })),
    'servers.start': method(ByServer, ServerSummarySchema),
    'servers.stop': method(ByServer, ServerSummarySchema),
    'servers.restart': method(ByServer, ServerSummarySchema),
    /** A person reviewed the command (summary.consent) and allows it to run; the fingerprint must still match. */
    'servers.approve': method(z.object({ serverId: ServerIdSchema, fingerprint: z.string() }), ServerSummarySchema),
    /** `ping`; the outcome's `durationMs` is the round trip. */
    'servers.ping': method(ServerRequestSchema, EmptyOutcomeSchema),
    /** Features the 2026-07-28 revision deprecates that the server was seen to use this run (declared, sent, or how MCP Lab signed in). */
    'servers.deprecations': method(ByServer, DeprecationReportSchema),
    /** What the server offers now, as a snapshot (`mcp-lab surface`); ServerNotReady unless it is ready. */
    'surface.get': method(ByServer, ServerSurfaceSchema),
    /**
     * The server's session as one file (info, surface, log, history, load runs, HTTP requests), secrets
     * blanked: opened read-only with SessionFileSchema.
     */
    'sessions.export': method(ByServer, SessionExportSchema),
    /** Forget the kept HTTP requests of a remote server (the Network view's Clear). */
    'network.clear': method(ByServer, z.object({ cleared: z.boolean() })),
    // Remote servers: the OAuth state is in the summary (`oauth`). A sign-in starts when a
    // started server asks for one; `oauth.pending.url` is for a person to open (the engine never does).
    /** Forget the server's OAuth tokens (its client registration stays); a running connection is closed. */
    'servers.signOut': method(ByServer, ServerSummarySchema),
    /** Settings for this engine's life only, never saved (the CLI's flags over a workspace server); needs `overrideForRun`. */
    'servers.overrideForRun': method(ServerRunOverridesSchema, ServerSummarySchema),
    /** Rename a secret store that cannot be read next to itself (`movedTo`) and start with an empty one. */
    'secrets.moveAside': method(z.object({}), z.object({ movedTo: z.string() })),
    /**
     * Secrets an earlier MCP Lab saved under the server id alone (summary.secretsSetAside): use them in this
     * workspace, or discard them.
     */
    'secrets.resolveSetAside': method(SetAsideDecisionSchema, ServerSummarySchema),

    'tools.list': method(ByServer, ToolListSchema),
    'tools.call': method(ToolCallRequestSchema, ToolCallOutcomeSchema),
    /** Ask the server to cancel a task MCP Lab started (`tasks/cancel`); its tools.call then resolves cancelled. */
    'tasks.cancel': method(TaskCancelRequestSchema, z.object({ cancelled: z.boolean() })),

    // The debugger: a server started with debug.start runs under its language's debugger on
    // 127.0.0.1, and MCP Lab is its client. While it is paused, calls' timeouts and health pings wait.
    /** Start (or restart) under the debugger; a later servers.start runs it without. Needs the same consent as servers.start. */
    'debug.start': method(ByServer, ServerSummarySchema),
    /** A person agreed to install debugpy into the server's own Python environment. */
    'debug.installDebugpy': method(ByServer, DebuggerInstallResultSchema),
    'debug.breakpoints': method(z.object({}), z.array(FileBreakpointsSchema)),
    /** Replace one file's breakpoints (an empty list removes them); running servers get them at once. */
    'debug.setBreakpoints': method(FileBreakpointsSchema, FileBreakpointsSchema),
    // These need the server paused (Conflict otherwise).
    'debug.step': method(DebugStepRequestSchema, DebugStateSchema),
    'debug.stackTrace': method(ByServer, z.array(StackFrameInfoSchema)),
    'debug.scopes': method(z.object({ serverId: ServerIdSchema, frameId: z.number().int() }), z.array(DebugScopeSchema)),
    'debug.variables': method(
      z.object({ serverId: ServerIdSchema, variablesReference: z.number().int().min(1) }),
      z.array(DebugVariableSchema),
    ),
    'debug.evaluate': method(DebugEvaluateRequestSchema, DebugEvaluateResultSchema),

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
    // Resource templates are expanded here, in one place (the SDK's RFC 6570 UriTemplate): the UI
    // asks for the URI, then reads it with resources.read. No server needed; a malformed template
    // is InvalidParams.
    'resources.expandTemplate': method(ResourceTemplateExpandRequestSchema, ResourceTemplateExpansionSchema),

    /** Every page of `prompts/list`. Also refreshes the `prompts.changed` snapshot. */
    'prompts.list': method(ServerRequestSchema, PromptsListOutcomeSchema),
    'prompts.get': method(PromptGetRequestSchema, PromptGetOutcomeSchema),

    'completion.complete': method(CompletionRequestSchema, CompletionOutcomeSchema),
    /** Refused with Conflict when the server does not advertise `logging`, unless `force`. */
    'logging.setLevel': method(LoggingSetLevelRequestSchema, EmptyOutcomeSchema),

    /** Read back a file MCP Lab saved in its downloads folder (a whole tool result, a large resource). */
    'downloads.read': method(z.object({ path: z.string() }), z.object({ text: z.string() })),
    'logs.counts': method(ByServer, LogCountsSchema),
    'logs.clear': method(z.object({ serverId: ServerIdSchema.optional() }), z.object({ cleared: z.number().int() })),

    'metrics.toolStats': method(z.object({ serverId: ServerIdSchema.optional() }), z.array(ToolStatsSchema)),

    /** Start a load run or a leak hunt; progress arrives on `load.progressed`. */
    'load.start': method(LoadRunSpecSchema, LoadRunSchema),
    'load.stop': method(z.object({ runId: z.string() }), LoadRunSchema),
    /** Saved runs of this workspace, newest first. */
    'load.list': method(z.object({ serverId: ServerIdSchema.optional() }), z.array(LoadRunSummarySchema)),
    'load.get': method(z.object({ runId: z.string() }), LoadRunSchema),

    // Testing: saved suites in `.mcp-lab/tests/`, one runner for the UI and `mcp-lab test`,
    // schema fuzzing and the best-practice linter.
    /** Every suite file of the workspace, with the problems of those that cannot be used. */
    'tests.list': method(SuiteListRequestSchema, SuiteListSchema),
    /** Start a run (all, some suites, some cases, or the failed ones of a run); progress on `tests.progressed`. */
    'tests.run': method(TestRunRequestSchema, TestRunSchema),
    'tests.stop': method(z.object({ runId: z.string() }), TestRunSchema),
    /** Append (or replace) a case in a suite file, keeping the file's comments and layout. */
    'tests.saveCase': method(SaveCaseRequestSchema, SuiteInfoSchema),
    'tests.deleteCase': method(CaseRefSchema, SuiteInfoSchema),
    /** Write what a case answered in a run as its new snapshot. */
    'tests.acceptSnapshot': method(CaseRefSchema.extend({ runId: z.string() }), z.object({ written: z.boolean(), file: z.string() })),
    /** A suite as a pytest or vitest file of the server's own project; written inside the workspace only when asked. */
    'tests.export': method(TestExportRequestSchema, TestExportResultSchema),
    /** Fuzz a tool from its inputSchema; progress and findings on `fuzz.progressed`. */
    'fuzz.start': method(FuzzSpecSchema, FuzzRunSchema),
    'fuzz.stop': method(z.object({ runId: z.string() }), FuzzRunSchema),
    /** Lint a running server: its lists, its protocol behaviour, its source when it can be found. */
    'lint.run': method(LintRequestSchema, LintReportSchema),
    /** The rules, with whether this workspace switched them off (`.mcp-lab/lint.json`). */
    'lint.rules': method(z.object({}), z.array(LintRuleInfoSchema)),
    'lint.setRule': method(z.object({ ruleId: z.string(), enabled: z.boolean() }), z.array(LintRuleInfoSchema)),

    // Workspace files for the editor. Paths are relative to the workspace folder and
    // resolved inside it; a save that would overwrite a changed disk comes back as a conflict.
    'workspace.info': method(z.object({}), WorkspaceInfoSchema),
    /** One folder level (lazy tree); node_modules, .venv, .git… are counted, not listed, unless showIgnored. */
    'workspace.tree': method(TreeRequestSchema, TreeListingSchema),
    'workspace.read': method(z.object({ path: WorkspacePathSchema }), FileContentSchema),
    /** Atomic; `saved | conflict (with the disk content) | failed (original intact)`. */
    'workspace.save': method(FileSaveRequestSchema, FileSaveOutcomeSchema),
    /** Journal a dirty buffer (content null: clean again). Debounced, atomic, in the app-data folder. */
    'workspace.journal': method(JournalUpdateSchema, z.object({ journaled: z.boolean() })),
    /** Journaled buffers a new window should offer to restore (those the disk already holds are dropped). */
    'workspace.recovery': method(z.object({}), z.array(RecoveryEntrySchema)),
    'workspace.discardRecovery': method(z.object({ paths: z.array(WorkspacePathSchema).optional() }), z.object({ discarded: z.boolean() })),
    'workspace.recent': method(z.object({}), z.array(RecentWorkspaceSchema)),
    /**
     * Open another folder as the workspace: its servers replace these (which are stopped). The
     * window reconnects. Browser mode: only inside the workspace and `serve --allow-root` folders.
     */
    'workspace.open': method(z.object({ dir: z.string().min(1) }), WorkspaceInfoSchema),

    // New servers from templates: scaffold, then set up the environment as a job whose
    // steps and output arrive on projects.setupProgressed.
    /** The templates, with what setting up needs on this machine (python/uv/npm) and whether it was found. */
    'projects.templates': method(z.object({}), z.array(TemplateInfoSchema)),
    /** Refuses (Conflict) a folder that exists and is not empty: nothing is ever overwritten. */
    'projects.create': method(ProjectCreateRequestSchema, ProjectCreateResultSchema),
    /** A template's example server in a new folder of the workspace (example-typescript, -2, …), added and set up. */
    'projects.addExample': method(ProjectAddExampleRequestSchema, ProjectAddExampleResultSchema),
    /** Set up (again): create the environment, install, run the project's tests. */
    'projects.setup': method(ProjectSetupRequestSchema, SetupJobSchema),
    'projects.job': method(z.object({ jobId: z.string() }), SetupJobSchema),

    // The tool builder: read a server's tools from its source (Python via its own
    // interpreter's ast, TypeScript via the compiler API), plan a change as a diff, apply it.
    'toolBuilder.read': method(ByServer, ToolSourceSchema),
    /** Validates the model; the modified source is returned for a diff, nothing is written. */
    'toolBuilder.plan': method(ToolPlanRequestSchema, ToolPlanSchema),
    /** Write a planned change: `saved | conflict | failed`, like workspace.save. */
    'toolBuilder.apply': method(ToolApplyRequestSchema, FileSaveOutcomeSchema),

    // Server → client requests (sampling, elicitation) that wait for a person: the UI answers them.
    // A sampling request takes reply | reject, an elicitation accept | decline | cancel; form values
    // that break the requested schema are refused with InvalidParams (nothing is sent); an id that
    // is no longer pending (answered, withdrawn, timed out) is NotFound.
    'requests.respond': method(RespondRequestSchema, RespondResultSchema),

    // Call history: every request sent to a server through the engine (tools, resources,
    // prompts, completions, ping, log level), kept per workspace in the app-data folder, bounded.
    /** Newest first, filtered; `before` pages. */
    'history.list': method(HistoryListRequestSchema, HistoryListSchema),
    /** One entry with its parameters and outcome; NotFound once it fell out or was cleared. */
    'history.get': method(z.object({ id: z.string() }), HistoryEntrySchema),
    /** Forget one server's entries, or all of them. */
    'history.clear': method(z.object({ serverId: ServerIdSchema.optional() }), z.object({ cleared: z.number().int() })),
    /**
     * Send the entry's request again, as it was; the new outcome is itself recorded and returned as
     * its entry. ServerNotReady when the server is not running; Conflict when the request held a
     * secret that history blanked out (edit and resend it instead).
     */
    'history.replay': method(z.object({ id: z.string() }), HistoryEntrySchema),

    // Import and export of server lists: Claude Desktop, VS Code, Cursor, mcp-lab.json.
    // Imported servers are never approved: each needs a person's review before its first start.
    /** Where other clients keep their server lists on this machine (read only when asked to). */
    'servers.importSources': method(z.object({}), z.array(ImportSourceSchema)),
    /** Parse and check a file: what would be added, renamed or skipped and why. Nothing is changed. */
    'servers.importPreview': method(ImportPreviewRequestSchema, ImportPreviewSchema),
    /** Add the chosen entries of a preview (NotFound when the preview expired). Nothing is started. */
    'servers.import': method(ImportRequestSchema, ImportResultSchema),
    /** The workspace's servers in another client's format; secret values are never written. */
    'servers.export': method(ExportRequestSchema, ExportResultSchema),
  },
  streams: {
    /** Snapshot of every server, then a new snapshot on each change. */
    'servers.changed': stream(z.object({}), z.array(ServerSummarySchema)),
    /** The server's current tool list, then each refresh (start, list_changed, restart). */
    'tools.changed': stream(ServerFilter, ToolListSchema),
    /** The server's resources and templates, then each refresh (start, list_changed, resources.list/templates). */
    'resources.changed': stream(ServerFilter, ResourceListSchema),
    /** One event per `notifications/resources/updated` (subscribe first with resources.subscribe). Live only. */
    'resources.updated': stream(ServerFilter, ResourceUpdateSchema),
    /** The server's prompts, then each refresh (start, list_changed, prompts.list). */
    'prompts.changed': stream(ServerFilter, PromptListSchema),
    /** Replay from `afterSeq`, then live batches (at most every ~50 ms). */
    'logs.appended': stream(LogStreamParamsSchema, LogBatchSchema),
    /** Recent samples first, then each new sample. */
    /** A log was cleared (one server's, or all when serverId is absent): viewers drop their copy. Live only. */
    'logs.cleared': stream(z.object({}), z.object({ serverId: ServerIdSchema.optional() })),
    'metrics.sampled': stream(ServerFilter, MetricsBatchSchema),
    /** Per-tool statistics: a snapshot, then a snapshot after each completed call. */
    'metrics.toolStatsChanged': stream(ServerFilter, z.array(ToolStatsSchema)),
    /** Calls in flight with their progress: a snapshot, then a snapshot on each change. */
    'calls.active': stream(z.object({}), z.array(ActiveCallSchema)),
    /** The server's running and recent tasks (newest first): a snapshot, then a snapshot on each change. */
    'tasks.changed': stream(ServerFilter, z.object({ serverId: ServerIdSchema, tasks: z.array(TaskRecordSchema) })),
    /** A server's debug state: off, attaching, running, paused (where), ended. */
    'debug.changed': stream(ServerFilter, DebugStateSchema),
    'debug.breakpointsChanged': stream(z.object({}), z.array(FileBreakpointsSchema)),
    /** Runs in progress first, then a snapshot of a run each second and when it ends. */
    'load.progressed': stream(z.object({ runId: z.string().optional() }), LoadRunSchema),
    /** Testing: runs in progress first, then a snapshot of a run after each case. */
    'tests.progressed': stream(z.object({ runId: z.string().optional() }), TestRunSchema),
    /** Fuzz runs in progress first, then a snapshot after each batch of calls and at the end. */
    'fuzz.progressed': stream(z.object({ runId: z.string().optional() }), FuzzRunSchema),
    /** Files added, changed or removed in the workspace (batched). Live only: an empty batch first. */
    'workspace.fileChanged': stream(z.object({}), FileChangeBatchSchema),
    /** Whether mcp-lab.json and the secret store can be read: a snapshot, then a snapshot on each change. */
    'workspace.configChanged': stream(z.object({}), WorkspaceConfigStatusSchema),
    /** Setup jobs: every known job (or the one asked for) first, then each job as it changes. */
    'projects.setupProgressed': stream(z.object({ jobId: z.string().optional() }), z.array(SetupJobSchema)),
    /** Hot reload: the last reload of each server first, then each reload as it starts and ends. */
    'servers.reloaded': stream(ServerFilter, z.array(ReloadEventSchema)),
    /** Server → client requests waiting for a person: a snapshot, then a snapshot on each change. */
    'requests.pending': stream(ServerFilter, z.array(PendingClientRequestSchema)),
    /** Why each one stopped waiting (answered, withdrawn by the server, server stopped, timed out). Live only. */
    'requests.ended': stream(ServerFilter, EndedClientRequestSchema),
    /** Call history: the kept entries after `afterSeq` first (none without it), then each new one. */
    'history.appended': stream(HistoryStreamParamsSchema, HistoryAppendedSchema),
    /** History was cleared (one server's, or all when serverId is absent). Live only. */
    'history.cleared': stream(z.object({}), z.object({ serverId: ServerIdSchema.optional() })),
    /** OAuth sign-ins of a remote server, step by step (the sign-in debugger): the kept ones first, then each as it changes. */
    'oauth.traced': stream(ServerFilter, OAuthTracesSchema.extend({ serverId: ServerIdSchema })),
    /** A remote server's HTTP requests and responses, secrets masked (the Network view): the kept ones first, then each new one. */
    'network.recorded': stream(ServerFilter, NetworkBatchSchema.extend({ serverId: ServerIdSchema })),
    /**
     * The server's recorded surfaces (one per start or hot reload that changed it), newest first: the kept
     * ones, then the whole list after each change.
     */
    'surface.recorded': stream(ServerFilter, z.object({ serverId: ServerIdSchema, versions: z.array(SurfaceVersionSchema) })),
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

/**
 * What a connection may do beyond what a window may, granted by the shell that serves it (never
 * asked for on the wire). A window's requests must not be a way to run a command nobody configured
 * or to reach files outside the workspace; a person at a terminal (the CLI) points at both.
 */
export type CallCapability =
  /** Start a command no server config names: a suite file's own `server.command` (tests.run). */
  | 'runCommands'
  /** Read suite files and write exports anywhere the user can (tests.list/tests.run `paths`, tests.export). */
  | 'filesAnywhere'
  /** Change a server's settings for this engine's life without saving them (servers.overrideForRun). */
  | 'overrideForRun';

/** Everything a person at a terminal may do: what the CLI's in-process connection is granted. */
export const TERMINAL_CAPABILITIES: readonly CallCapability[] = ['runCommands', 'filesAnywhere', 'overrideForRun'];

export interface CallContext {
  signal: AbortSignal;
  /** Where the call came from (kept in history); what it may do is `capabilities`. */
  origin: CallOrigin;
  capabilities: ReadonlySet<CallCapability>;
}

export type ApiHandlers = {
  [M in MethodName]: (params: MethodArgs<M>, ctx: CallContext) => Promise<MethodResult<M>>;
};

/** A stream source: subscribe with a sink, get back an unsubscribe. The first event must come promptly. */
export type ApiStreams = {
  [S in StreamName]: (params: StreamArgs<S>, emit: (event: StreamEvent<S>) => void) => { dispose(): void };
};

export const API_PROTOCOL_VERSION = 1;
