import { timingSafeEqual } from 'node:crypto';
import {
  API_PROTOCOL_VERSION,
  apiContract,
  type ApiHandlers,
  type ApiStreams,
  type CallCapability,
  type CallContext,
  type CallOrigin,
  type MethodName,
  type StreamName,
} from '../../src-shared/api/contract';
import { ApiError, toWireError } from '../../src-shared/api/errors';
import { DisposableStore, type IDisposable } from '../../src-shared/base/lifecycle';
import { onUnexpectedError } from '../../src-shared/base/unexpected-error';
import type { RpcPort } from '../../src-shared/rpc/port';
import { ClientMessageSchema, type ClientMessage } from '../../src-shared/rpc/wire';

export interface ServeApiOptions {
  origin: CallOrigin;
  /** What this connection may do beyond a window's requests (default: nothing more). */
  capabilities?: readonly CallCapability[];
  /** When set, the peer's hello must carry this token (browser mode). Compared in constant time. */
  token?: string;
  /** Told about refused peers and malformed messages, for the app log. Never receives the token. */
  onProtocolViolation?: (why: string) => void;
}

type AnyHandler = (params: unknown, ctx: CallContext) => Promise<unknown>;
type AnyStream = (params: unknown, emit: (e: unknown) => void) => IDisposable;

/**
 * Serve the engine's handlers and streams over one port. Every transport goes through here, so
 * validation, cancellation and subscription bookkeeping exist exactly once.
 */
export function serveApi(port: RpcPort, handlers: ApiHandlers, streams: ApiStreams, options: ServeApiOptions): IDisposable {
  const d = new DisposableStore();
  const calls = new Map<number, AbortController>();
  const subs = new Map<number, IDisposable>();
  const capabilities: ReadonlySet<CallCapability> = new Set(options.capabilities);
  let greeted = false;

  const refuse = (code: 'Unauthorized' | 'InvalidParams', message: string) => {
    options.onProtocolViolation?.(message);
    port.send({ t: 'goodbye', error: { code, message } });
    port.close();
  };

  const handleCall = async (m: Extract<ClientMessage, { t: 'call' }>) => {
    // Own properties only: `__proto__`, `constructor` or `toString` must be unknown methods, not
    // Object.prototype members that blow up one line later.
    const spec = Object.hasOwn(apiContract.methods, m.method) ? apiContract.methods[m.method as MethodName] : undefined;
    if (!spec) {
      port.send({ t: 'result', id: m.id, ok: false, error: { code: 'UnknownMethod', message: `unknown method "${m.method}"` } });
      return;
    }
    const parsed = spec.params.safeParse(m.params ?? {});
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
      port.send({
        t: 'result',
        id: m.id,
        ok: false,
        error: {
          code: 'InvalidParams',
          message: `invalid params for ${m.method}${where}: ${first?.message}`,
          details: parsed.error.issues,
        },
      });
      return;
    }
    const ac = new AbortController();
    calls.set(m.id, ac);
    try {
      const handler = handlers[m.method as MethodName] as unknown as AnyHandler;
      const value = await handler(parsed.data, { signal: ac.signal, origin: options.origin, capabilities });
      port.send({ t: 'result', id: m.id, ok: true, value });
    } catch (e) {
      port.send({ t: 'result', id: m.id, ok: false, error: toWireError(e) });
    } finally {
      calls.delete(m.id);
    }
  };

  const handleSub = (m: Extract<ClientMessage, { t: 'sub' }>) => {
    const spec = Object.hasOwn(apiContract.streams, m.stream) ? apiContract.streams[m.stream as StreamName] : undefined;
    if (!spec) {
      port.send({ t: 'subError', id: m.id, error: { code: 'UnknownStream', message: `unknown stream "${m.stream}"` } });
      return;
    }
    const parsed = spec.params.safeParse(m.params ?? {});
    if (!parsed.success) {
      port.send({
        t: 'subError',
        id: m.id,
        error: { code: 'InvalidParams', message: `invalid params for ${m.stream}`, details: parsed.error.issues },
      });
      return;
    }
    subs.get(m.id)?.dispose();
    try {
      const source = streams[m.stream as StreamName] as unknown as AnyStream;
      subs.set(
        m.id,
        source(parsed.data, (payload) => port.send({ t: 'event', id: m.id, payload })),
      );
    } catch (e) {
      port.send({ t: 'subError', id: m.id, error: toWireError(e) });
    }
  };

  d.add(
    port.onMessage((raw) => {
      const parsed = ClientMessageSchema.safeParse(raw);
      if (!parsed.success) {
        options.onProtocolViolation?.('malformed message');
        return;
      }
      const m = parsed.data;
      if (!greeted) {
        if (m.t !== 'hello') return refuse('Unauthorized', 'the first message must be a hello');
        if (m.v !== API_PROTOCOL_VERSION) {
          return refuse(
            'InvalidParams',
            `protocol version ${m.v} is not supported (engine speaks ${API_PROTOCOL_VERSION}); reload the page`,
          );
        }
        if (options.token !== undefined && !tokensMatch(options.token, m.token)) {
          return refuse('Unauthorized', 'missing or wrong access token: open the URL that `mcp-lab serve` printed');
        }
        greeted = true;
        port.send({ t: 'welcome', v: API_PROTOCOL_VERSION });
        return;
      }
      switch (m.t) {
        case 'hello':
          return; // a repeated hello is harmless
        case 'call':
          // Whatever escapes the handler's own try (a reply that cannot be sent, a bug here) is
          // the caller's failure, reported and answered, never the engine's end.
          handleCall(m).catch((e: unknown) => {
            onUnexpectedError(e, `the call ${JSON.stringify(m.method)}`);
            port.send({ t: 'result', id: m.id, ok: false, error: toWireError(e) });
          });
          return;
        case 'cancel':
          calls.get(m.id)?.abort(new ApiError('Cancelled', 'cancelled by the caller'));
          return;
        case 'sub':
          try {
            handleSub(m);
          } catch (e) {
            onUnexpectedError(e, `the subscription ${JSON.stringify(m.stream)}`);
            port.send({ t: 'subError', id: m.id, error: toWireError(e) });
          }
          return;
        case 'unsub':
          subs.get(m.id)?.dispose();
          subs.delete(m.id);
          return;
      }
    }),
  );

  const teardown = () => {
    for (const ac of calls.values()) ac.abort(new ApiError('ConnectionLost', 'the caller went away'));
    calls.clear();
    for (const s of subs.values()) s.dispose();
    subs.clear();
  };
  d.add(port.onClose(teardown));
  d.add({ dispose: teardown });
  return d;
}

export function tokensMatch(expected: string, given: string | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  // Compare equal-length buffers only; the length check leaks nothing useful about a random token.
  return a.length === b.length && timingSafeEqual(a, b);
}
