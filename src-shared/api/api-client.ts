import { Emitter, type Event } from '../base/event';
import { DisposableStore, type IDisposable, toDisposable } from '../base/lifecycle';
import type { ReconnectingRpcPort } from '../rpc/port';
import type { ServerMessage, WireMessage } from '../rpc/wire';
import {
  API_PROTOCOL_VERSION,
  apiContract,
  type MethodName,
  type MethodParams,
  type MethodResult,
  type StreamEvent,
  type StreamName,
  type StreamParams,
} from './contract';
import { ApiError, type WireError } from './errors';

export type ConnectionState =
  | { state: 'connecting' }
  | { state: 'open' }
  | { state: 'closed' }
  /** The engine refused us (bad token, incompatible version): reconnecting will not help. */
  | { state: 'refused'; error: WireError };

export interface CallOptions {
  signal?: AbortSignal;
}

export interface ApiClientOptions {
  token?: string;
  /** Check every result and event against the contract (tests do; production trusts the engine). */
  validateResults?: boolean;
}

export interface ApiClient extends IDisposable {
  call<M extends MethodName>(method: M, params: MethodParams<M>, options?: CallOptions): Promise<MethodResult<M>>;
  /**
   * Subscribe to a stream. `params` may be a thunk: it is re-read on every (re)subscribe, so a log
   * subscription resumes from the last seq it saw after a reconnect.
   */
  subscribe<S extends StreamName>(
    stream: S,
    params: StreamParams<S> | (() => StreamParams<S>),
    onEvent: (event: StreamEvent<S>) => void,
    onError?: (error: ApiError) => void,
  ): IDisposable;
  readonly connection: ConnectionState;
  readonly onDidChangeConnection: Event<ConnectionState>;
}

interface PendingCall {
  method: MethodName;
  resolve(v: unknown): void;
  reject(e: unknown): void;
  cleanup(): void;
}

interface Subscription {
  stream: StreamName;
  params: () => unknown;
  onEvent(e: unknown): void;
  onError?: (e: ApiError) => void;
  wireId?: number;
}

export function createApiClient(port: ReconnectingRpcPort, options: ApiClientOptions = {}): ApiClient {
  const d = new DisposableStore();
  const onDidChangeConnection = d.add(new Emitter<ConnectionState>());
  let connection: ConnectionState = { state: 'connecting' };
  let nextId = 1;
  const pending = new Map<number, PendingCall>();
  const subsByWireId = new Map<number, Subscription>();
  const subs = new Set<Subscription>();
  /** Messages sent before the welcome wait here, so a call made at boot is not lost. */
  let queue: WireMessage[] = [];

  const setConnection = (c: ConnectionState) => {
    connection = c;
    onDidChangeConnection.fire(c);
  };
  const send = (m: WireMessage) => {
    if (connection.state === 'open') port.send(m);
    else queue.push(m);
  };
  const sendSub = (s: Subscription) => {
    const id = nextId++;
    s.wireId = id;
    subsByWireId.set(id, s);
    send({ t: 'sub', id, stream: s.stream, params: s.params() });
  };

  const hello = () => {
    setConnection({ state: 'connecting' });
    port.send({ t: 'hello', v: API_PROTOCOL_VERSION, ...(options.token ? { token: options.token } : {}) });
  };

  d.add(
    port.onMessage((raw) => {
      const m = raw as ServerMessage;
      switch (m.t) {
        case 'welcome': {
          setConnection({ state: 'open' });
          const q = queue;
          queue = [];
          for (const msg of q) port.send(msg);
          return;
        }
        case 'goodbye':
          queue = [];
          setConnection({ state: 'refused', error: m.error });
          failAll(ApiError.fromWire(m.error));
          return;
        case 'result': {
          const p = pending.get(m.id);
          if (!p) return;
          pending.delete(m.id);
          p.cleanup();
          if (m.ok) {
            if (options.validateResults) {
              const r = apiContract.methods[p.method].result.safeParse(m.value);
              if (!r.success) return p.reject(new ApiError('Internal', `result of ${p.method} breaks the contract`, r.error.issues));
            }
            p.resolve(m.value);
          } else p.reject(ApiError.fromWire(m.error));
          return;
        }
        case 'event': {
          const s = subsByWireId.get(m.id);
          if (!s) return;
          if (options.validateResults) {
            const r = apiContract.streams[s.stream].event.safeParse(m.payload);
            if (!r.success) {
              s.onError?.(new ApiError('Internal', `event of ${s.stream} breaks the contract`, r.error.issues));
              return;
            }
          }
          s.onEvent(m.payload);
          return;
        }
        case 'subError': {
          const s = subsByWireId.get(m.id);
          if (!s) return;
          subsByWireId.delete(m.id);
          s.wireId = undefined;
          s.onError?.(ApiError.fromWire(m.error));
          return;
        }
      }
    }),
  );

  const failAll = (err: ApiError) => {
    for (const [id, p] of pending) {
      pending.delete(id);
      p.cleanup();
      p.reject(err);
    }
    subsByWireId.clear();
    for (const s of subs) s.wireId = undefined;
  };

  d.add(
    port.onClose(() => {
      if (connection.state === 'refused') return;
      queue = [];
      setConnection({ state: 'closed' });
      failAll(new ApiError('ConnectionLost', 'the connection to the MCP Lab engine was lost'));
    }),
  );
  d.add(
    port.onOpen(() => {
      hello();
      // Resubscribe what this connection has not seen yet (a subscription made while connecting is
      // already queued); thunk params give each stream its resume cursor.
      for (const s of subs) if (s.wireId === undefined) sendSub(s);
    }),
  );
  if (port.isOpen) hello();

  return {
    get connection() {
      return connection;
    },
    onDidChangeConnection: onDidChangeConnection.event,

    call(method, params, callOptions = {}) {
      if (connection.state === 'closed' || connection.state === 'refused') {
        return Promise.reject(new ApiError('ConnectionLost', `cannot call ${method}: not connected to the MCP Lab engine`));
      }
      const { signal } = callOptions;
      if (signal?.aborted) return Promise.reject(new ApiError('Cancelled', `${method} was cancelled before it was sent`));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const onAbort = () => send({ t: 'cancel', id });
        signal?.addEventListener('abort', onAbort, { once: true });
        pending.set(id, {
          method,
          resolve: resolve as (v: unknown) => void,
          reject,
          cleanup: () => signal?.removeEventListener('abort', onAbort),
        });
        send({ t: 'call', id, method, params });
      });
    },

    subscribe(stream, params, onEvent, onError) {
      const s: Subscription = {
        stream,
        params: typeof params === 'function' ? (params as () => unknown) : () => params,
        onEvent: onEvent as (e: unknown) => void,
        onError,
      };
      subs.add(s);
      if (connection.state !== 'closed' && connection.state !== 'refused') sendSub(s);
      return toDisposable(() => {
        subs.delete(s);
        if (s.wireId !== undefined) {
          subsByWireId.delete(s.wireId);
          if (connection.state === 'open') port.send({ t: 'unsub', id: s.wireId });
        }
      });
    },

    dispose() {
      failAll(new ApiError('ConnectionLost', 'the API client was disposed'));
      subs.clear();
      d.dispose();
    },
  };
}
