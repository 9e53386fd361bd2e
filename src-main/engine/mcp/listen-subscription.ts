import type { SubscriptionFilter } from '@modelcontextprotocol/client';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import type { RequestOutcome } from '../../../src-shared/api/schemas/request';
import type { Clock } from '../base/clock';
import { sdkClasses } from './sdk-classes';
import { META } from './stateless-wire';

/** What `subscriptions/listen` asks for, and what the server's acknowledgement says it honours. */
export type ListenFilter = SubscriptionFilter;

interface Pending {
  resolve(
    r: { honored: ListenFilter; ackBytes: number } | { error: { code: number; message: string; data?: unknown } } | { timedOut: true },
  ): void;
}

export interface ListenDeps {
  clock: Clock;
  send(msg: JSONRPCMessage): Promise<void>;
  envelope(): Record<string, unknown>;
  log(level: 'info' | 'warning' | 'error', text: string): void;
  serverId: string;
}

type Empty = Record<string, unknown>;

/**
 * The 2026-07-28 way to hear about changes: one long-lived `subscriptions/listen` request whose
 * filter names the list_changed kinds and the resource URIs wanted. The server acknowledges it
 * with `notifications/subscriptions/acknowledged` (what it will honour) and stamps every change
 * notification with the subscription id. Changing the filter (subscribe, unsubscribe) opens a new
 * listen and cancels the old one once the new one is acknowledged: no gap, and notifications of
 * the old one are not counted twice.
 */
export class ListenSubscription {
  private current: { id: string; honored: ListenFilter } | undefined;
  private readonly pending = new Map<string, Pending>();
  private seq = 0;
  private readonly wanted = new Set<string>();

  constructor(
    private readonly base: Omit<ListenFilter, 'resourceSubscriptions'>,
    private readonly deps: ListenDeps,
  ) {}

  /** The subscription whose notifications count (undefined before the first acknowledgement). */
  get currentId(): string | undefined {
    return this.current?.id;
  }

  get honored(): ListenFilter | undefined {
    return this.current?.honored;
  }

  /** A change notification counts when it carries no subscription id (some servers send them anyway) or the current one. */
  accepts(meta: Record<string, unknown> | undefined): boolean {
    const id = meta?.[META.subscriptionId];
    return id === undefined || id === this.current?.id;
  }

  /** Look at every incoming message first: acknowledgements, refusals and server-side ends of our listens. */
  onMessage(msg: JSONRPCMessage): void {
    const m = msg as {
      id?: unknown;
      method?: string;
      params?: Record<string, unknown>;
      error?: { code: number; message: string; data?: unknown };
      result?: unknown;
    };
    if (m.method === 'notifications/subscriptions/acknowledged') {
      const id = (m.params?._meta as Record<string, unknown> | undefined)?.[META.subscriptionId];
      const p = typeof id === 'string' ? this.pending.get(id) : undefined;
      if (!p) return;
      const honored = sdkClasses().schemas.SubscriptionFilter.safeParse(m.params?.notifications ?? {});
      if (honored.success) p.resolve({ honored: honored.data, ackBytes: JSON.stringify(msg).length });
      else
        p.resolve({
          error: {
            code: ErrorCode.InvalidParams,
            message: 'the server acknowledged subscriptions/listen with a filter that is not a SubscriptionFilter',
            data: { notifications: m.params?.notifications, issues: honored.error.issues },
          },
        });
      return;
    }
    if (m.method === 'notifications/cancelled' && m.params?.requestId === this.current?.id) {
      this.deps.log(
        'warning',
        `the server ended subscriptions/listen ${this.current?.id}${m.params?.reason ? ` (${String(m.params.reason)})` : ''}: change notifications stop until the next subscribe`,
      );
      this.current = undefined;
      return;
    }
    if (typeof m.id === 'string' && m.method === undefined) {
      const p = this.pending.get(m.id);
      if (p && m.error) p.resolve({ error: m.error });
      else if (m.id === this.current?.id) {
        this.deps.log('info', `the server closed subscriptions/listen ${m.id} (it is shutting down)`);
        this.current = undefined;
      }
    }
  }

  /** Open the first listen, if there is anything to hear. Failures are logged, never thrown. */
  async start(timeoutMs: number): Promise<void> {
    if (!this.needed()) return;
    const o = await this.reopen(timeoutMs);
    if (o.status !== 'ok')
      this.deps.log(
        'warning',
        `subscriptions/listen failed (${o.status === 'protocolError' ? o.message : o.status}): list changes will not be noticed`,
      );
  }

  async subscribe(uri: string, timeoutMs: number, signal?: AbortSignal): Promise<RequestOutcome<Empty>> {
    this.wanted.add(uri);
    const o = await this.reopen(timeoutMs, signal);
    if (o.status !== 'ok') {
      this.wanted.delete(uri);
      return o;
    }
    if (!(this.current?.honored.resourceSubscriptions ?? []).includes(uri)) {
      this.wanted.delete(uri);
      return {
        ...facts(o),
        status: 'protocolError',
        code: ErrorCode.InvalidRequest,
        message: `the server acknowledged subscriptions/listen without ${uri}: it does not offer resource subscriptions (capability resources.subscribe)`,
        data: { honored: this.current?.honored ?? {} },
        responseBytes: o.responseBytes,
      };
    }
    return o;
  }

  async unsubscribe(uri: string, timeoutMs: number, signal?: AbortSignal): Promise<RequestOutcome<Empty>> {
    this.wanted.delete(uri);
    if (this.needed()) return this.reopen(timeoutMs, signal);
    // Nothing left to hear: end the listen.
    const startedAt = this.deps.clock.now();
    const old = this.current;
    this.current = undefined;
    const bytes = old ? await this.cancel(old.id, 'nothing left to listen for') : 0;
    return {
      serverId: this.deps.serverId,
      method: 'notifications/cancelled',
      startedAt,
      durationMs: 0,
      requestBytes: bytes,
      status: 'ok',
      result: {},
      responseBytes: 0,
    };
  }

  private needed(): boolean {
    return Boolean(this.base.toolsListChanged || this.base.promptsListChanged || this.base.resourcesListChanged || this.wanted.size);
  }

  private async reopen(timeoutMs: number, signal?: AbortSignal): Promise<RequestOutcome<Empty>> {
    const { clock } = this.deps;
    const id = `mcp-lab-listen-${++this.seq}`;
    const filter: ListenFilter = { ...this.base, ...(this.wanted.size ? { resourceSubscriptions: [...this.wanted] } : {}) };
    const msg = {
      jsonrpc: '2.0',
      id,
      method: 'subscriptions/listen',
      params: { _meta: this.deps.envelope(), notifications: filter },
    } as JSONRPCMessage;
    const startedAt = clock.now();
    const t0 = clock.monotonic();
    const requestBytes = JSON.stringify(msg).length;
    const base = () => ({
      serverId: this.deps.serverId,
      method: 'subscriptions/listen',
      startedAt,
      durationMs: Math.round((clock.monotonic() - t0) * 100) / 100,
      requestBytes,
    });
    const answer = await new Promise<Parameters<Pending['resolve']>[0] | { aborted: true } | { sendFailed: string }>((resolve) => {
      const done = (r: Parameters<typeof resolve>[0]) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.pending.delete(id);
        resolve(r);
      };
      const onAbort = () => done({ aborted: true });
      const timer = setTimeout(() => done({ timedOut: true }), timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, { resolve: done });
      this.deps.send(msg).catch((e: unknown) => done({ sendFailed: e instanceof Error ? e.message : String(e) }));
    });
    if ('honored' in answer) {
      const old = this.current;
      this.current = { id, honored: answer.honored };
      if (old) await this.cancel(old.id, `replaced by ${id}`);
      return { ...base(), status: 'ok', result: { honored: answer.honored }, responseBytes: answer.ackBytes };
    }
    // Whatever went wrong, the server must not keep a listen we gave up on.
    if (!('error' in answer)) void this.cancel(id, 'no acknowledgement');
    if ('error' in answer)
      return {
        ...base(),
        status: 'protocolError',
        code: answer.error.code,
        message: answer.error.message,
        ...(answer.error.data === undefined ? {} : { data: answer.error.data }),
      };
    if ('aborted' in answer) return { ...base(), status: 'cancelled' };
    if ('timedOut' in answer) return { ...base(), status: 'timeout', timeoutMs };
    return {
      ...base(),
      status: 'protocolError',
      code: ErrorCode.ConnectionClosed,
      message: `could not send subscriptions/listen: ${answer.sendFailed}`,
    };
  }

  private async cancel(id: string, reason: string): Promise<number> {
    const msg = { jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: id, reason } } as JSONRPCMessage;
    await this.deps.send(msg).catch(() => {});
    return JSON.stringify(msg).length;
  }
}

function facts(o: RequestOutcome<unknown>) {
  return { serverId: o.serverId, method: o.method, startedAt: o.startedAt, durationMs: o.durationMs, requestBytes: o.requestBytes };
}
