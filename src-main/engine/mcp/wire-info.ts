import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/**
 * Facts about a message as it crossed the wire, attached without copying it. The transport that
 * parses or serializes a message records them; the recording tap reads them. One serialization
 * per outgoing message, however many layers look at it.
 */
export interface WireInfo {
  bytes: number;
  /** The serialized line, kept only for outgoing messages until the transport writes it. */
  line?: string;
  /** A prefix of the raw text, for messages too large to keep whole in the log. */
  preview?: string;
}

const infos = new WeakMap<object, WireInfo>();
export const LARGE_MESSAGE_BYTES = 64 * 1024;
const PREVIEW_CHARS = 4096;

export function recordWireInfo(msg: JSONRPCMessage, rawLine: string): WireInfo {
  const bytes = Buffer.byteLength(rawLine, 'utf8');
  const info: WireInfo = bytes > LARGE_MESSAGE_BYTES ? { bytes, preview: rawLine.slice(0, PREVIEW_CHARS) } : { bytes };
  infos.set(msg, info);
  return info;
}

export function wireInfo(msg: JSONRPCMessage): WireInfo | undefined {
  return infos.get(msg);
}

/** Serialize once and remember it: the tap and the transport both need the line. */
export function serializeOnce(msg: JSONRPCMessage): { line: string; info: WireInfo } {
  const known = infos.get(msg);
  if (known?.line !== undefined) return { line: known.line, info: known };
  const line = JSON.stringify(msg);
  const info = recordWireInfo(msg, line);
  info.line = line;
  return { line, info };
}

export type MessageKind = 'request' | 'notification' | 'response' | 'error' | 'invalid';

/** A cheap structural look (no zod on the hot path); the SDK validates what it consumes. */
export function classify(msg: unknown): MessageKind {
  if (typeof msg !== 'object' || msg === null || (msg as { jsonrpc?: unknown }).jsonrpc !== '2.0') return 'invalid';
  const m = msg as Record<string, unknown>;
  if (typeof m.method === 'string') return 'id' in m && m.id !== undefined && m.id !== null ? 'request' : 'notification';
  if ('result' in m && 'id' in m) return 'response';
  if ('error' in m && typeof m.error === 'object' && m.error !== null) return 'error';
  return 'invalid';
}
