import { vi } from 'vitest';
import type { ApiClient, ConnectionState } from '../../../../src-shared/api/api-client';
import type { MethodName } from '../../../../src-shared/api/contract';
import { Emitter } from '../../../../src-shared/base/event';

type Handler = (params: unknown, options?: { signal?: AbortSignal }) => unknown;

/** An ApiClient double: methods answer from `handlers`, streams never emit unless `emit` is called. */
export function createFakeApi(handlers: Partial<Record<MethodName, Handler>> = {}) {
  const conn = new Emitter<ConnectionState>();
  const subs = new Map<string, ((e: unknown) => void)[]>();
  const call = vi.fn(async (method: MethodName, params: unknown, options?: { signal?: AbortSignal }) => {
    const h = handlers[method];
    if (!h) throw new Error(`no fake handler for ${method}`);
    return h(params, options);
  });
  const api = {
    call,
    subscribe: vi.fn((stream: string, _params: unknown, onEvent: (e: unknown) => void) => {
      const list = subs.get(stream) ?? [];
      list.push(onEvent);
      subs.set(stream, list);
      return {
        dispose: () =>
          subs.set(
            stream,
            (subs.get(stream) ?? []).filter((x) => x !== onEvent),
          ),
      };
    }),
    connection: { state: 'open' } as ConnectionState,
    onDidChangeConnection: conn.event,
    dispose: () => {},
  } as unknown as ApiClient;
  const emit = (stream: string, event: unknown) => {
    for (const l of subs.get(stream) ?? []) l(event);
  };
  return { api, call, emit, setConnection: (c: ConnectionState) => conn.fire(c) };
}
