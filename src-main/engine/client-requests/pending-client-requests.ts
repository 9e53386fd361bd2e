import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { ApiError } from '../../../src-shared/api/errors';
import {
  CLIENT_REQUEST_TIMEOUT_MS,
  type ClientRequestEndReason,
  type ClientRequestKind,
  ClientRequestResponseSchema,
  type EndedClientRequest,
  type PendingClientRequest,
} from '../../../src-shared/api/schemas/client-request';
import type { JsonObject } from '../../../src-shared/api/schemas/common';
import { Emitter } from '../../../src-shared/base/event';
import { Disposable } from '../../../src-shared/base/lifecycle';
import type { Clock } from '../base/clock';
import { type Answer, answerFor } from './answer';
import { REQUEST_TIMEOUT, RpcError } from './rpc-error';

export interface WaitRequest {
  serverId: string;
  kind: ClientRequestKind;
  method: string;
  jsonRpcId: string | number;
  params: JsonObject;
  /** Asked inside a 2026-07-28 input_required result (not a server→client request). */
  inputRequired?: PendingClientRequest['inputRequired'];
  /** The SDK aborts it when the server cancels the request or the connection closes. */
  signal: AbortSignal;
  /** Asked just after `signal` aborted: true when the connection is gone (the server stopped) rather than the request withdrawn. */
  connectionClosed(): boolean;
}

interface Entry {
  info: PendingClientRequest;
  end(reason: ClientRequestEndReason, detail: string | undefined, answer: Answer | undefined): void;
}

export type RequestLog = (serverId: string, level: 'info' | 'warning' | 'error', text: string) => void;

/**
 * Every server→client request that waits for a person, across servers. The UI sees them on
 * `requests.pending` and answers with `requests.respond`; a request also ends when the server
 * withdraws it, when the server stops, or after the timeout (the server then gets an error).
 */
export class PendingClientRequests extends Disposable {
  private readonly _onDidChange = this._register(new Emitter<void>());
  readonly onDidChange = this._onDidChange.event;
  private readonly _onDidEnd = this._register(new Emitter<EndedClientRequest>());
  readonly onDidEnd = this._onDidEnd.event;
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    private readonly log: RequestLog,
    private readonly timeoutMs = CLIENT_REQUEST_TIMEOUT_MS,
  ) {
    super();
    this._register({ dispose: () => this.endAll() });
  }

  list(serverId?: string): PendingClientRequest[] {
    return [...this.entries.values()].map((e) => e.info).filter((r) => serverId === undefined || r.serverId === serverId);
  }

  /** Resolves with the result for the server; rejects with the JSON-RPC error to send. */
  wait(w: WaitRequest): Promise<Record<string, unknown>> {
    const now = this.clock.now();
    const info: PendingClientRequest = {
      id: randomUUID(),
      serverId: w.serverId,
      kind: w.kind,
      method: w.method,
      jsonRpcId: w.jsonRpcId,
      params: w.params,
      ...(w.inputRequired ? { inputRequired: w.inputRequired } : {}),
      receivedAt: now,
      expiresAt: now + this.timeoutMs,
    };
    return new Promise((resolve, reject) => {
      const end = (reason: ClientRequestEndReason, detail: string | undefined, answer: Answer | undefined) => {
        if (!this.entries.delete(info.id)) return;
        clearTimeout(timer);
        w.signal.removeEventListener('abort', onAbort);
        if (answer && 'result' in answer) resolve(answer.result);
        else reject(answer?.error ?? new RpcError(REQUEST_TIMEOUT, 'request ended without an answer'));
        this._onDidEnd.fire({
          id: info.id,
          serverId: info.serverId,
          kind: info.kind,
          reason,
          ...(detail ? { detail } : {}),
          endedAt: this.clock.now(),
        });
        this._onDidChange.fire();
      };
      const minutes = Math.round(this.timeoutMs / 60_000);
      const timer = setTimeout(() => {
        const text = `nobody answered this ${w.method} request within ${minutes >= 1 ? `${minutes} minute${minutes === 1 ? '' : 's'}` : `${this.timeoutMs} ms`}`;
        this.log(w.serverId, 'warning', `${w.method} #${w.jsonRpcId}: ${text}; the server got a timeout error (-32001)`);
        end('timedOut', text, { error: new RpcError(REQUEST_TIMEOUT, `MCP Lab: ${text}`) });
      }, this.timeoutMs);
      const onAbort = () => {
        // The SDK aborts on notifications/cancelled and on close alike; on close it drops the
        // transport right after aborting, so look once the current turn is over.
        setImmediate(() => {
          const closed = w.connectionClosed();
          const why = typeof w.signal.reason === 'string' ? w.signal.reason : undefined;
          if (!closed)
            this.log(w.serverId, 'info', `${w.method} #${w.jsonRpcId}: the server withdrew the request${why ? ` (${why})` : ''}`);
          end(closed ? 'serverStopped' : 'withdrawn', why, undefined);
        });
      };
      w.signal.addEventListener('abort', onAbort, { once: true });
      this.entries.set(info.id, { info, end });
      if (w.signal.aborted) onAbort();
      this.log(w.serverId, 'info', `${w.method} #${w.jsonRpcId}: waiting for an answer in MCP Lab (no auto-reply rule matched)`);
      this._onDidChange.fire();
    });
  }

  respond(
    requestId: string,
    response: z.output<typeof ClientRequestResponseSchema>,
  ): { requestId: string; serverId: string; kind: ClientRequestKind; action: string } {
    const entry = this.entries.get(requestId);
    if (!entry) {
      throw new ApiError(
        'NotFound',
        `no pending server request "${requestId}": it was already answered, withdrawn by the server, or timed out`,
      );
    }
    const answer = answerFor(entry.info, response);
    entry.end('answered', 'result' in answer ? describe(answer.result) : answer.error.message, answer);
    return { requestId, serverId: entry.info.serverId, kind: entry.info.kind, action: response.action };
  }

  private endAll(): void {
    for (const e of [...this.entries.values()]) e.end('serverStopped', 'MCP Lab is shutting down', undefined);
  }
}

function describe(result: Record<string, unknown>): string {
  if (typeof result.action === 'string') return result.action;
  return `reply from ${String(result.model)}`;
}
