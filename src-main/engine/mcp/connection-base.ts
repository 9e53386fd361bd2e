import type { Protocol } from '@modelcontextprotocol/sdk/shared/protocol.js';
import {
  CallToolResultSchema,
  ListToolsResultSchema,
  LoggingMessageNotificationSchema,
  PromptListChangedNotificationSchema,
  ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
  ToolListChangedNotificationSchema,
  type CallToolResult,
  type ClientCapabilities,
  type Notification,
  type Progress,
  type Request,
  type Result,
} from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { Emitter } from '../../../src-shared/base/event';
import { Disposable, type IDisposable } from '../../../src-shared/base/lifecycle';
import type { ServerInfo } from '../../../src-shared/api/schemas/server';
import type { ProtocolEra } from '../../../src-shared/api/schemas/protocol';
import { HARD_MAX_CALL_TIMEOUT_MS, type ToolCallOutcome, type ToolInfo } from '../../../src-shared/api/schemas/tool';
import { EmptyResultSchema, type RequestOutcome } from '../../../src-shared/api/schemas/request';
import type { JsonObject } from '../../../src-shared/api/schemas/common';
import type { LogLevel } from '../../../src-shared/api/schemas/log';
import { LOG_LEVELS } from '../../../src-shared/api/schemas/log';
import { boundedWait } from '../base/bounded-wait';
import type { Clock } from '../base/clock';
import type { RecordingTransport } from './recording-transport';
import { collectPages, type Page } from './paginate';
import { combineHints, hintOf, type ListHint } from './cache-hints';
import {
  effectiveTimeout,
  failureFields,
  failureFromError,
  judge,
  mayMeanExit,
  type Exchange,
  type ExitFacts,
  type FailureDetail,
  type ResultChecker,
} from './request-outcome';
import type { ShellWording } from '../base/shell-wording';

export type AnyProtocol = Protocol<Request, Notification, Result>;
type Empty = Record<string, unknown>;

export interface McpConnectionOptions {
  /** How messages name a setting in this shell. */
  wording: ShellWording;
  clock: Clock;
  /** Stamped on every outcome. */
  serverId?: string;
  /** Resolves when the underlying process (if any) has exited, with the facts to report. */
  exited?: Promise<ExitFacts>;
  onServerLog(level: LogLevel, logger: string | undefined, data: unknown): void;
  /** Declared in `initialize` (sampling, elicitation, roots: see client-requests.ts). */
  capabilities?: ClientCapabilities;
  /** No request outlives this, however much progress it reports (default 10 minutes). */
  hardMaxCallMs?: number;
  /** MCP Lab's own notes about the exchange (input_required rounds, subscriptions), for the log. */
  log?(level: 'info' | 'warning' | 'error', text: string): void;
}

export interface CallRequest {
  callId: string;
  toolName: string;
  arguments: JsonObject;
  timeoutMs: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs: number;
  onprogress?: (p: Progress) => void;
  /** Routine traffic of our own (health pings): logged at debug level. */
  quiet?: boolean;
}

/** Every answer is judged by us, against the method's schema: the SDK gets no chance to throw on a bad shape. */
const Unchecked = z.unknown();
const LIST_CHANGED_DEBOUNCE_MS = 30;
/** How often the timeouts of requests in flight are pushed back while they are held. */
const HOLD_TICK_MS = 200;

/**
 * What the session, the handlers and the health monitor use of a connection, whichever protocol
 * era it speaks: send any request and turn every way it can end into an outcome value; tell about
 * the server's notifications. Both eras run over an SDK `Protocol` on our recording transport, so
 * timeouts, progress, cancellation (`notifications/cancelled`) and the protocol log are one code path.
 */
export abstract class ServerConnection extends Disposable {
  private readonly _onDidChangeTools = this._register(new Emitter<void>());
  readonly onDidChangeTools = this._onDidChangeTools.event;
  private readonly _onDidChangeResources = this._register(new Emitter<void>());
  readonly onDidChangeResources = this._onDidChangeResources.event;
  private readonly _onDidChangePrompts = this._register(new Emitter<void>());
  readonly onDidChangePrompts = this._onDidChangePrompts.event;
  private readonly _onDidUpdateResource = this._register(new Emitter<string>());
  readonly onDidUpdateResource = this._onDidUpdateResource.event;
  /** Notifications nothing above handles (task status among them): the tasks client listens here. */
  private readonly _onDidReceiveOtherNotification = this._register(new Emitter<Notification>());
  readonly onDidReceiveOtherNotification = this._onDidReceiveOtherNotification.event;

  private exitFacts: ExitFacts | undefined;
  /** JSON-RPC ids of our requests awaiting an answer. */
  private readonly inFlight = new Set<string | number>();
  private holds = 0;
  private holdTimer: ReturnType<typeof setInterval> | undefined;

  abstract readonly era: ProtocolEra;
  /** Filled once the handshake (initialize or server/discover) completed. */
  abstract get serverInfo(): ServerInfo;

  constructor(
    protected readonly protocol: AnyProtocol,
    protected readonly tap: RecordingTransport,
    protected readonly options: McpConnectionOptions,
  ) {
    super();
    // Never rejects: it resolves with the exit facts (a process's exit, or a remote link's loss).
    void options.exited?.then((f) => (this.exitFacts = f));
    protocol.setNotificationHandler(LoggingMessageNotificationSchema, (n) => {
      const level = (LOG_LEVELS as readonly string[]).includes(n.params.level) ? n.params.level : 'info';
      options.onServerLog(level, n.params.logger, n.params.data);
    });
    // Handled whether or not the server advertised listChanged: some servers send it anyway.
    const gated =
      (f: () => void) =>
      (n: { params?: { _meta?: Record<string, unknown> | undefined } | undefined }): void => {
        if (this.accepts(n.params?._meta)) f();
      };
    protocol.setNotificationHandler(ToolListChangedNotificationSchema, gated(this.debounced(this._onDidChangeTools)));
    protocol.setNotificationHandler(ResourceListChangedNotificationSchema, gated(this.debounced(this._onDidChangeResources)));
    protocol.setNotificationHandler(PromptListChangedNotificationSchema, gated(this.debounced(this._onDidChangePrompts)));
    protocol.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => {
      if (this.accepts(n.params._meta)) this._onDidUpdateResource.fire(n.params.uri);
    });
    protocol.fallbackNotificationHandler = async (n) => this._onDidReceiveOtherNotification.fire(n);
  }

  /** Whether a change notification counts (the stateless era takes only those of its current subscription). */
  protected accepts(_meta: Record<string, unknown> | undefined): boolean {
    return true;
  }

  /** A burst of list_changed notifications becomes one refresh. */
  private debounced(emitter: Emitter<void>): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    this._register({ dispose: () => clearTimeout(timer) });
    return () => {
      clearTimeout(timer);
      timer = setTimeout(() => emitter.fire(), LIST_CHANGED_DEBOUNCE_MS);
    };
  }

  /** Every page of `tools/list`, guarded against cursors that never end. Throws when listing fails. */
  async listTools(timeoutMs = 30_000): Promise<{ tools: ToolInfo[]; pages: number; cache?: ListHint }> {
    const o = await this.listAll('tools/list', ListToolsResultSchema, (p) => p.tools as ToolInfo[], { timeoutMs });
    if (o.status !== 'ok') throw new Error(o.status === 'protocolError' ? o.message : `${o.status} after ${Math.round(o.durationMs)} ms`);
    return { tools: o.result.items, pages: o.result.pages, ...(o.result.cache ? { cache: o.result.cache } : {}) };
  }

  /** Every page of a paginated list method, as one outcome (sizes and durations summed). */
  async listAll<P extends { nextCursor?: string }, T>(
    method: string,
    pageSchema: ResultChecker<P>,
    items: (page: P) => T[],
    options: RequestOptions,
  ): Promise<RequestOutcome<{ items: T[]; pages: number; cache?: ListHint }>> {
    let cache: ListHint | undefined;
    const all = await collectPages<T>(method, async (cursor) => {
      const o = await this.request(method, cursor === undefined ? {} : { cursor }, pageSchema, options);
      if (o.status === 'ok') cache = combineHints(cache, hintOf(o.result));
      return o.status === 'ok' ? { ...o, result: { items: items(o.result), nextCursor: o.result.nextCursor } satisfies Page<T> } : o;
    });
    return all.status === 'ok' && cache ? { ...all, result: { ...all.result, cache } } : all;
  }

  /** Send one request; whatever happens comes back as an outcome checked against `schema`. */
  async request<T>(
    method: string,
    params: Record<string, unknown> | undefined,
    schema: ResultChecker<T>,
    options: RequestOptions,
  ): Promise<RequestOutcome<T>> {
    const x = await this.exchange(method, params, options);
    const base = { serverId: this.options.serverId ?? '', method, ...x.facts };
    const { responseBytes, ...facts } = base;
    const j = judge(method, x, this.resultChecker(method, schema));
    if (j.ok) return { ...facts, status: 'ok', result: j.result, responseBytes: responseBytes ?? 0 };
    return { ...facts, ...failureFields(j.failure, x.facts) };
  }

  async callTool(req: CallRequest, signal: AbortSignal, onProgress: (p: Progress) => void): Promise<ToolCallOutcome> {
    const x = await this.exchange(
      'tools/call',
      { name: req.toolName, arguments: req.arguments },
      { signal, timeoutMs: req.timeoutMs, onprogress: onProgress },
    );
    const { responseBytes, ...facts } = x.facts;
    const base = { callId: req.callId, serverId: this.options.serverId ?? '', toolName: req.toolName, arguments: req.arguments, ...facts };
    const j = judge('tools/call', x, this.resultChecker('tools/call', CallToolResultSchema));
    if (!j.ok) return { ...base, ...failureFields(j.failure, x.facts) };
    const result = j.result as CallToolResult;
    return { ...base, status: result.isError ? 'toolError' : 'ok', result, responseBytes: responseBytes ?? 0 };
  }

  // Requests whose wire form differs by era: the initialize era's requests here; the stateless era overrides them.

  /** Is the server there, and how fast does it answer? */
  ping(o: RequestOptions): Promise<RequestOutcome<Empty>> {
    return this.request('ping', undefined, EmptyResultSchema, o);
  }

  setLoggingLevel(level: LogLevel, o: RequestOptions): Promise<RequestOutcome<Empty>> {
    return this.request('logging/setLevel', { level }, EmptyResultSchema, o);
  }

  subscribeResource(uri: string, o: RequestOptions): Promise<RequestOutcome<Empty>> {
    return this.request('resources/subscribe', { uri }, EmptyResultSchema, o);
  }

  unsubscribeResource(uri: string, o: RequestOptions): Promise<RequestOutcome<Empty>> {
    return this.request('resources/unsubscribe', { uri }, EmptyResultSchema, o);
  }

  /** The schema an answer to `method` is judged by (the stateless era adds its own fields). */
  protected resultChecker<T>(_method: string, schema: ResultChecker<T>): ResultChecker<T> {
    return schema;
  }

  /** Params as they go on the wire (the stateless era adds the per-request `_meta` envelope). */
  protected wireParams(_method: string, params: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
    return params;
  }

  protected get hardMax(): number {
    return this.options.hardMaxCallMs ?? HARD_MAX_CALL_TIMEOUT_MS;
  }

  /** One request/answer exchange; the stateless era layers its input_required rounds over it. */
  protected exchange(
    method: string,
    params: Record<string, unknown> | undefined,
    o: RequestOptions,
  ): Promise<Exchange & { id?: string | number | undefined }> {
    return this.sendOnce(method, params, o, this.hardMax);
  }

  /** The one place a request is sent, timed, measured and its errors mapped. */
  protected async sendOnce(
    method: string,
    params: Record<string, unknown> | undefined,
    o: RequestOptions,
    maxTotalMs: number,
  ): Promise<Exchange & { id?: string | number | undefined }> {
    const { clock } = this.options;
    const startedAt = clock.now();
    const t0 = clock.monotonic();
    let response: { bytes: number; latencyMs: number } | undefined;
    const wire = this.wireParams(method, params);
    const captured = this.tap.captureRequest(
      () =>
        this.protocol.request({ method, ...(wire === undefined ? {} : { params: wire }) } as Request, Unchecked, {
          ...(o.signal ? { signal: o.signal } : {}),
          timeout: o.timeoutMs,
          maxTotalTimeout: maxTotalMs,
          ...(o.onprogress ? { onprogress: o.onprogress, resetTimeoutOnProgress: true } : {}),
        }),
      (facts) => (response = facts),
      o.quiet ?? false,
    );
    if (captured.id !== undefined) this.inFlight.add(captured.id);
    // Latency from the tap when we have it (wire to wire); our own clock otherwise.
    const facts = () => ({
      startedAt,
      durationMs: response?.latencyMs ?? Math.round((clock.monotonic() - t0) * 100) / 100,
      requestBytes: captured.requestBytes,
      ...(response ? { responseBytes: response.bytes } : {}),
    });
    try {
      const raw = await captured.result;
      return { answered: true, raw, facts: facts(), id: captured.id };
    } catch (e) {
      // Given up (whether or not the SDK told the server): the tap stops waiting for an answer.
      this.tap.forget(captured.id);
      const f = facts();
      const aborted = o.signal?.aborted ?? false;
      const exit = !aborted && (this.exitFacts || mayMeanExit(e)) ? (this.exitFacts ?? (await this.awaitExit(1000))) : undefined;
      const timeoutMs = effectiveTimeout(f.durationMs, o.timeoutMs, maxTotalMs);
      return { answered: false, failure: failureFromError(e, { aborted, exit, timeoutMs }), facts: f, id: captured.id };
    } finally {
      this.tap.unwatch(captured.id);
      if (captured.id !== undefined) this.inFlight.delete(captured.id);
    }
  }

  /**
   * Start the timeout of every request in flight again. Called while the server waits for a
   * person (a sampling or elicitation request): that time does not count against a call. The SDK
   * has no public way to do this; its progress handling uses `_resetTimeout`, which we call when
   * it exists (the hard maximum still applies: the SDK enforces it there).
   */
  restartTimeouts(): void {
    const reset = (this.protocol as unknown as { _resetTimeout?: (id: string | number) => boolean })._resetTimeout;
    if (typeof reset !== 'function') return;
    for (const id of this.inFlight) {
      try {
        reset.call(this.protocol, id);
      } catch {
        // past the hard maximum: the SDK's own timer ends that call
      }
    }
  }

  /**
   * Stop the clock of every request in flight (and of those sent meanwhile) until the handle is
   * disposed: a person is answering the server's question, or the debugger holds the server
   * paused. That time does not count against a call; the hard maximum still does. Holds nest.
   */
  holdTimeouts(): IDisposable {
    if (this.holds++ === 0) {
      this.holdTimer = setInterval(() => this.restartTimeouts(), HOLD_TICK_MS);
      this.holdTimer.unref();
    }
    this.restartTimeouts();
    let released = false;
    return {
      dispose: () => {
        if (released) return;
        released = true;
        if (--this.holds === 0) clearInterval(this.holdTimer);
        // The full timeout again from now: the time held is not charged to the call.
        this.restartTimeouts();
      },
    };
  }

  /** True once the transport is gone (the server stopped or crashed). */
  get isClosed(): boolean {
    return this.protocol.transport === undefined;
  }

  /** How a request failed when the process went away meanwhile (undefined while it runs). */
  protected async crashFailure(): Promise<FailureDetail | undefined> {
    const exit = this.exitFacts ?? (await this.awaitExit(1000));
    return exit ? { status: 'crashed', ...exit } : undefined;
  }

  private async awaitExit(ms: number): Promise<ExitFacts | undefined> {
    if (!this.options.exited) return undefined;
    return boundedWait(this.options.exited, ms, undefined);
  }

  override dispose(): void {
    clearInterval(this.holdTimer);
    super.dispose();
  }

  async close(): Promise<void> {
    await this.protocol.close().catch(() => {});
  }
}
