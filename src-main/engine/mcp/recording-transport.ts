import type { Transport, TransportSendOptions } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage, MessageExtraInfo } from '@modelcontextprotocol/sdk/types.js';
import type { ProtocolMeta } from '../../../src-shared/api/schemas/log';
import type { Clock } from '../base/clock';
import { formatBytes, formatMs } from '../../../src-shared/base/format';
import type { ProtocolSampler } from '../logs/protocol-sampler';
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
 * record (direction, method, id, bytes, latency for responses), or, while a load run samples the
 * log, is counted and its record never built. Works the same over stdio and HTTP.
 */
export class RecordingTransport implements Transport {
  onmessage?: Transport['onmessage'];
  onerror?: Transport['onerror'];
  onclose?: Transport['onclose'];

  /** The protocol version the client negotiated (the SDK tells the transport after initialize). */
  protocolVersion: string | undefined;
  /** `logged`: the request was kept in the log one by one (its answer then is too). */
  private readonly sent = new Map<Id, { at: number; method: string; quiet: boolean; logged: boolean }>();
  /** Requests the server sent us (sampling, elicitation, roots): our answer is logged with their method and how long it took. */
  private readonly received = new Map<Id, { at: number; method: string; logged: boolean }>();
  private captureQuiet = false;
  private readonly watched = new Map<Id, (facts: ResponseFacts) => void>();
  private capture: ((id: Id, bytes: number) => void) | undefined;

  constructor(
    private readonly inner: Transport,
    private readonly sink: (r: TrafficRecord) => void,
    private readonly clock: Clock,
    /** While a load run drives the server: which messages the log keeps one by one (see ProtocolSampler). */
    private readonly sampler?: () => ProtocolSampler | undefined,
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
  captureRequest<T>(
    start: () => T,
    onResponse: (facts: ResponseFacts) => void,
    quiet = false,
  ): { result: T; id: Id | undefined; requestBytes: number } {
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
    // Bookkeeping first (latency, answers awaited): it holds for every message, kept in the log or not.
    const sampler = this.sampler?.();
    const facts: EntryFacts = { dir, kind, bytes: info.bytes, method: m.method, quiet: false };
    let logged = true;
    if (kind === 'request') {
      logged = sampler ? sampler.keepExchange() : true;
      if (dir === 'out') {
        facts.quiet = this.capture !== undefined && this.captureQuiet;
        remember(this.sent, m.id!, { at: now, method: m.method!, quiet: facts.quiet, logged });
        this.capture?.(m.id!, info.bytes);
        this.capture = undefined;
      } else {
        remember(this.received, m.id!, { at: now, method: m.method!, logged });
      }
    } else if (kind === 'response' || kind === 'error') {
      const sent = dir === 'in' && m.id !== undefined ? this.sent.get(m.id) : undefined;
      const answered = dir === 'out' && m.id !== undefined && m.id !== null ? this.received.get(m.id) : undefined;
      if (answered) {
        this.received.delete(m.id!);
        facts.latencyMs = Math.round((now - answered.at) * 100) / 100;
        facts.method = answered.method;
        logged = answered.logged;
      }
      if (sent) {
        facts.quiet = sent.quiet;
        this.sent.delete(m.id!);
        facts.latencyMs = Math.round((now - sent.at) * 100) / 100;
        facts.method = sent.method;
        logged = sent.logged;
        const watcher = this.watched.get(m.id!);
        if (watcher) {
          this.watched.delete(m.id!);
          watcher({ bytes: info.bytes, latencyMs: facts.latencyMs });
        }
      }
      // An answer goes with its request; an error is kept whatever its request's turn.
      if (kind === 'error') logged = true;
    } else {
      // A withdrawn request is never answered: forget it, whichever side withdrew it (the SDK sends
      // this when a call times out or is cancelled).
      if (m.method === 'notifications/cancelled') {
        const requestId = (msg as { params?: { requestId?: Id } }).params?.requestId;
        if (dir === 'in' && requestId !== undefined) this.received.delete(requestId);
        if (dir === 'out') this.forget(requestId);
      }
      logged = sampler ? sampler.keepExchange() : true;
    }
    sampler?.count(logged);
    // Not kept one by one: counted by the sampler, and no entry is built at all.
    if (logged) this.sink(buildRecord(msg, facts, info.preview));
  }
}

interface EntryFacts {
  dir: 'in' | 'out';
  kind: ReturnType<typeof classify>;
  bytes: number;
  method: string | undefined;
  latencyMs?: number;
  quiet: boolean;
}

/** The log record of one message: what the traffic view shows. */
function buildRecord(msg: JSONRPCMessage, f: EntryFacts, preview: string | undefined): TrafficRecord {
  const { dir, kind, bytes } = f;
  const m = msg as { id?: Id; method?: string; error?: { code?: number; message?: string } };
  const meta: ProtocolMeta = { dir, kind: kind === 'invalid' ? 'notification' : kind, bytes };
  if (m.method !== undefined) meta.method = m.method;
  if (m.id !== undefined && m.id !== null) meta.id = m.id;
  const d = detail(msg);
  if (d.trim()) meta.detail = d.trim();
  const arrow = dir === 'out' ? '→' : '←';
  let text: string;
  let expected = false;
  if (kind === 'request') {
    text = `${arrow} ${m.method}${d} #${m.id} (${formatBytes(bytes)})`;
  } else if (kind === 'response' || kind === 'error') {
    if (f.latencyMs !== undefined) meta.latencyMs = f.latencyMs;
    if (f.method !== undefined) meta.method = f.method;
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
    text = `${arrow} #${m.id ?? '?'}${meta.method ? ` ${meta.method}` : ''} ${what} (${timing}${formatBytes(bytes)})`;
  } else {
    text = `${arrow} ${m.method ?? 'message'}${d} (${formatBytes(bytes)})`;
  }
  return {
    meta,
    text,
    data: preview !== undefined ? { truncated: true, bytes, preview } : msg,
    isError: kind === 'error' && !expected,
    quiet: f.quiet,
  };
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
