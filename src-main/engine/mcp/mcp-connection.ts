import { Client } from '@modelcontextprotocol/sdk/client/index.js';
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
  type Progress,
} from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { Emitter } from '../../../src-shared/base/event';
import { Disposable } from '../../../src-shared/base/lifecycle';
import type { ServerInfo } from '../../../src-shared/api/schemas/server';
import { HARD_MAX_CALL_TIMEOUT_MS, type ToolCallOutcome, type ToolInfo } from '../../../src-shared/api/schemas/tool';
import type { RequestOutcome } from '../../../src-shared/api/schemas/request';
import type { JsonObject } from '../../../src-shared/api/schemas/common';
import type { LogLevel } from '../../../src-shared/api/schemas/log';
import { LOG_LEVELS } from '../../../src-shared/api/schemas/log';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { Clock } from '../base/clock';
import { APP_VERSION } from '../../../src-shared/version';
import type { RecordingTransport } from './recording-transport';
import { collectPages, type Page } from './paginate';
import {
  effectiveTimeout,
  failureFields,
  failureFromError,
  judge,
  mayMeanExit,
  type Exchange,
  type ExitFacts,
  type ResultChecker,
} from './request-outcome';

export type { ExitFacts } from './request-outcome';

export const CLIENT_INFO = { name: 'mcp-lab', title: 'MCP Lab', version: APP_VERSION };

export interface McpConnectionOptions {
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

/**
 * One MCP session with a server, over a recording transport. Sends any request and turns every
 * way it can end into an outcome value; tells about the server's notifications.
 */
export class McpConnection extends Disposable {
  private readonly _onDidChangeTools = this._register(new Emitter<void>());
  readonly onDidChangeTools = this._onDidChangeTools.event;
  private readonly _onDidChangeResources = this._register(new Emitter<void>());
  readonly onDidChangeResources = this._onDidChangeResources.event;
  private readonly _onDidChangePrompts = this._register(new Emitter<void>());
  readonly onDidChangePrompts = this._onDidChangePrompts.event;
  private readonly _onDidUpdateResource = this._register(new Emitter<string>());
  readonly onDidUpdateResource = this._onDidUpdateResource.event;

  private exitFacts: ExitFacts | undefined;
  /** JSON-RPC ids of our requests awaiting an answer. */
  private readonly inFlight = new Set<string | number>();

  constructor(
    readonly client: Client,
    private readonly tap: RecordingTransport,
    private readonly options: McpConnectionOptions,
  ) {
    super();
    options.exited?.then((f) => (this.exitFacts = f));
    client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => {
      const level = (LOG_LEVELS as readonly string[]).includes(n.params.level) ? n.params.level : 'info';
      options.onServerLog(level, n.params.logger, n.params.data);
    });
    // Handled whether or not the server advertised listChanged: some servers send it anyway.
    client.setNotificationHandler(ToolListChangedNotificationSchema, this.debounced(this._onDidChangeTools));
    client.setNotificationHandler(ResourceListChangedNotificationSchema, this.debounced(this._onDidChangeResources));
    client.setNotificationHandler(PromptListChangedNotificationSchema, this.debounced(this._onDidChangePrompts));
    client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => this._onDidUpdateResource.fire(n.params.uri));
  }

  static create(transport: RecordingTransport, options: McpConnectionOptions): McpConnection {
    const client = new Client(CLIENT_INFO, { capabilities: options.capabilities ?? {} });
    return new McpConnection(client, transport, options);
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

  /** The initialize handshake, bounded. Throws the SDK's error; the session turns it into a status. */
  async handshake(timeoutMs: number): Promise<void> {
    await this.client.connect(this.tap as Transport, { timeout: timeoutMs, maxTotalTimeout: timeoutMs });
  }

  get serverInfo(): ServerInfo {
    const v = this.client.getServerVersion();
    const info: ServerInfo = {
      name: v?.name ?? '(unnamed)',
      version: v?.version ?? '',
      capabilities: (this.client.getServerCapabilities() ?? {}) as Record<string, unknown>,
    };
    if (v?.title) info.title = v.title;
    // The SDK hands the negotiated version to the transport; the tap remembers it.
    if (this.tap.protocolVersion) info.protocolVersion = this.tap.protocolVersion;
    const instr = this.client.getInstructions();
    if (instr) info.instructions = instr;
    return info;
  }

  /** Every page of `tools/list`, guarded against cursors that never end. Throws when listing fails. */
  async listTools(timeoutMs = 30_000): Promise<{ tools: ToolInfo[]; pages: number }> {
    const o = await this.listAll('tools/list', ListToolsResultSchema, (p) => p.tools as ToolInfo[], { timeoutMs });
    if (o.status !== 'ok') throw new Error(o.status === 'protocolError' ? o.message : `${o.status} after ${Math.round(o.durationMs)} ms`);
    return { tools: o.result.items, pages: o.result.pages };
  }

  /** Every page of a paginated list method, as one outcome (sizes and durations summed). */
  listAll<P extends { nextCursor?: string }, T>(
    method: string,
    pageSchema: ResultChecker<P>,
    items: (page: P) => T[],
    options: RequestOptions,
  ): Promise<RequestOutcome<{ items: T[]; pages: number }>> {
    return collectPages<T>(method, async (cursor) => {
      const o = await this.request(method, cursor === undefined ? {} : { cursor }, pageSchema, options);
      return o.status === 'ok' ? { ...o, result: { items: items(o.result), nextCursor: o.result.nextCursor } satisfies Page<T> } : o;
    });
  }

  /** Send one request; whatever happens comes back as an outcome checked against `schema`. */
  async request<T>(method: string, params: Record<string, unknown> | undefined, schema: ResultChecker<T>, options: RequestOptions): Promise<RequestOutcome<T>> {
    const x = await this.exchange(method, params, options);
    const base = { serverId: this.options.serverId ?? '', method, ...x.facts };
    const { responseBytes, ...facts } = base;
    const j = judge(method, x, schema);
    if (j.ok) return { ...facts, status: 'ok', result: j.result, responseBytes: responseBytes ?? 0 };
    return { ...facts, ...failureFields(j.failure, x.facts) };
  }

  async callTool(req: CallRequest, signal: AbortSignal, onProgress: (p: Progress) => void): Promise<ToolCallOutcome> {
    const x = await this.exchange('tools/call', { name: req.toolName, arguments: req.arguments }, { signal, timeoutMs: req.timeoutMs, onprogress: onProgress });
    const { responseBytes, ...facts } = x.facts;
    const base = { callId: req.callId, serverId: this.options.serverId ?? '', toolName: req.toolName, arguments: req.arguments, ...facts };
    const j = judge('tools/call', x, CallToolResultSchema);
    if (!j.ok) return { ...base, ...failureFields(j.failure, x.facts) };
    const result = j.result as CallToolResult;
    return { ...base, status: result.isError ? 'toolError' : 'ok', result, responseBytes: responseBytes ?? 0 };
  }

  /** The one place a request is sent, timed, measured and its errors mapped. */
  private get hardMax(): number {
    return this.options.hardMaxCallMs ?? HARD_MAX_CALL_TIMEOUT_MS;
  }

  private async exchange(method: string, params: Record<string, unknown> | undefined, o: RequestOptions): Promise<Exchange> {
    const { clock } = this.options;
    const startedAt = clock.now();
    const t0 = clock.monotonic();
    let response: { bytes: number; latencyMs: number } | undefined;
    const captured = this.tap.captureRequest(
      () =>
        this.client.request({ method, ...(params === undefined ? {} : { params }) } as Parameters<Client['request']>[0], Unchecked, {
          ...(o.signal ? { signal: o.signal } : {}),
          timeout: o.timeoutMs,
          maxTotalTimeout: this.hardMax,
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
      return { answered: true, raw, facts: facts() };
    } catch (e) {
      const f = facts();
      const aborted = o.signal?.aborted ?? false;
      const exit = !aborted && (this.exitFacts || mayMeanExit(e)) ? (this.exitFacts ?? (await this.awaitExit(1000))) : undefined;
      const timeoutMs = effectiveTimeout(f.durationMs, o.timeoutMs, this.hardMax);
      return { answered: false, failure: failureFromError(e, { aborted, exit, timeoutMs }), facts: f };
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
    const reset = (this.client as unknown as { _resetTimeout?: (id: string | number) => boolean })._resetTimeout;
    if (typeof reset !== 'function') return;
    for (const id of this.inFlight) {
      try {
        reset.call(this.client, id);
      } catch {
        // past the hard maximum: the SDK's own timer ends that call
      }
    }
  }

  private async awaitExit(ms: number): Promise<ExitFacts | undefined> {
    if (!this.options.exited) return undefined;
    return Promise.race([this.options.exited, new Promise<undefined>((r) => setTimeout(r, ms, undefined))]);
  }

  async close(): Promise<void> {
    await this.client.close().catch(() => {});
  }
}
