/**
 * An error the SDK turns into a JSON-RPC error response with exactly this code and message. The
 * SDK reads `code` and `message` from whatever a request handler throws; its McpError would
 * prefix the message with "MCP error <code>: ", which is not what a real client sends.
 */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }
}

/** What the SDK answers for a method without a handler; we keep it byte for byte. */
export const METHOD_NOT_FOUND = -32601;
/** The SDK's code for a request that ran out of time. */
export const REQUEST_TIMEOUT = -32001;
export const INVALID_PARAMS = -32602;
