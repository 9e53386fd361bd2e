import { z } from 'zod';

export const ApiErrorCodeSchema = z.enum([
  'UnknownMethod',
  'UnknownStream',
  'InvalidParams',
  'NotFound',
  'Conflict',
  'ServerNotReady',
  /** The server's command is new or changed: a person must review it before it runs. */
  'ConsentRequired',
  'Unauthorized',
  'ConnectionLost',
  'Cancelled',
  'Internal',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

export const WireErrorSchema = z.object({
  code: ApiErrorCodeSchema,
  message: z.string(),
  /** Validation issues, or whatever helps the caller fix the request. */
  details: z.unknown().optional(),
});
export type WireError = z.infer<typeof WireErrorSchema>;

/** Transport and contract failures. Tool failures are never ApiErrors: they are outcomes. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  toWire(): WireError {
    return { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) };
  }

  static fromWire(e: WireError): ApiError {
    return new ApiError(e.code, e.message, e.details);
  }
}

export function toWireError(e: unknown): WireError {
  if (e instanceof ApiError) return e.toWire();
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'Internal', message };
}
