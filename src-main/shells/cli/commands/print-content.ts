import type { ContentBlock } from '@modelcontextprotocol/sdk/types.js';

/** Base64 length to bytes, without decoding. */
export const base64Bytes = (b64: string) => Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);

/** Text as is, ending with exactly the newline it had or one more. */
export function writeText(out: NodeJS.WritableStream, text: string): void {
  out.write(text.endsWith('\n') ? text : text + '\n');
}

/** One content block (of a tool result or a prompt message) for a terminal: text as is, the rest as a one-line summary. */
export function writeContentBlock(block: ContentBlock, out: NodeJS.WritableStream): void {
  if (block.type === 'text') writeText(out, block.text);
  else if (block.type === 'image' || block.type === 'audio')
    out.write(`[${block.type} ${block.mimeType}, ${base64Bytes(block.data)} bytes]\n`);
  else if (block.type === 'resource_link') out.write(`[resource link ${block.uri}${block.name ? ` "${block.name}"` : ''}]\n`);
  else if (block.type === 'resource') {
    const r = block.resource;
    out.write(`[embedded resource ${r.uri}]\n`);
    if ('text' in r) writeText(out, r.text);
  }
}
