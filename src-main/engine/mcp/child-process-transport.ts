import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { LineSplitter } from '../base/line-splitter';
import type { ServerProcess } from '../servers/server-process';
import { classify, recordWireInfo, serializeOnce } from './wire-info';

export const DEFAULT_MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

export interface StdoutObserver {
  /** A stdout line that is not a JSON-RPC message (a `print()` in the server, most often). */
  onStdoutLine(line: string, why: 'notJson' | 'notJsonRpc'): void;
  /** A line over the size limit was discarded without being held in memory. */
  onOversizeLine(chars: number, requestId: string | number | undefined): void;
}

/** Code of the error we answer in a server's place when its response was too large to accept. */
export const OVERSIZE_RESPONSE_CODE = -32603;

/**
 * The SDK transport over a process we spawned and own. Reads stdout line by line; anything that is
 * not JSON-RPC is handed to the observer instead of breaking the connection.
 */
export class ChildProcessTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: <T extends JSONRPCMessage>(message: T) => void;

  private closed = false;
  private readonly splitter: LineSplitter;

  constructor(
    private readonly proc: ServerProcess,
    private readonly observer: StdoutObserver,
    private readonly maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES,
  ) {
    this.splitter = new LineSplitter(
      maxMessageBytes,
      (line) => this.onLine(line),
      (head, chars, tail) => this.onOversize(head, chars, tail),
    );
  }

  async start(): Promise<void> {
    const out = this.proc.stdout;
    out.setEncoding('utf8');
    out.on('data', this.onData);
    out.on('end', this.onEnd);
    this.proc.onDidExit(() => this.finish());
    if (this.proc.hasExited) this.finish();
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.closed || this.proc.hasExited) throw new Error('the server process has exited; its input is closed');
    const { line } = serializeOnce(message);
    const stdin = this.proc.stdin;
    if (!stdin.writable) throw new Error('the server closed its input');
    // Respect backpressure: a server that stops reading must slow us down, not grow our memory.
    if (!stdin.write(line + '\n')) {
      await new Promise<void>((resolve, reject) => {
        const done = () => {
          stdin.off('drain', done);
          stdin.off('close', closed);
          resolve();
        };
        const closed = () => {
          stdin.off('drain', done);
          reject(new Error('the server closed its input while we were writing'));
        };
        stdin.once('drain', done);
        stdin.once('close', closed);
      });
    }
  }

  async close(): Promise<void> {
    this.finish();
  }

  private readonly onData = (chunk: string) => this.splitter.push(chunk);
  private readonly onEnd = () => this.splitter.end();

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    this.proc.stdout.off('data', this.onData);
    this.proc.stdout.off('end', this.onEnd);
    this.onclose?.();
  }

  private onLine(line: string): void {
    if (line.length === 0) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      this.observer.onStdoutLine(line, 'notJson');
      return;
    }
    if (classify(parsed) === 'invalid') {
      this.observer.onStdoutLine(line, 'notJsonRpc');
      return;
    }
    const msg = parsed as JSONRPCMessage;
    recordWireInfo(msg, line);
    this.onmessage?.(msg);
  }

  private onOversize(head: string, chars: number, tail: string): void {
    const id = sniffResponseId(head, tail);
    this.observer.onOversizeLine(chars, id);
    if (id === undefined) return;
    // Fail the waiting request now, with the reason, instead of letting it time out.
    const synthetic: JSONRPCMessage = {
      jsonrpc: '2.0',
      id,
      error: {
        code: OVERSIZE_RESPONSE_CODE,
        // The limit in force (it is configurable), not the default.
        message: `MCP Lab discarded this response: it was ${chars} characters, over the ${formatLimit(this.maxMessageBytes)} message limit. Return less data (paginate, or a resource link).`,
      },
    };
    recordWireInfo(synthetic, JSON.stringify(synthetic));
    this.onmessage?.(synthetic);
  }
}

const ID_VALUE = String.raw`(-?\d+|"(?:[^"\\]|\\.)*")`;
const HEAD_ID = new RegExp(String.raw`"id"\s*:\s*` + ID_VALUE);
/**
 * `"id": <value>` as the last member of the top-level object: only a top-level member is followed by a single
 * closing brace and the end of the line.
 */
const TAIL_ID = new RegExp(String.raw`"id"\s*:\s*` + ID_VALUE + String.raw`\s*}\s*$`);

/**
 * The id of a response from the first and last bytes of its line, if it looks like one. Writers
 * differ: Python's json puts the id first (`{"jsonrpc":"2.0","id":7,"result":…}`), the TypeScript
 * SDK puts it last (`{"result":…,"jsonrpc":"2.0","id":7}`).
 */
export function sniffResponseId(head: string, tail = ''): string | number | undefined {
  const payloadAt = head.search(/"(result|error)"\s*:/);
  const methodAt = head.search(/"method"\s*:/);
  // A request or notification names its method before any payload.
  if (methodAt !== -1 && (payloadAt === -1 || methodAt < payloadAt)) return undefined;
  // Only the message's own id counts: one that appears after the payload starts may belong to the payload.
  const m = head.match(HEAD_ID);
  if (m && m.index !== undefined && (payloadAt === -1 || m.index < payloadAt)) return parseId(m[1]!);
  if (payloadAt === -1) return undefined;
  const t = tail.match(TAIL_ID);
  return t ? parseId(t[1]!) : undefined;
}

function parseId(raw: string): string | number {
  return raw.startsWith('"') ? (JSON.parse(raw) as string) : Number(raw);
}

/** 10 MiB, 64 KiB, 1500 bytes: the limit as a person would set it. */
function formatLimit(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / 1024 / 1024} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
