import { McpError } from '@modelcontextprotocol/sdk/types.js';

/**
 * The SDK prefixes its messages with "MCP error <code>: "; the UI shows the code separately. A
 * TypeScript SDK server sends its McpError's message with that prefix already in it, so the
 * client's copy has it twice: strip every leading one.
 */
export function mcpErrorParts(e: unknown): { code: number; message: string; data?: unknown } | undefined {
  if (!(e instanceof McpError)) return undefined;
  const message = e.message.replace(/^(MCP error -?\d+:\s*)+/, '');
  return e.data === undefined ? { code: e.code, message } : { code: e.code, message, data: e.data };
}
