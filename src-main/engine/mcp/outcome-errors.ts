import { McpError } from '@modelcontextprotocol/sdk/types.js';

/** The SDK prefixes its messages with "MCP error <code>: "; the UI shows the code separately. */
export function mcpErrorParts(e: unknown): { code: number; message: string; data?: unknown } | undefined {
  if (!(e instanceof McpError)) return undefined;
  const message = e.message.replace(/^MCP error -?\d+:\s*/, '');
  return e.data === undefined ? { code: e.code, message } : { code: e.code, message, data: e.data };
}
