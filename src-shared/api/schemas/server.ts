import { z } from 'zod';
import { OAuthFlowSchema } from './oauth-trace';
import { ClientFeatureNameSchema, ClientFeaturesSchema } from './client-features';
import { EpochMsSchema, ServerIdSchema } from './common';
import { ProtocolEraSchema, ProtocolPinSchema } from './protocol';

export const EnvEntrySchema = z.object({
  key: z
    .string()
    .min(1)
    .regex(/^[^=\0]+$/, 'an environment name cannot contain "=" or NUL'),
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
   * Hot reload: restart the server when a watched file is saved. Globs are relative to
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
  /** Protocol revision to speak (absent = auto: server/discover first, initialize as fallback). */
  protocol: ProtocolPinSchema.optional(),
});
export type StdioServerConfig = z.infer<typeof StdioServerConfigSchema>;

// Remote servers: Streamable HTTP or the older HTTP+SSE transport, by URL.
/** Header names as HTTP allows them (RFC 9110 token): no spaces, no colons. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export const HeaderEntrySchema = z.object({
  key: z.string().min(1).regex(HEADER_NAME, 'a header name is letters, digits and - _ . (no spaces or colons)'),
  /** Absent for a secret when read back: secret values (bearer tokens) never travel to the UI. */
  value: z.string().optional(),
  secret: z.boolean().default(false),
});
export type HeaderEntry = z.infer<typeof HeaderEntrySchema>;

/** Only http(s) endpoints: anything else (file:, javascript:) is refused when saved. */
export function isHttpUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * A credential of the OAuth settings. Present = configured. `value` travels only from the UI (or
 * CLI) to the engine when it is set or changed; the engine moves it to the secret store and never
 * sends it back, so a saved config reads `{}` (send `{}` again to keep it, leave it out to drop it).
 */
export const OAuthSecretSchema = z.object({ value: z.string().min(1).optional() });
export type OAuthSecret = z.infer<typeof OAuthSecretSchema>;

/** A Client ID Metadata Document URL: https with a path (the URL is the client id). */
export function isClientMetadataUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === 'https:' && u.pathname !== '/';
  } catch {
    return false;
  }
}

export const OAuthSettingsSchema = z.object({
  /** The scope to ask for; absent: what the server's challenge or metadata names. */
  scope: z.string().min(1).optional(),
  /**
   * `authorizationCode` (default): a person signs in in the browser. `clientCredentials`: a machine
   * client with its own credentials, nobody signs in. `crossApp`: an enterprise identity provider's
   * ID token is traded for access (Enterprise-Managed Authorization, an MCP extension).
   */
  flow: OAuthFlowSchema.optional(),
  /** A client registered beforehand with the authorization server (no dynamic registration then). */
  clientId: z.string().min(1).max(2000).optional(),
  clientSecret: OAuthSecretSchema.optional(),
  /** PEM private key (PKCS#8) for `private_key_jwt` client authentication (client credentials). */
  clientKey: OAuthSecretSchema.optional(),
  /** The URL of your Client ID Metadata Document: used as the client id where the server supports it. */
  clientMetadataUrl: z
    .string()
    .refine(isClientMetadataUrl, 'a client metadata document URL is https:// with a path, e.g. https://example.com/mcp-lab.json')
    .optional(),
  /** Cross-app access: the identity provider that trades an ID token for an authorization grant. */
  idp: z
    .object({
      tokenEndpoint: z.string().refine(isHttpUrl, 'the token endpoint must be an http(s) URL'),
      clientId: z.string().min(1),
      clientSecret: OAuthSecretSchema.optional(),
      /** The ID token from your sign-in at the identity provider. */
      idToken: OAuthSecretSchema.optional(),
    })
    .optional(),
});
export type OAuthSettings = z.infer<typeof OAuthSettingsSchema>;

export const RemoteTransportSchema = z.enum(['http', 'sse']);
export type RemoteTransport = z.infer<typeof RemoteTransportSchema>;

export const RemoteServerConfigSchema = z.object({
  id: ServerIdSchema,
  name: z.string().min(1).max(120),
  /** `http`: Streamable HTTP (2025-03-26 on); `sse`: the older HTTP+SSE transport (2024-11-05). */
  transport: RemoteTransportSchema,
  url: z.string().min(1).refine(isHttpUrl, 'the URL must start with http:// or https://'),
  /** Sent with every request (e.g. Authorization). Secret values live in the secret store. */
  headers: z.array(HeaderEntrySchema).default([]),
  /** Reconnect after the connection is lost (default on), with the same backoff as a crashed process. */
  restart: StdioServerConfigSchema.shape.restart,
  clientFeatures: ClientFeaturesSchema.optional(),
  /** OAuth 2.1 for protected servers: how MCP Lab signs in (absent: as a public client, the usual way). */
  oauth: OAuthSettingsSchema.optional(),
  /**
   * Protocol revision to speak over Streamable HTTP (absent = auto: server/discover first, initialize as
   * fallback). HTTP+SSE speaks initialize only.
   */
  protocol: ProtocolPinSchema.optional(),
});
export type RemoteServerConfig = z.infer<typeof RemoteServerConfigSchema>;

export const ServerConfigSchema = z.discriminatedUnion('transport', [StdioServerConfigSchema, RemoteServerConfigSchema]);
export type ServerConfig = z.infer<typeof ServerConfigSchema>;

export function isStdioConfig(c: ServerConfig): c is StdioServerConfig {
  return c.transport === 'stdio';
}

/** What the UI sends to add a server: the id is derived from the name when absent. */
export const ServerConfigInputSchema = z.discriminatedUnion('transport', [
  StdioServerConfigSchema.extend({ id: ServerIdSchema.optional() }),
  RemoteServerConfigSchema.extend({ id: ServerIdSchema.optional() }),
]);
export type ServerConfigInput = z.input<typeof ServerConfigInputSchema>;

/** servers.update: the whole config, and the `configVersion` the edit started from (a mismatch is a conflict, not an overwrite). */
export const ServerUpdateSchema = ServerConfigSchema.and(z.object({ baseVersion: z.string().optional() }));
export type ServerUpdate = z.infer<typeof ServerUpdateSchema>;

/**
 * servers.overrideForRun: settings that hold for this engine's life only, never written to
 * mcp-lab.json (the command line's `--env`, `--protocol`, client feature flags over a workspace server).
 */
export const ServerRunOverridesSchema = z.object({
  serverId: ServerIdSchema,
  /** Set over the configured environment, key by key (a server started from a command only). Plain values: secrets stay in the store. */
  env: z.array(EnvEntrySchema.extend({ value: z.string(), secret: z.literal(false).default(false) })).default([]),
  /** Only the features named replace the configured ones: no defaults fill in the others (as `.partial()` would). */
  clientFeatures: z
    .object({
      sampling: ClientFeaturesSchema.shape.sampling.unwrap().optional(),
      elicitation: ClientFeaturesSchema.shape.elicitation.unwrap().optional(),
      roots: ClientFeaturesSchema.shape.roots.unwrap().optional(),
    })
    .default({}),
  protocol: ProtocolPinSchema.optional(),
});
export type ServerRunOverrides = z.input<typeof ServerRunOverridesSchema>;
export type StdioServerConfigInput = Extract<ServerConfigInput, { transport: 'stdio' }>;
export type RemoteServerConfigInput = Exclude<ServerConfigInput, { transport: 'stdio' }>;

export const SpawnFailureKindSchema = z.enum([
  'commandNotFound',
  'notExecutable',
  'cwdMissing',
  'spawnError',
  'exitedBeforeHandshake',
  'handshakeTimeout',
  'handshakeError',
  // Remote servers: nobody answers at the address, TLS refused, an HTTP error status,
  // credentials needed, or an OAuth sign-in that failed or was refused.
  'unreachable',
  'tlsError',
  'httpError',
  'authRequired',
  'signInFailed',
  /** Its secrets cannot be given to it: the secret store cannot be read, or entries wait for a person's decision. */
  'secretsUnavailable',
  /** Debug was asked for, and the server cannot run under its debugger (not installed, a command it cannot wrap, no attach). */
  'debuggerUnavailable',
  /**
   * Debug was asked for, and the debugger package (debugpy) is not installed in the server's environment: it
   * can be installed on request.
   */
  'debuggerMissing',
]);
export type SpawnFailureKind = z.infer<typeof SpawnFailureKindSchema>;

export const ServerStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('stopped'), since: EpochMsSchema.optional(), reason: z.string().optional() }),
  z.object({
    state: z.literal('starting'),
    since: EpochMsSchema,
    /** `connecting`/`authorizing`: a remote server (by URL), before and during an OAuth sign-in. */
    /** `debugger`: started under the debugger, waiting for MCP Lab to attach. */
    phase: z.enum(['spawning', 'debugger', 'handshake', 'listing', 'connecting', 'authorizing']),
    pid: z.number().optional(),
  }),
  /** No pid for a remote server: there is no local process. */
  z.object({ state: z.literal('ready'), since: EpochMsSchema, pid: z.number().optional() }),
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
  /** Which protocol era this run speaks, and how MCP Lab chose it (probe answer, pin, fallback). */
  era: ProtocolEraSchema.optional(),
  eraReason: z.string().optional(),
  instructions: z.string().optional(),
  capabilities: z.record(z.string(), z.unknown()),
});
export type ServerInfo = z.infer<typeof ServerInfoSchema>;

/** The periodic health ping: how the server answered last time. */
export const ServerHealthSchema = z.object({
  /** `paused`: the debugger holds it at a breakpoint (the message says where); no ping is sent until it runs again. */
  state: z.enum(['ok', 'unresponsive', 'paused']),
  lastPingAt: EpochMsSchema,
  /** Round trip of the last ping that was answered. */
  lastLatencyMs: z.number().nullable(),
  consecutiveFailures: z.number().int(),
  /** Why the last ping failed, in words. */
  message: z.string().optional(),
  /** While unresponsive: when the first unanswered ping of this streak was sent. */
  unresponsiveSince: EpochMsSchema.optional(),
  /** The request the check sends: `ping`, or `server/discover` for a 2026-07-28 server (that revision has no ping). */
  method: z.string().optional(),
});
export type ServerHealth = z.infer<typeof ServerHealthSchema>;

/** Present when the server's command must be reviewed before it may start (new, imported or changed). */
export const ConsentRequestSchema = z.object({
  /** Echo it back in `servers.approve`: it proves the person saw this exact command. */
  fingerprint: z.string(),
  warnings: z.array(z.object({ where: z.enum(['command', 'args', 'env', 'url', 'headers']), match: z.string(), why: z.string() })),
});
export type ConsentRequest = z.infer<typeof ConsentRequestSchema>;

/** OAuth 2.1 for a remote server that asks for it: signed in or not, and a sign-in in progress. */
export const OAuthStatusSchema = z.object({
  /** Tokens are stored for this server (they may be refreshed on the next request). */
  signedIn: z.boolean(),
  scopes: z.array(z.string()).optional(),
  /** When the access token expires (it is refreshed when a refresh token was given). */
  expiresAt: EpochMsSchema.optional(),
  /**
   * A sign-in waits for a person: open `url` (always http(s); the engine never opens it) and
   * approve there; the authorization server then redirects to MCP Lab's loopback receiver.
   */
  pending: z.object({ url: z.string(), since: EpochMsSchema, expiresAt: EpochMsSchema, authorizationServer: z.string() }).optional(),
  /** Why the last sign-in did not complete. */
  error: z.string().optional(),
});
export type OAuthStatus = z.infer<typeof OAuthStatusSchema>;

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
  /** Remote servers that use OAuth: absent for servers that never asked for it. */
  oauth: OAuthStatusSchema.optional(),
  /** Why it cannot start because of its secrets (see `secretsUnavailable`); absent when nothing stands in the way. */
  secretsProblem: z.string().optional(),
  /** Secret keys an earlier MCP Lab saved under this server id alone: a person decides whether they belong to this workspace. */
  secretsSetAside: z.array(z.string()).optional(),
  /**
   * mcp-lab.json changed this server's settings outside MCP Lab while it runs: the run keeps the settings it
   * started with until a restart.
   */
  configChangedOnDisk: z.boolean().optional(),
  /** Identifies the settings as listed: given back with servers.update, a change made meanwhile in mcp-lab.json is not overwritten. */
  configVersion: z.string().optional(),
});
export type ServerSummary = z.infer<typeof ServerSummarySchema>;
