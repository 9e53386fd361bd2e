import { ApiError } from '../../../src-shared/api/errors';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';

/** The one refusal for any request that needs a running server. */
export function notReady(s: ServerSummary): ApiError {
  const state = s.status.state;
  const what = state === 'starting' ? 'still starting' : state === 'stopping' ? 'stopping' : `not running (${state})`;
  return new ApiError('ServerNotReady', `server "${s.config.name}" is ${what}: start it and wait until it is ready`);
}
