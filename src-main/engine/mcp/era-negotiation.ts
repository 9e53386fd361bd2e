import type { Transport, TransportSendOptions } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage, MessageExtraInfo } from '@modelcontextprotocol/sdk/types.js';
import { STATELESS_PROTOCOL_VERSION, type ProtocolPin } from '../../../src-shared/api/schemas/protocol';
import { formatMs } from '../../../src-shared/base/format';
import { loadSdkClasses } from './sdk-classes';
import type { DiscoverResult } from './stateless-wire';

/**
 * The transport a connection of either era runs over, after (or instead of) the era probe: it
 * starts the real transport once, so the probe and the SDK's `connect()` share one process and
 * one pipe; and it can pin the version an initialize-era handshake asks for.
 */
export class EraWire implements Transport {
  onmessage?: Transport['onmessage'];
  onerror?: Transport['onerror'];
  onclose?: Transport['onclose'];
  private started: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly inner: Transport,
    /** Sent as `protocolVersion` in `initialize` instead of the SDK's latest (a pinned revision). */
    private readonly initializeVersion?: string,
  ) {
    inner.onmessage = (msg: JSONRPCMessage, extra?: MessageExtraInfo) => this.onmessage?.(msg, extra);
    inner.onerror = (e) => this.onerror?.(e);
    inner.onclose = () => {
      this.closed = true;
      this.onclose?.();
    };
  }

  get sessionId() {
    return this.inner.sessionId;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  setProtocolVersion(v: string): void {
    this.inner.setProtocolVersion?.(v);
  }

  start(): Promise<void> {
    this.started ??= this.inner.start();
    return this.started;
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  send(msg: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    const m = msg as { method?: string; params?: Record<string, unknown> };
    if (this.initializeVersion && m.method === 'initialize' && m.params) {
      return this.inner.send({ ...msg, params: { ...m.params, protocolVersion: this.initializeVersion } } as JSONRPCMessage, options);
    }
    return this.inner.send(msg, options);
  }
}

export type EraVerdict =
  /** The server speaks 2026-07-28: keep its discover result. */
  | { kind: 'stateless'; discover: DiscoverResult; reason: string }
  /** Speak initialize on the same process. */
  | { kind: 'initialize'; reason: string }
  /** The process closed its output or exited while asked server/discover. */
  | { kind: 'closed'; reason: string }
  /** Pinned to 2026-07-28, and the server is not of that era. */
  | { kind: 'refused'; reason: string; timedOut: boolean };

export interface ProbeOptions {
  pin: ProtocolPin;
  /** The probe's own `_meta` envelope (version, client info, capabilities). */
  envelope: Record<string, unknown>;
  /** How long to wait for the answer before falling back to initialize (or failing, when pinned). */
  timeoutMs: number;
  /** Resolves when the process exits. */
  exited: Promise<unknown>;
}

/** The id of the era probe: its error answer is expected, and the protocol log says so. */
export const PROBE_ID = 'mcp-lab-discover';

/**
 * Ask `server/discover` on a fresh connection and say which era to speak. Every JSON-RPC error
 * means initialize: servers of that era answer -32601 (TypeScript SDK, the Python stdlib fixture)
 * or -32602 (the Python SDK under FastMCP 2.x/3.x validates the method first); a result that is
 * not a DiscoverResult, or one that offers no revision we speak, means initialize too. The probe
 * id is a string, so it never collides with the SDK's numeric ids on the shared pipe.
 */
export async function probeEra(wire: EraWire, o: ProbeOptions): Promise<EraVerdict> {
  const pinned = o.pin === STATELESS_PROTOCOL_VERSION;
  await wire.start();
  const reply = await new Promise<
    { kind: 'result'; result: unknown } | { kind: 'error'; code: number; message: string } | { kind: 'closed' } | { kind: 'timeout' }
  >((resolve) => {
    let done = false;
    const settle = (r: Parameters<typeof resolve>[0]) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      wire.onmessage = undefined;
      wire.onclose = undefined;
      resolve(r);
    };
    const timer = setTimeout(() => settle({ kind: 'timeout' }), o.timeoutMs);
    wire.onmessage = (msg) => {
      const m = msg as { id?: unknown; result?: unknown; error?: { code?: unknown; message?: unknown } };
      if (m.id !== PROBE_ID) return; // a log line or a notification before the answer: the tap has logged it
      if (m.error) settle({ kind: 'error', code: Number(m.error.code), message: String(m.error.message ?? '') });
      else settle({ kind: 'result', result: m.result });
    };
    wire.onclose = () => settle({ kind: 'closed' });
    void o.exited.then(() => settle({ kind: 'closed' }));
    if (wire.isClosed) settle({ kind: 'closed' });
    wire
      .send({ jsonrpc: '2.0', id: PROBE_ID, method: 'server/discover', params: { _meta: o.envelope } } as JSONRPCMessage)
      .catch(() => settle({ kind: 'closed' }));
  });

  if (reply.kind === 'closed') return { kind: 'closed', reason: 'the server closed the connection when asked server/discover' };
  if (reply.kind === 'timeout') {
    const reason = `no answer to server/discover within ${formatMs(o.timeoutMs)}`;
    return pinned ? { kind: 'refused', reason, timedOut: true } : { kind: 'initialize', reason: `${reason}; sent initialize` };
  }
  if (reply.kind === 'error') {
    const reason = `server/discover answered ${reply.code} ${reply.message}`.trim();
    return pinned
      ? { kind: 'refused', reason, timedOut: false }
      : { kind: 'initialize', reason: `${reason}: the server speaks the initialize era` };
  }
  const parsed = (await loadSdkClasses()).schemas.DiscoverResult.safeParse(reply.result);
  if (!parsed.success) {
    const reason = 'server/discover answered with something that is not a DiscoverResult';
    return pinned ? { kind: 'refused', reason, timedOut: false } : { kind: 'initialize', reason };
  }
  if (!parsed.data.supportedVersions.includes(STATELESS_PROTOCOL_VERSION)) {
    const reason = `server/discover offers ${parsed.data.supportedVersions.join(', ') || 'no version'}, not ${STATELESS_PROTOCOL_VERSION}`;
    return pinned ? { kind: 'refused', reason, timedOut: false } : { kind: 'initialize', reason };
  }
  return {
    kind: 'stateless',
    discover: parsed.data,
    reason: pinned ? `pinned to ${STATELESS_PROTOCOL_VERSION}` : `server/discover offers ${STATELESS_PROTOCOL_VERSION}`,
  };
}

/** How long the probe may wait before falling back: half the handshake budget, at most 10 s (initialize gets the rest). */
export function probeTimeout(handshakeTimeoutMs: number): number {
  return Math.min(10_000, Math.max(1, Math.floor(handshakeTimeoutMs / 2)));
}
