import { z } from 'zod';
import { ClientFeatureNameSchema, ClientFeaturesSchema } from './client-features';
import { EpochMsSchema, ServerIdSchema } from './common';

export const EnvEntrySchema = z.object({
  key: z.string().min(1).regex(/^[^=\0]+$/, 'an environment name cannot contain "=" or NUL'),
  /** Absent for a secret when read back: secret values never travel to the UI. */
  value: z.string().optional(),
  secret: z.boolean().default(false),
});
export type EnvEntry = z.infer<typeof EnvEntrySchema>;

export const StdioServerConfigSchema = z.object({
  id: ServerIdSchema,
  name: z.string().min(1).max(120),
  transport: z.literal('stdio'),
  command: z.string().min(1),
  args: z.array(z.string()).default([]),
  /** Relative paths resolve against the workspace folder. */
  cwd: z.string().optional(),
  env: z.array(EnvEntrySchema).default([]),
  /** Bring the server back after a crash (default on), and how many crashes make a loop. */
  restart: z
    .object({
      onCrash: z.boolean().default(true),
      maxRestarts: z.number().int().min(0).max(50).default(5),
      windowSeconds: z.number().int().min(5).max(3600).default(60),
    })
    .optional(),
  /**
   * Hot reload (issue 4): restart the server when a watched file is saved. Globs are relative to
   * the server's working directory; none = its source files (node_modules, .venv… excluded).
   */
  watch: z
    .object({
      enabled: z.boolean().default(true),
      globs: z.array(z.string()).default([]),
      debounceMs: z.number().int().min(0).max(10_000).default(300),
    })
    .optional(),
  /** Where the server's tools are written (relative to cwd): the tool builder reads and edits it. */
  source: z.object({ language: z.enum(['python', 'typescript']), file: z.string().min(1) }).optional(),
  /** Sampling, elicitation and roots as this server sees MCP Lab; absent = the defaults (see client-features.ts). */
  clientFeatures: ClientFeaturesSchema.optional(),
});
export type StdioServerConfig = z.infer<typeof StdioServerConfigSchema>;

export const ServerConfigSchema = StdioServerConfigSchema;
export type ServerConfig = z.infer<typeof ServerConfigSchema>;

/** What the UI sends to add a server: the id is derived from the name when absent. */
export const ServerConfigInputSchema = StdioServerConfigSchema.extend({ id: ServerIdSchema.optional() });
export type ServerConfigInput = z.input<typeof ServerConfigInputSchema>;

export const SpawnFailureKindSchema = z.enum([
  'commandNotFound',
  'notExecutable',
  'cwdMissing',
  'spawnError',
  'exitedBeforeHandshake',
  'handshakeTimeout',
  'handshakeError',
]);
export type SpawnFailureKind = z.infer<typeof SpawnFailureKindSchema>;

export const ServerStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('stopped'), since: EpochMsSchema.optional(), reason: z.string().optional() }),
  z.object({
    state: z.literal('starting'),
    since: EpochMsSchema,
    phase: z.enum(['spawning', 'handshake', 'listing']),
    pid: z.number().optional(),
  }),
  z.object({ state: z.literal('ready'), since: EpochMsSchema, pid: z.number() }),
  z.object({ state: z.literal('stopping'), since: EpochMsSchema, pid: z.number().optional() }),
  z.object({
    state: z.literal('crashed'),
    since: EpochMsSchema,
    /** When MCP Lab will start it again on its own (absent: it will not). */
    restartingAt: EpochMsSchema.optional(),
    /** It crashed too often too quickly: MCP Lab stopped restarting it and waits for a person. */
    crashLoop: z.boolean().optional(),
    exitCode: z.number().nullable(),
    signal: z.string().nullable(),
    message: z.string(),
    stderrTail: z.array(z.string()),
  }),
  z.object({
    state: z.literal('failed'),
    since: EpochMsSchema,
    kind: SpawnFailureKindSchema,
    message: z.string(),
    hint: z.string().optional(),
    stderrTail: z.array(z.string()),
  }),
]);
export type ServerStatus = z.infer<typeof ServerStatusSchema>;
export type ServerState = ServerStatus['state'];

export const ServerInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  title: z.string().optional(),
  protocolVersion: z.string().optional(),
  instructions: z.string().optional(),
  capabilities: z.record(z.string(), z.unknown()),
});
export type ServerInfo = z.infer<typeof ServerInfoSchema>;

/** The periodic health ping: how the server answered last time. */
export const ServerHealthSchema = z.object({
  state: z.enum(['ok', 'unresponsive']),
  lastPingAt: EpochMsSchema,
  /** Round trip of the last ping that was answered. */
  lastLatencyMs: z.number().nullable(),
  consecutiveFailures: z.number().int(),
  /** Why the last ping failed, in words. */
  message: z.string().optional(),
});
export type ServerHealth = z.infer<typeof ServerHealthSchema>;

/** Present when the server's command must be reviewed before it may start (new, imported or changed). */
export const ConsentRequestSchema = z.object({
  /** Echo it back in `servers.approve`: it proves the person saw this exact command. */
  fingerprint: z.string(),
  warnings: z.array(z.object({ where: z.enum(['command', 'args', 'env']), match: z.string(), why: z.string() })),
});
export type ConsentRequest = z.infer<typeof ConsentRequestSchema>;

export const ServerSummarySchema = z.object({
  config: ServerConfigSchema,
  status: ServerStatusSchema,
  /** Filled once the handshake completed; kept after a stop so the UI can still show it. */
  info: ServerInfoSchema.optional(),
  toolCount: z.number().int(),
  restartCount: z.number().int(),
  startedAt: EpochMsSchema.optional(),
  /** One-time hints the engine raised (e.g. "this server prints to stdout"). */
  hints: z.array(z.string()),
  /** The periodic ping's verdict while the server runs (absent before the first ping). */
  health: ServerHealthSchema.optional(),
  /** The command is new to this machine or changed outside MCP Lab: review before it runs. */
  consent: ConsentRequestSchema.optional(),
  /** The environment the process was given (values of secret entries redacted). */
  effectiveEnvKeys: z.array(z.string()).optional(),
  /** The client capabilities declared in this run's `initialize` (while running): differs from the config until a restart. */
  declaredClientFeatures: z.array(ClientFeatureNameSchema).optional(),
});
export type ServerSummary = z.infer<typeof ServerSummarySchema>;
