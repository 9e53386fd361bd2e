import { z } from 'zod';
import { EpochMsSchema } from './common';

/**
 * One HTTP request MCP Lab sent to a remote server (or its authorization server) and what came
 * back, as recorded on the wire. Secrets are masked before it is kept: tokens, client secrets,
 * authorization codes, PKCE verifiers, assertions and credential headers read
 * `‹masked · N chars · #abc123›`, where the short fingerprint lets a person see that the code a
 * callback carried is the one sent to the token endpoint without seeing either.
 */
export const HttpBodySchema = z.object({
  /** The text as sent or received (masked), at most a few KiB. */
  text: z.string(),
  /** Bytes on the wire (of the whole body, not of `text`). */
  size: z.number().int(),
  truncated: z.boolean(),
  /** An event stream: `text` stays empty, its events are in `sseEvents` and `size` counts what arrived so far. */
  stream: z.boolean().optional(),
});
export type HttpBody = z.infer<typeof HttpBodySchema>;

/** One event of an event stream, as it arrived. */
export const SseEventSchema = z.object({
  at: EpochMsSchema,
  /** The id the event set, if any. */
  id: z.string().optional(),
  /** Its type (`message` when the stream named none). */
  event: z.string(),
  /** Bytes of its data. */
  size: z.number().int(),
  /** Its data (masked), at most a few KiB. */
  data: z.string(),
  truncated: z.boolean(),
});
export type SseEvent = z.infer<typeof SseEventSchema>;

/** Header name and value pairs, in the order seen (names lower-case). */
export const HttpHeadersSchema = z.array(z.tuple([z.string(), z.string()]));

export const HttpExchangeSchema = z.object({
  /** Increasing within one server's run. */
  seq: z.number().int(),
  startedAt: EpochMsSchema,
  /** Until the response headers arrived (or the request failed). */
  durationMs: z.number(),
  method: z.string(),
  url: z.string(),
  requestHeaders: HttpHeadersSchema,
  requestBody: HttpBodySchema.optional(),
  status: z.number().int().optional(),
  responseHeaders: HttpHeadersSchema.optional(),
  responseBody: HttpBodySchema.optional(),
  /** No HTTP answer at all (refused, DNS, TLS): what the network said. */
  error: z.string().optional(),
  /** An event stream's events in order (the first few hundred of a very long stream). */
  sseEvents: z.array(SseEventSchema).optional(),
  /** Events past those kept: counted, not silently lost. */
  sseEventsDropped: z.number().int().optional(),
  /** When the event stream ended (absent while it is open). */
  streamEndedAt: EpochMsSchema.optional(),
});
export type HttpExchange = z.infer<typeof HttpExchangeSchema>;
