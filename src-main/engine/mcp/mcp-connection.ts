import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  CallToolResultSchema,
  ErrorCode,
  LoggingMessageNotificationSchema,
  ToolListChangedNotificationSchema,
  type CallToolResult,
  type Progress,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { Emitter } from '../../../src-shared/base/event';
import { Disposable } from '../../../src-shared/base/lifecycle';
import type { ServerInfo } from '../../../src-shared/api/schemas/server';
import { HARD_MAX_CALL_TIMEOUT_MS, type ToolCallOutcome, type ToolInfo } from '../../../src-shared/api/schemas/tool';
import type { JsonObject } from '../../../src-shared/api/schemas/common';
import type { LogLevel } from '../../../src-shared/api/schemas/log';
import { LOG_LEVELS } from '../../../src-shared/api/schemas/log';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { Clock } from '../base/clock';
import { APP_VERSION } from '../../../src-shared/version';
import type { RecordingTransport } from './recording-transport';
import { mcpErrorParts } from './outcome-errors';

export const CLIENT_INFO = { name: 'mcp-lab', title: 'MCP Lab', version: APP_VERSION };

/** Why a server process went away, for calls that were in flight. */
export interface ExitFacts {
  exitCode: number | null;
  signal: string | null;
  message: string;
  stderrTail: string[];
}

export interface McpConnectionOptions {
  clock: Clock;
  /** Resolves when the underlying process (if any) has exited, with the facts to report. */
  exited?: Promise<ExitFacts>;
  onServerLog(level: LogLevel, logger: string | undefined, data: unknown): void;
}

export interface CallRequest {
  callId: string;
  toolName: string;
  arguments: JsonObject;
  timeoutMs: number;
}

const AnyResult = z.looseObject({});
const MAX_LIST_PAGES = 1000;

/**
 * One MCP session with a server, over a recording transport. Knows the server's tools and calls
 * them; every failure mode of a call comes back as an outcome value.
 */
export class McpConnection extends Disposable {
  private readonly _onDidChangeTools = this._register(new Emitter<void>());
  readonly onDidChangeTools = this._onDidChangeTools.event;

  private exitFacts: ExitFacts | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

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
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      clearTimeout(this.refreshTimer);
      this.refreshTimer = setTimeout(() => this._onDidChangeTools.fire(), 30);
    });
    this._register({ dispose: () => clearTimeout(this.refreshTimer) });
  }

  static create(transport: RecordingTransport, options: McpConnectionOptions): McpConnection {
    const client = new Client(CLIENT_INFO, { capabilities: {} });
    return new McpConnection(client, transport, options);
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
    const pv = (this.client as unknown as { _negotiatedProtocolVersion?: string })._negotiatedProtocolVersion;
    if (pv) info.protocolVersion = pv;
    const instr = this.client.getInstructions();
    if (instr) info.instructions = instr;
    return info;
  }

  /** Every page of `tools/list`, guarded against cursors that never end. */
  async listTools(timeoutMs = 30_000): Promise<{ tools: ToolInfo[]; pages: number }> {
    const tools: ToolInfo[] = [];
    const seenCursors = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await this.client.listTools(cursor ? { cursor } : {}, { timeout: timeoutMs });
      pages++;
      tools.push(...(page.tools as Tool[] as ToolInfo[]));
      cursor = page.nextCursor;
      if (cursor !== undefined) {
        if (seenCursors.has(cursor)) throw new Error(`tools/list returned the cursor "${cursor}" twice; stopped paging`);
        seenCursors.add(cursor);
      }
      if (pages >= MAX_LIST_PAGES) throw new Error(`tools/list returned more than ${MAX_LIST_PAGES} pages; stopped paging`);
    } while (cursor !== undefined);
    return { tools, pages };
  }

  async callTool(req: CallRequest, signal: AbortSignal, onProgress: (p: Progress) => void): Promise<ToolCallOutcome> {
    const { clock } = this.options;
    const startedAt = clock.now();
    const t0 = clock.monotonic();
    let response: { bytes: number; latencyMs: number } | undefined;
    const base = {
      callId: req.callId,
      serverId: '',
      toolName: req.toolName,
      arguments: req.arguments,
      startedAt,
    };
    const captured = this.tap.captureRequest(
      () =>
        this.client.request(
          { method: 'tools/call', params: { name: req.toolName, arguments: req.arguments } },
          AnyResult,
          {
            signal,
            timeout: req.timeoutMs,
            resetTimeoutOnProgress: true,
            maxTotalTimeout: HARD_MAX_CALL_TIMEOUT_MS,
            onprogress: onProgress,
          },
        ),
      (facts) => (response = facts),
    );
    const requestBytes = captured.requestBytes;
    // Latency from the tap when we have it (wire to wire); our own clock otherwise.
    const duration = () => response?.latencyMs ?? Math.round((clock.monotonic() - t0) * 100) / 100;
    try {
      const raw = (await captured.result) as Record<string, unknown>;
      const checked = CallToolResultSchema.safeParse(raw);
      if (!checked.success) {
        return {
          ...base,
          status: 'protocolError',
          code: ErrorCode.InternalError,
          message: `the server answered with an invalid tools/call result: ${checked.error.issues[0]?.message ?? 'wrong shape'}`,
          data: { raw, issues: checked.error.issues },
          durationMs: duration(),
          requestBytes,
          responseBytes: response?.bytes ?? 0,
        };
      }
      const result = raw as CallToolResult;
      return {
        ...base,
        status: result.isError ? 'toolError' : 'ok',
        result,
        durationMs: duration(),
        requestBytes,
        responseBytes: response?.bytes ?? 0,
      };
    } catch (e) {
      const durationMs = duration();
      if (signal.aborted) return { ...base, status: 'cancelled', durationMs, requestBytes };
      const parts = mcpErrorParts(e);
      if (parts?.code === ErrorCode.ConnectionClosed || this.exitFacts || !parts) {
        const facts = this.exitFacts ?? (await this.awaitExit(1000));
        if (facts) return { ...base, status: 'crashed', durationMs, requestBytes, ...facts };
      }
      if (parts?.code === ErrorCode.RequestTimeout) {
        const hitHardMax = durationMs >= HARD_MAX_CALL_TIMEOUT_MS - 50;
        return { ...base, status: 'timeout', durationMs, requestBytes, timeoutMs: hitHardMax ? HARD_MAX_CALL_TIMEOUT_MS : req.timeoutMs };
      }
      if (parts) return { ...base, status: 'protocolError', ...parts, durationMs, requestBytes, ...(response ? { responseBytes: response.bytes } : {}) };
      return {
        ...base,
        status: 'protocolError',
        code: ErrorCode.InternalError,
        message: e instanceof Error ? e.message : String(e),
        durationMs,
        requestBytes,
      };
    } finally {
      this.tap.unwatch(captured.id);
    }
  }

  private async awaitExit(ms: number): Promise<ExitFacts | undefined> {
    if (!this.options.exited) return undefined;
    return Promise.race([this.options.exited, new Promise<undefined>((r) => setTimeout(() => r(undefined), ms))]);
  }

  async close(): Promise<void> {
    await this.client.close().catch(() => {});
  }
}
