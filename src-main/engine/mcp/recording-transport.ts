import type { Transport, TransportSendOptions } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage, MessageExtraInfo } from '@modelcontextprotocol/sdk/types.js';
import type { ProtocolMeta } from '../../../src-shared/api/schemas/log';
import type { Clock } from '../base/clock';
import { formatBytes, formatMs } from '../base/format';
import { PROBE_ID } from './era-negotiation';
import { classify, serializeOnce, wireInfo } from './wire-info';

export interface TrafficRecord {
  meta: ProtocolMeta;
  text: string;
  /** The message itself, or a preview when it is too large to keep in the log. */
  data: unknown;
  isError: boolean;
  /** Routine traffic MCP Lab sends on its own (health pings): logged, but at debug level. */
  quiet: boolean;
}

export interface ResponseFacts {
  bytes: number;
  latencyMs: number;
}

type Id = string | number;

/**
 * Requests awaiting an answer that the tap remembers for latency. A server that never answers, and
 * requests given up without a cancellation, must not grow this forever: past the bound the oldest
 * are forgotten (their late answers are logged without a latency).
 */
export const MAX_REMEMBERED_REQUESTS = 4096;

/**
 * Decorates any SDK transport: every JSON-RPC message in either direction becomes a protocol log
 * record (direction, method, id, bytes, latency for responses). Works the same over stdio and HTTP.
 */
export class RecordingTransport implements Transport {
  onmessage?: Transport['onmessage'];
  onerror?: Transport['onerror'];
  onclose?: Transport['onclose'];

  /** The protocol version the client negotiated (the SDK tells the transport after initialize). */
  protocolVersion: string | undefined;
  private readonly sent = new Map<Id, { at: number; method: string; quiet: boolean }>();
  /** Requests the server sent us (sampling, elicitation, roots): our answer is logged with their method and how long it took. */
  private readonly received = new Map<Id, { at: number; method: string }>();
  private captureQuiet = false;
  private readonly watched = new Map<Id, (facts: ResponseFacts) => void>();
  private capture: ((id: Id, bytes: number) => void) | undefined;

  constructor(
    private readonly inner: Transport,
    private readonly sink: (r: TrafficRecord) => void,
    private readonly clock: Clock,
  ) {
    inner.onmessage = (msg: JSONRPCMessage, extra?: MessageExtraInfo) => {
      this.record('in', msg);
      this.onmessage?.(msg, extra);
    };
    inner.onerror = (e) => this.onerror?.(e);
    inner.onclose = () => this.onclose?.();
  }

  get sessionId() {
    return this.inner.sessionId;
  }

  setProtocolVersion(v: string): void {
    this.protocolVersion = v;
    this.inner.setProtocolVersion?.(v);
  }

  start(): Promise<void> {
    return this.inner.start();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  async send(msg: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    this.record('out', msg);
    return this.inner.send(msg, options);
  }

  /**
   * Run `start` (which must send exactly one request synchronously, as the SDK's `request()` does)
   * and learn that request's id and size, so the caller can be told its response's size and latency.
   */
  captureRequest<T>(start: () => T, onResponse: (facts: ResponseFacts) => void, quiet = false): { result: T; id: Id | undefined; requestBytes: number } {
    let id: Id | undefined;
    this.captureQuiet = quiet;
    let requestBytes = 0;
    this.capture = (i, b) => {
      id = i;
      requestBytes = b;
      remember(this.watched, i, onResponse);
    };
    try {
      return { result: start(), id, requestBytes };
    } finally {
      this.capture = undefined;
      this.captureQuiet = false;
    }
  }

  unwatch(id: Id | undefined): void {
    if (id !== undefined) this.watched.delete(id);
  }

  /** How many requests each way still wait for an answer (diagnostics and tests). */
  get pending(): { sent: number; received: number; watched: number } {
    return { sent: this.sent.size, received: this.received.size, watched: this.watched.size };
  }

  /** A request we gave up on (timeout, cancel, lost connection): its answer, if one still comes, is no longer waited for. */
  forget(id: Id | undefined): void {
    if (id === undefined) return;
    this.sent.delete(id);
    this.watched.delete(id);
  }

  private record(dir: 'in' | 'out', msg: JSONRPCMessage): void {
    const now = this.clock.monotonic();
    const kind = classify(msg);
    const info = dir === 'out' ? serializeOnce(msg).info : (wireInfo(msg) ?? { bytes: Buffer.byteLength(JSON.stringify(msg)) });
    const m = msg as { id?: Id; method?: string; error?: { code?: number; message?: string } };
    const meta: ProtocolMeta = { dir, kind: kind === 'invalid' ? 'notification' : kind, bytes: info.bytes };
    if (m.method !== undefined) meta.method = m.method;
    if (m.id !== undefined && m.id !== null) meta.id = m.id;

    const d = detail(msg).trim();
    if (d) meta.detail = d;
    const arrow = dir === 'out' ? '→' : '←';
    let text: string;
    let quiet = false;
    let expected = false;
    if (kind === 'request') {
      if (dir === 'out') {
        quiet = this.capture !== undefined && this.captureQuiet;
        remember(this.sent, m.id!, { at: now, method: m.method!, quiet });
        this.capture?.(m.id!, info.bytes);
        this.capture = undefined;
      } else {
        remember(this.received, m.id!, { at: now, method: m.method! });
      }
      text = `${arrow} ${m.method}${detail(msg)} #${m.id} (${formatBytes(info.bytes)})`;
    } else if (kind === 'response' || kind === 'error') {
      const sent = dir === 'in' && m.id !== undefined ? this.sent.get(m.id) : undefined;
      const answered = dir === 'out' && m.id !== undefined && m.id !== null ? this.received.get(m.id) : undefined;
      if (answered) {
        this.received.delete(m.id!);
        meta.latencyMs = Math.round((now - answered.at) * 100) / 100;
        meta.method = answered.method;
      }
      if (sent) {
        quiet = sent.quiet;
        this.sent.delete(m.id!);
        meta.latencyMs = Math.round((now - sent.at) * 100) / 100;
        meta.method = sent.method;
        const watcher = this.watched.get(m.id!);
        if (watcher) {
          this.watched.delete(m.id!);
          watcher({ bytes: info.bytes, latencyMs: meta.latencyMs });
        }
      }
      let what = kind === 'error' ? `error ${m.error?.code} ${m.error?.message ?? ''}`.trim() : 'result';
      if (kind === 'error') meta.detail = what.slice('error '.length);
      // Any error to the era probe is the normal answer of a server of an earlier revision: the
      // handshake falls back to initialize, so it is information, not a failure to alarm anyone with.
      if (kind === 'error' && m.id === PROBE_ID) {
        expected = true;
        what += ' (expected from a server of an earlier revision: MCP Lab falls back to initialize)';
        meta.detail = `${meta.detail ?? ''} — earlier revision, falling back to initialize`.trim();
      }
      const timing = meta.latencyMs !== undefined ? `${formatMs(meta.latencyMs)}, ` : '';
      text = `${arrow} #${m.id ?? '?'}${meta.method ? ` ${meta.method}` : ''} ${what} (${timing}${formatBytes(info.bytes)})`;
    } else {
      // A withdrawn request is never answered: forget it, whichever side withdrew it (the SDK sends
      // this when a call times out or is cancelled).
      if (m.method === 'notifications/cancelled') {
        const requestId = (msg as { params?: { requestId?: Id } }).params?.requestId;
        if (dir === 'in' && requestId !== undefined) this.received.delete(requestId);
        if (dir === 'out') this.forget(requestId);
      }
      text = `${arrow} ${m.method ?? 'message'}${detail(msg)} (${formatBytes(info.bytes)})`;
    }
    this.sink({ meta, text, data: info.preview !== undefined ? { truncated: true, bytes: info.bytes, preview: info.preview } : msg, isError: kind === 'error' && !expected, quiet });
  }
}

function remember<V>(map: Map<Id, V>, id: Id, value: V): void {
  map.delete(id); // a reused id moves to the end, so the oldest stays first
  map.set(id, value);
  // A Map iterates in insertion order: the first key is the oldest request.
  while (map.size > MAX_REMEMBERED_REQUESTS) map.delete(map.keys().next().value!);
}

/** The one detail worth reading in a log line: which tool, which resource, which progress. */
function detail(msg: JSONRPCMessage): string {
  const p = (msg as { params?: Record<string, unknown> }).params;
  if (!p) return '';
  if (typeof p.name === 'string') return ` ${p.name}`;
  if (typeof p.uri === 'string') return ` ${p.uri}`;
  if (typeof p.progress === 'number') return ` ${p.progress}${typeof p.total === 'number' ? `/${p.total}` : ''}`;
  return '';
}
