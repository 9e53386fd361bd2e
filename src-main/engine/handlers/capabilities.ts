import type { CallCapability, CallContext } from '../../../src-shared/api/contract';
import { ApiError } from '../../../src-shared/api/errors';

/**
 * Refuse a request that needs what this connection was not granted (a window asking to reach past
 * the workspace): the shell that serves a connection decides what it may do, not the request.
 */
export function requireCapability(ctx: CallContext, capability: CallCapability, what: string): void {
  if (ctx.capabilities.has(capability)) return;
  throw new ApiError('Unauthorized', `${what} is for the command line only: run it with mcp-lab in a terminal`);
}
