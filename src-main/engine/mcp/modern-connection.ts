import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import type { ClientFeatureName } from '../../../src-shared/api/schemas/client-features';
import type { LogLevel } from '../../../src-shared/api/schemas/log';
import { STATELESS_PROTOCOL_VERSION } from '../../../src-shared/api/schemas/protocol';
import type { RequestOutcome } from '../../../src-shared/api/schemas/request';
import type { ServerInfo } from '../../../src-shared/api/schemas/server';
import type { RequestAnswerer } from './client-requests';
import { clientCapabilities } from './client-requests';
import { ServerConnection, type McpConnectionOptions, type RequestOptions } from './connection-base';
import type { EraWire } from './era-negotiation';
import { abortableSleep, answerRound, MAX_INPUT_ROUNDS, retryParams, STATE_ONLY_PACING_MS } from './input-rounds';
import { ListenSubscription } from './listen-subscription';
import type { RecordingTransport } from './recording-transport';
import { sdkClasses, type StatelessProtocol } from './sdk-classes';
import { invalidResult, type Exchange, type ResultChecker } from './request-outcome';
import {
  INPUT_REQUIRED_METHODS,
  InputRequiredResultSchema,
  isInputRequired,
  requestEnvelope,
  serverInfoOf,
  statelessChecker,
  withEnvelope,
  type DiscoverResult,
} from './stateless-wire';

type Empty = Record<string, unknown>;

export interface ModernConnectionOptions extends McpConnectionOptions {
  clientInfo: Record<string, unknown>;
  /** The features to declare, read at every request: 2026-07-28 declares capabilities per request. */
  declaredFeatures(): ClientFeatureName[];
  /** Level stamped into every request's envelope until `logging.setLevel` changes it (default: everything). */
  logLevel?: LogLevel;
}

/**
 * A connection to a server of the 2026-07-28 revision. There is no handshake: `server/discover`
 * (done by the era probe) said what the server offers; every request carries the `_meta`
 * envelope (version, client info, capabilities, log level); `input_required` results are
 * answered through the same rules and dialogs as the initialize era's server→client requests and
 * the request is sent again; list and resource changes arrive on `subscriptions/listen`.
 */
export class ModernConnection extends ServerConnection {
  readonly era = 'stateless' as const;
  private answerer: RequestAnswerer | undefined;
  private logLevel: LogLevel;
  private readonly closedAc = new AbortController();
  readonly listen: ListenSubscription;

  constructor(
    protocol: StatelessProtocol,
    tap: RecordingTransport,
    private readonly wire: EraWire,
    private readonly discover: DiscoverResult,
    private readonly eraReason: string,
    private readonly o: ModernConnectionOptions,
  ) {
    super(protocol, tap, o);
    this.logLevel = o.logLevel ?? 'debug';
    protocol.onclose = () => this.closedAc.abort('the connection closed');
    const caps = discover.capabilities as {
      tools?: { listChanged?: boolean };
      prompts?: { listChanged?: boolean };
      resources?: { listChanged?: boolean };
    };
    this.listen = new ListenSubscription(
      {
        ...(caps.tools?.listChanged ? { toolsListChanged: true } : {}),
        ...(caps.prompts?.listChanged ? { promptsListChanged: true } : {}),
        ...(caps.resources?.listChanged ? { resourcesListChanged: true } : {}),
      },
      {
        clock: o.clock,
        serverId: o.serverId ?? '',
        send: (m) => wire.send(m),
        envelope: () => this.envelope(),
        log: (l, t) => this.note(l, t),
      },
    );
  }

  static create(
    tap: RecordingTransport,
    wire: EraWire,
    discover: DiscoverResult,
    eraReason: string,
    o: ModernConnectionOptions,
  ): ModernConnection {
    return new ModernConnection(new (sdkClasses().StatelessProtocol)(), tap, wire, discover, eraReason, o);
  }

  /** Who answers `input_required` asks (set by the session once it has wired the pending registry). */
  setAnswerer(a: RequestAnswerer): void {
    this.answerer = a;
  }

  /** Take over the probed pipe and open the change subscription. Nothing is sent before it: there is no handshake. */
  async connect(timeoutMs: number): Promise<void> {
    await this.protocol.connect(this.wire);
    // The listen machinery sees every message before the SDK does (its ids are strings the SDK does not know).
    const sdk = this.wire.onmessage;
    this.wire.onmessage = (msg, extra) => {
      this.listen.onMessage(msg);
      sdk?.(msg, extra);
    };
    await this.listen.start(timeoutMs);
  }

  get serverInfo(): ServerInfo {
    const who = serverInfoOf(this.discover);
    return {
      name: who?.name ?? '(unnamed)',
      version: who?.version ?? '',
      ...(who?.title ? { title: who.title } : {}),
      capabilities: this.discover.capabilities,
      protocolVersion: STATELESS_PROTOCOL_VERSION,
      era: 'stateless',
      eraReason: this.eraReason,
      ...(this.discover.instructions ? { instructions: this.discover.instructions } : {}),
    };
  }

  /** What this request declares (features as configured now) plus the log level. */
  private envelope(): Record<string, unknown> {
    return requestEnvelope({
      clientInfo: this.o.clientInfo,
      capabilities: clientCapabilities(this.o.declaredFeatures()),
      logLevel: this.logLevel,
    });
  }

  protected override wireParams(_method: string, params: Record<string, unknown> | undefined): Record<string, unknown> {
    return withEnvelope(params, this.envelope());
  }

  protected override resultChecker<T>(method: string, schema: ResultChecker<T>): ResultChecker<T> {
    return statelessChecker(method, schema);
  }

  protected override accepts(meta: Record<string, unknown> | undefined): boolean {
    return this.listen.accepts(meta);
  }

  private note(level: 'info' | 'warning' | 'error', text: string): void {
    this.o.log?.(level, text);
  }

  /** 2026-07-28 has no ping: `server/discover` is the cheapest request every server answers. */
  override ping(o: RequestOptions): Promise<RequestOutcome<Empty>> {
    return this.request('server/discover', {}, sdkClasses().schemas.DiscoverResult, o);
  }

  /** No logging/setLevel in 2026-07-28: the level travels in every request's envelope from now on. */
  override async setLoggingLevel(level: LogLevel, _o: RequestOptions): Promise<RequestOutcome<Empty>> {
    this.logLevel = level;
    this.note(
      'info',
      `log level ${level}: 2026-07-28 has no logging/setLevel, so MCP Lab sends it with every request (_meta io.modelcontextprotocol/logLevel)`,
    );
    return {
      serverId: this.o.serverId ?? '',
      method: 'logging/setLevel',
      startedAt: this.o.clock.now(),
      durationMs: 0,
      requestBytes: 0,
      status: 'ok',
      result: {},
      responseBytes: 0,
    };
  }

  override subscribeResource(uri: string, o: RequestOptions): Promise<RequestOutcome<Empty>> {
    return this.listen.subscribe(uri, o.timeoutMs, o.signal);
  }

  override unsubscribeResource(uri: string, o: RequestOptions): Promise<RequestOutcome<Empty>> {
    return this.listen.unsubscribe(uri, o.timeoutMs, o.signal);
  }

  /**
   * One request, and for tools/call, prompts/get and resources/read every `input_required` round
   * after it: each ask answered, the request sent again with the answers, until a complete result.
   * The caller gets the final answer; sizes are summed over the rounds and the duration runs from
   * the first send to the last answer. Each leg is logged on the wire like any request.
   */
  protected override async exchange(method: string, params: Record<string, unknown> | undefined, o: RequestOptions): Promise<Exchange> {
    if (!INPUT_REQUIRED_METHODS.has(method)) return this.sendOnce(method, params, o, this.hardMax);
    const { clock } = this.o;
    const startedAt = clock.now();
    const t0 = clock.monotonic();
    let requestBytes = 0;
    let responseBytes = 0;
    let legParams = params;
    for (let round = 1; ; round++) {
      const remaining = this.hardMax - (clock.monotonic() - t0);
      const x = await this.sendOnce(method, legParams, o, Math.max(1, remaining));
      requestBytes += x.facts.requestBytes;
      responseBytes += x.facts.responseBytes ?? 0;
      const facts = {
        startedAt,
        durationMs: round === 1 ? x.facts.durationMs : Math.round((clock.monotonic() - t0) * 100) / 100,
        requestBytes,
        ...(x.facts.responseBytes !== undefined ? { responseBytes } : {}),
      };
      if (!x.answered || !isInputRequired(x.raw)) return { ...x, facts };
      const ir = InputRequiredResultSchema.safeParse(x.raw);
      if (!ir.success) return { answered: false, failure: invalidResult(method, x.raw, ir.error.issues), facts };
      if (!Object.keys(ir.data.inputRequests ?? {}).length && ir.data.requestState === undefined) {
        return {
          answered: false,
          failure: invalidResult(method, x.raw, [
            { path: ['inputRequests'], message: 'input_required carries neither inputRequests nor requestState' },
          ]),
          facts,
        };
      }
      if (round > MAX_INPUT_ROUNDS) {
        return {
          answered: false,
          failure: {
            status: 'protocolError',
            code: ErrorCode.InternalError,
            message: `${method} still required input after ${MAX_INPUT_ROUNDS} rounds; MCP Lab stopped sending it again`,
            data: { lastResult: x.raw },
          },
          facts,
        };
      }
      if (!this.answerer)
        return {
          answered: false,
          failure: {
            status: 'protocolError',
            code: ErrorCode.InternalError,
            message: 'MCP Lab cannot answer input_required on this connection',
          },
          facts,
        };
      const answered = await answerRound(ir.data, {
        method,
        responseId: x.id,
        round,
        declared: this.o.declaredFeatures(),
        answerer: this.answerer,
        signal: o.signal,
        closed: this.closedAc.signal,
        log: (l, t) => this.note(l, t),
        enableFeature: (f) => this.o.wording.enableFeature(f),
      });
      if ('failure' in answered) {
        const failure = (this.closedAc.signal.aborted && (await this.crashFailure())) || answered.failure;
        return { answered: false, failure, facts: { ...facts, durationMs: Math.round((clock.monotonic() - t0) * 100) / 100 } };
      }
      if (!Object.keys(answered.responses).length && !(await abortableSleep(STATE_ONLY_PACING_MS, o.signal))) {
        return { answered: false, failure: { status: 'cancelled' }, facts };
      }
      this.note(
        'info',
        `${method}: sending it again with ${Object.keys(answered.responses).length} input response(s)${ir.data.requestState !== undefined ? ' and the requestState' : ''} (round ${round})`,
      );
      legParams = retryParams(params, answered.responses, ir.data.requestState);
    }
  }
}
