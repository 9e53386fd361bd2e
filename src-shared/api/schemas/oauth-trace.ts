import { z } from 'zod';
import { EpochMsSchema, ServerIdSchema } from './common';
import { HttpExchangeSchema } from './http-exchange';

/**
 * One OAuth sign-in of a remote server, step by step (the sign-in debugger): each step with the
 * HTTP requests it made, what the specification expects there, what happened, and — where it went
 * wrong — what the server's author (or the user) can do about it.
 */
export const OAuthFlowSchema = z.enum(['authorizationCode', 'clientCredentials', 'crossApp']);
export type OAuthFlow = z.infer<typeof OAuthFlowSchema>;

export const OAuthStepKindSchema = z.enum([
  /** The MCP server's 401 or 403 that started the sign-in (its WWW-Authenticate challenge). */
  'challenge',
  /** Protected resource metadata (RFC 9728): which authorization server, which scopes. */
  'resourceMetadata',
  /** Authorization server metadata (RFC 8414 / OpenID discovery), or the 2025-03-26 default endpoints. */
  'authServerMetadata',
  /** Who MCP Lab is to the authorization server: dynamic registration, a pre-registered id, or a metadata document URL. */
  'client',
  /** The authorization request with PKCE, the person's approval and the redirect back. */
  'authorization',
  /** Cross-app access: the identity provider trades the ID token for an ID-JAG (RFC 8693). */
  'idpTokenExchange',
  /** The token endpoint: code exchange, refresh, client credentials or JWT bearer grant. */
  'token',
  /** The MCP request again, with the new token. */
  'retry',
]);
export type OAuthStepKind = z.infer<typeof OAuthStepKindSchema>;

export const OAuthStepStateSchema = z.enum(['ok', 'info', 'warning', 'failed', 'waiting']);
export type OAuthStepState = z.infer<typeof OAuthStepStateSchema>;

export const OAuthStepSchema = z.object({
  kind: OAuthStepKindSchema,
  title: z.string(),
  state: OAuthStepStateSchema,
  startedAt: EpochMsSchema,
  /** What the specification expects at this step, in one or two sentences. */
  expected: z.string(),
  /** What happened. */
  outcome: z.string().optional(),
  /** Where it went wrong (failed or warning). */
  problem: z.string().optional(),
  /** What to change, addressed to whoever can: usually the server's author. */
  fix: z.string().optional(),
  /** Values worth seeing at a glance (scope and where it came from, client id, PKCE method…). Secrets masked. */
  facts: z.array(z.tuple([z.string(), z.string()])),
  spec: z.object({ label: z.string(), url: z.string() }).optional(),
  exchanges: z.array(HttpExchangeSchema),
});
export type OAuthStep = z.infer<typeof OAuthStepSchema>;

export const OAuthTraceSchema = z.object({
  id: z.string(),
  serverId: ServerIdSchema,
  startedAt: EpochMsSchema,
  endedAt: EpochMsSchema.optional(),
  flow: OAuthFlowSchema,
  /** Why it started: at connect, a 401 during the session, a 403 asking for more scope. */
  trigger: z.enum(['connect', 'unauthorized', 'insufficientScope']),
  state: z.enum(['running', 'waiting', 'succeeded', 'failed']),
  /** One line: how it ended, or where it stands. */
  summary: z.string(),
  steps: z.array(OAuthStepSchema),
});
export type OAuthTrace = z.infer<typeof OAuthTraceSchema>;

/** The `oauth.traced` stream: all kept traces of a server first, then each trace again when it changes. */
export const OAuthTracesSchema = z.object({ traces: z.array(OAuthTraceSchema) });
export type OAuthTraces = z.infer<typeof OAuthTracesSchema>;
