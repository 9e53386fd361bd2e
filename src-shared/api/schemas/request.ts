import { z } from 'zod';
import { EpochMsSchema, ServerIdSchema } from './common';
import { DEFAULT_CALL_TIMEOUT_MS, HARD_MAX_CALL_TIMEOUT_MS } from './tool';

/** How long one server request may take; the same bounds as a tool call. */
export const RequestTimeoutMsSchema = z.number().int().positive().max(HARD_MAX_CALL_TIMEOUT_MS).default(DEFAULT_CALL_TIMEOUT_MS);

/** Params of a request that needs nothing but the server (list, ping). */
export const ServerRequestSchema = z.object({ serverId: ServerIdSchema, timeoutMs: RequestTimeoutMsSchema });
export type ServerRequest = z.input<typeof ServerRequestSchema>;

/** What every outcome says about the exchange, whatever its status. */
const RequestOutcomeBase = {
  serverId: ServerIdSchema,
  /** The MCP method sent (`resources/read`, `ping`, …). */
  method: z.string(),
  startedAt: EpochMsSchema,
  /** Wire to wire when the recording tap saw the answer; summed over pages for paginated lists. */
  durationMs: z.number(),
  requestBytes: z.number().int(),
};

export const RequestProtocolErrorSchema = z.object({
  ...RequestOutcomeBase,
  status: z.literal('protocolError'),
  code: z.number(),
  message: z.string(),
  /** The error's data, or `{ raw, issues }` when the server answered with a result of the wrong shape. */
  data: z.unknown().optional(),
  responseBytes: z.number().int().optional(),
});
export const RequestTimeoutSchema = z.object({ ...RequestOutcomeBase, status: z.literal('timeout'), timeoutMs: z.number() });
export const RequestCancelledSchema = z.object({ ...RequestOutcomeBase, status: z.literal('cancelled') });
export const RequestCrashedSchema = z.object({
  ...RequestOutcomeBase,
  status: z.literal('crashed'),
  exitCode: z.number().nullable(),
  signal: z.string().nullable(),
  message: z.string(),
  stderrTail: z.array(z.string()),
});

export const RequestFailureSchema = z.discriminatedUnion('status', [
  RequestProtocolErrorSchema,
  RequestTimeoutSchema,
  RequestCancelledSchema,
  RequestCrashedSchema,
]);
export type RequestFailure = z.infer<typeof RequestFailureSchema>;

/**
 * The outcome of one request to a server, for every method but `tools/call` (which has its own,
 * with `toolError`). Server faults are values here, never exceptions: `ok` carries the result,
 * the other statuses say what went wrong.
 */
export function requestOutcomeSchema<R extends z.ZodType>(result: R) {
  return z.discriminatedUnion('status', [
    z.object({ ...RequestOutcomeBase, status: z.literal('ok'), result, responseBytes: z.number().int() }),
    RequestProtocolErrorSchema,
    RequestTimeoutSchema,
    RequestCancelledSchema,
    RequestCrashedSchema,
  ]);
}

export type RequestOk<T> = Omit<z.infer<typeof RequestCancelledSchema>, 'status'> & { status: 'ok'; result: T; responseBytes: number };
export type RequestOutcome<T> = RequestOk<T> | RequestFailure;
export type RequestStatus = RequestOutcome<unknown>['status'];

/** `{}` — what ping, subscribe and setLevel answer. Loose: a server may add `_meta`. */
export const EmptyResultSchema = z.looseObject({});
export const EmptyOutcomeSchema = requestOutcomeSchema(EmptyResultSchema);
export type EmptyOutcome = z.infer<typeof EmptyOutcomeSchema>;
