import type {
  ConnectedMcpSessionPort,
  DispatchOptions,
  JsonRpcResponse,
  SessionTaskCapabilities,
} from '@modelcontextprotocol/ext-tasks/client';
import { DispatchError } from '@modelcontextprotocol/ext-tasks/client';
import type { Progress } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { Emitter } from '../../../src-shared/base/event';
import { DisposableStore } from '../../../src-shared/base/lifecycle';
import type { RequestOutcome } from '../../../src-shared/api/schemas/request';
import type { ServerConnection } from '../mcp/connection-base';

/** Every task answer is judged by the tasks client against its own schemas. */
const AnyJson = z.unknown();
const TASKS_EXTENSION = 'io.modelcontextprotocol/tasks';

export interface TaskPortHooks {
  /** Each request the tasks client sent, with how it ended (sizes and times for the call's outcome). */
  onOutcome(method: string, outcome: RequestOutcome<unknown>): void;
  /** `notifications/progress` of the tools/call that created the task. */
  onProgress(p: Progress): void;
  /** Per-request timeout for the task's requests (the call's timeout). */
  timeoutMs: number;
}

/**
 * The tasks client's view of one of our connections: its requests go through the connection
 * (recorded in the protocol log, timed, cancellable like any request), and the server's
 * notifications reach it. Server → client requests (elicitation during `input_required`) are not
 * routed here: the connection's own handlers answer them with the same dialog as any call.
 */
export class ConnectionTaskPort implements ConnectedMcpSessionPort {
  readonly taskCapabilities: SessionTaskCapabilities;
  private readonly _onInvalidated = new Emitter<unknown>();
  private readonly d = new DisposableStore();
  private _invalidated = false;

  constructor(
    readonly endpointId: string,
    private readonly conn: ServerConnection,
    private readonly hooks: TaskPortHooks,
  ) {
    this.taskCapabilities = taskCapabilitiesOf(conn);
    this.d.add(this._onInvalidated);
  }

  get invalidated(): boolean {
    return this._invalidated || this.conn.isClosed;
  }

  async dispatch(request: unknown, options: DispatchOptions = {}): Promise<JsonRpcResponse> {
    const { method, params } = request as { method: string; params?: Record<string, unknown> };
    const o = await this.conn.request(method, params, AnyJson, {
      timeoutMs: options.context?.requestTimeoutMs ?? this.hooks.timeoutMs,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(method === 'tools/call' ? { onprogress: (p: Progress) => this.hooks.onProgress(p) } : {}),
    });
    this.hooks.onOutcome(method, o);
    if (o.status === 'ok') return { kind: 'result', result: o.result as never };
    if (o.status === 'protocolError')
      return { kind: 'error', error: { code: o.code, message: o.message, ...(o.data !== undefined ? { data: o.data as never } : {}) } };
    if (o.status === 'crashed') this.invalidate(new Error(o.message));
    throw new DispatchError(`${method}: ${o.status}`, false);
  }

  onServerRequest(): () => void {
    return () => {};
  }

  onNotification(listener: (notification: never) => void): () => void {
    // The tasks client validates whole JSON-RPC notifications; the SDK hands us method and params.
    const sub = this.conn.onDidReceiveOtherNotification((n) => listener({ jsonrpc: '2.0', ...n } as never));
    return () => sub.dispose();
  }

  onInvalidated(listener: (reason: unknown) => void): () => void {
    const sub = this._onInvalidated.event(listener);
    return () => sub.dispose();
  }

  private invalidate(reason: unknown): void {
    if (this._invalidated) return;
    this._invalidated = true;
    this._onInvalidated.fire(reason);
  }

  dispose(): void {
    this.d.dispose();
  }
}

/** Which task form the server speaks: `capabilities.tasks` (2025-11-25) or the tasks extension (2026-07-28). */
export function taskCapabilitiesOf(conn: ServerConnection): SessionTaskCapabilities {
  const caps = conn.serverInfo.capabilities as { tasks?: unknown; extensions?: Record<string, unknown> };
  if (conn.era === 'stateless') {
    const ext = caps.extensions?.[TASKS_EXTENSION];
    return ext && typeof ext === 'object' && !Array.isArray(ext) ? { generation: 'v2', capabilities: {} } : { generation: 'none' };
  }
  return caps.tasks && typeof caps.tasks === 'object' ? { generation: 'v1', capabilities: caps.tasks as never } : { generation: 'none' };
}
