import { z } from 'zod';
import { EpochMsSchema, JsonObjectSchema, ServerIdSchema } from './common';

/**
 * Requests a server sends to MCP Lab (server → client) that wait for a person: sampling
 * (`sampling/createMessage`) and elicitation (`elicitation/create`). `roots/list` is answered
 * from the config and never waits.
 */
export const ClientRequestKindSchema = z.enum(['sampling', 'elicitation']);
export type ClientRequestKind = z.infer<typeof ClientRequestKindSchema>;

/** How long a request waits for an answer before MCP Lab answers it with an error. */
export const CLIENT_REQUEST_TIMEOUT_MS = 10 * 60_000;

export const PendingClientRequestSchema = z.object({
  /** MCP Lab's id for the request (the JSON-RPC id is the server's, and two servers may reuse one). */
  id: z.string(),
  serverId: ServerIdSchema,
  kind: ClientRequestKindSchema,
  method: z.string(),
  /** The JSON-RPC id the server gave it, for finding it in the protocol log (`<response id>/<key>` for an input_required ask). */
  jsonRpcId: z.union([z.string(), z.number()]),
  /**
   * Present when a 2026-07-28 server asked through an `input_required` result instead of a
   * request: which request it answered, the ask's key and the round. MCP Lab sends that request
   * again with the answer.
   */
  inputRequired: z.object({ method: z.string(), key: z.string(), round: z.number().int() }).optional(),
  /** The request's params as the server sent them: untrusted, shown as text. */
  params: JsonObjectSchema,
  receivedAt: EpochMsSchema,
  /** When MCP Lab gives up and answers with a timeout error. */
  expiresAt: EpochMsSchema,
});
export type PendingClientRequest = z.infer<typeof PendingClientRequestSchema>;

const Base64Schema = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 data (no data: prefix, no line breaks)');

/** What the "LLM" answers: one content block, as `CreateMessageResult` allows without tools. */
export const SamplingReplyContentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('image'), data: Base64Schema, mimeType: z.string().min(1) }),
  z.object({ type: z.literal('audio'), data: Base64Schema, mimeType: z.string().min(1) }),
]);

export const ClientRequestResponseSchema = z.discriminatedUnion('action', [
  /** Sampling: the assistant's message. */
  z.object({
    action: z.literal('reply'),
    role: z.literal('assistant').default('assistant'),
    content: SamplingReplyContentSchema,
    model: z.string().min(1, 'name the model that "answered" (any text)'),
    stopReason: z.string().min(1).optional(),
  }),
  /** Sampling: refuse with a JSON-RPC error (the spec's example for a user rejection is code -1). */
  z.object({
    action: z.literal('reject'),
    code: z.number().int().default(-1),
    message: z.string().min(1).default('User rejected sampling request'),
  }),
  /** Elicitation: the form's values (form mode; checked against the requested schema) or consent (URL mode, no content). */
  z.object({ action: z.literal('accept'), content: JsonObjectSchema.optional() }),
  z.object({ action: z.literal('decline') }),
  z.object({ action: z.literal('cancel') }),
]);
export type ClientRequestResponse = z.input<typeof ClientRequestResponseSchema>;

export const RespondRequestSchema = z.object({ requestId: z.string().min(1), response: ClientRequestResponseSchema });
export type RespondRequest = z.input<typeof RespondRequestSchema>;

export const RespondResultSchema = z.object({
  requestId: z.string(),
  serverId: ServerIdSchema,
  kind: ClientRequestKindSchema,
  action: z.string(),
});

/** Why a request stopped waiting. */
export const ClientRequestEndReasonSchema = z.enum([
  /** Someone answered it through `requests.respond` (this window or another). */
  'answered',
  /** The server sent `notifications/cancelled` for it. */
  'withdrawn',
  /** The server stopped or crashed. */
  'serverStopped',
  /** Nobody answered within the timeout; the server got an error. */
  'timedOut',
]);
export type ClientRequestEndReason = z.infer<typeof ClientRequestEndReasonSchema>;

export const EndedClientRequestSchema = z.object({
  id: z.string(),
  serverId: ServerIdSchema,
  kind: ClientRequestKindSchema,
  reason: ClientRequestEndReasonSchema,
  /** The server's reason for withdrawing, or what was answered. */
  detail: z.string().optional(),
  endedAt: EpochMsSchema,
});
export type EndedClientRequest = z.infer<typeof EndedClientRequestSchema>;
