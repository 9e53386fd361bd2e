import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

const MIN_BLOCK_CHARS = 16 * 1024;

/**
 * A view of a large tool result small enough for the UI to parse and lay out at once: text cut to a
 * share of the limit per block, large binary data replaced by a line saying what it was, large
 * structured content replaced by a note. The full result is saved elsewhere; this is a preview.
 */
export function trimResult(result: CallToolResult, limitBytes: number): CallToolResult {
  const blocks = result.content ?? [];
  const share = Math.max(MIN_BLOCK_CHARS, Math.floor(limitBytes / Math.max(1, blocks.length + 1)));
  const note = (what: string, bytes: number) => `[${what}, ${formatSize(bytes)}: not shown here; it is in the full result]`;
  const content = blocks.map((b) => {
    switch (b.type) {
      case 'text':
        return b.text.length > share
          ? { ...b, text: `${b.text.slice(0, share)}\n… [${formatSize(b.text.length - share)} more in the full result]` }
          : b;
      case 'image':
      case 'audio':
        return b.data.length > share
          ? { type: 'text' as const, text: note(`${b.type} ${b.mimeType}`, Math.round((b.data.length * 3) / 4)) }
          : b;
      case 'resource': {
        const r = b.resource as { uri: string; text?: string; blob?: string; mimeType?: string };
        if (typeof r.text === 'string' && r.text.length > share)
          return { ...b, resource: { ...r, text: `${r.text.slice(0, share)}\n… [cut]` } };
        if (typeof r.blob === 'string' && r.blob.length > share)
          return { type: 'text' as const, text: note(`embedded resource ${r.uri}`, Math.round((r.blob.length * 3) / 4)) };
        return b;
      }
      default:
        return b;
    }
  });
  const out: CallToolResult = { ...result, content: content as CallToolResult['content'] };
  if (result.structuredContent !== undefined) {
    const size = JSON.stringify(result.structuredContent).length;
    if (size > share)
      out.structuredContent = { 'mcp-lab': `structured content of ${formatSize(size)}: not shown here; it is in the full result` };
  }
  return out;
}

function formatSize(n: number): string {
  return n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
