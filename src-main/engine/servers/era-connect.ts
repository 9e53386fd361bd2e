import type { ClientFeatureName } from '../../../src-shared/api/schemas/client-features';
import { STATELESS_PROTOCOL_VERSION, type ProtocolPin } from '../../../src-shared/api/schemas/protocol';
import {
  attachClientRequests,
  clientCapabilities,
  createRequestAnswerer,
  type ClientRequestsHandle,
  type ClientRequestsOptions,
} from '../mcp/client-requests';
import type { McpConnectionOptions, ServerConnection } from '../mcp/connection-base';
import { EraWire, probeEra, probeTimeout } from '../mcp/era-negotiation';
import { CLIENT_INFO, McpConnection } from '../mcp/mcp-connection';
import { ModernConnection } from '../mcp/modern-connection';
import type { RecordingTransport } from '../mcp/recording-transport';
import { loadSdkClasses } from '../mcp/sdk-classes';
import { requestEnvelope } from '../mcp/stateless-wire';

export interface EraConnectInput {
  tap: RecordingTransport;
  exited: Promise<unknown>;
  pin: ProtocolPin;
  handshakeTimeoutMs: number;
  /** Skip the server/discover probe (this server exited on it before). */
  skipProbe: boolean;
  /** Why the probe is skipped, when it is not the stdio reason (an HTTP+SSE server speaks initialize only). */
  skipReason?: string;
  /**
   * Over HTTP a refused probe is an answer, not a closed pipe: the reason to fall back to
   * initialize on the same transport (undefined: it really closed). May throw (a sign-in is due).
   */
  probeRefused?(): string | undefined;
  connection: McpConnectionOptions;
  /** Sampling, elicitation, roots: `declared` is what an initialize-era run declares for good. */
  requests: ClientRequestsOptions;
  /** The features enabled in the config now: a 2026-07-28 request declares them afresh each time. */
  enabledFeatures(): ClientFeatureName[];
  /** Called with the connection as soon as it exists (before the handshake), so a stop can close it. */
  onConnection(conn: ServerConnection, requests: ClientRequestsHandle): void;
}

export type EraConnectResult =
  | { kind: 'connected'; conn: ServerConnection }
  /** The process went away while asked server/discover: start it again and skip the probe. */
  | { kind: 'probeClosed'; reason: string };

/** Pinned to 2026-07-28, and the server answered server/discover as a server of another era would (or not at all). */
export class EraRefused extends Error {
  constructor(
    message: string,
    readonly timedOut: boolean,
  ) {
    super(message);
  }
}

/** The handshake did not complete in time, after server/discover went unanswered too. */
export class BothUnanswered extends Error {}

/**
 * Pick the protocol era for a fresh connection and complete its handshake, on one process: ask
 * `server/discover` (unless pinned or known to upset this server), then either keep the 2026-07-28
 * connection or send `initialize` on the same pipe. The whole exchange shares the handshake
 * budget; the probe gets at most half of it. Throws what the handshake throws.
 */
export async function connectEra(i: EraConnectInput): Promise<EraConnectResult> {
  const t0 = Date.now();
  // Loads while the process boots and the probe waits for its answer. Loading is our time, not
  // the server's: however long it took (the first start in a process pays it, with the event loop
  // busy), it does not count against the handshake budget.
  const loading = loadSdkClasses();
  let ownMs = 0;
  void loading.then(() => (ownMs = Date.now() - t0));
  const sdkLoaded = () => loading;
  const budgetLeft = () => Math.max(1, i.handshakeTimeoutMs - (Date.now() - t0 - ownMs));
  const pinnedInitialize = i.pin !== 'auto' && i.pin !== STATELESS_PROTOCOL_VERSION ? i.pin : undefined;
  const wire = new EraWire(i.tap, pinnedInitialize);
  let reason: string;
  let probeTimedOut = false;
  if (pinnedInitialize) reason = `pinned to ${pinnedInitialize}`;
  else if (i.skipProbe && i.pin === 'auto')
    reason = i.skipReason ?? 'this server exited when asked server/discover before, so MCP Lab sends initialize first';
  else {
    let verdict = await probeEra(wire, {
      pin: i.pin,
      envelope: requestEnvelope({ clientInfo: CLIENT_INFO, capabilities: clientCapabilities(i.enabledFeatures()) }),
      timeoutMs: i.pin === STATELESS_PROTOCOL_VERSION ? i.handshakeTimeoutMs : probeTimeout(i.handshakeTimeoutMs),
      exited: i.exited,
    });
    if (verdict.kind === 'closed') {
      const refused = i.probeRefused?.();
      if (refused === undefined) return { kind: 'probeClosed', reason: verdict.reason };
      if (i.pin === STATELESS_PROTOCOL_VERSION)
        throw new EraRefused(`it is pinned to ${STATELESS_PROTOCOL_VERSION}, but ${refused}`, false);
      verdict = { kind: 'initialize', reason: `${refused}: the server speaks the initialize era` };
    }
    if (verdict.kind === 'refused') {
      throw new EraRefused(`it is pinned to ${STATELESS_PROTOCOL_VERSION}, but ${verdict.reason}`, verdict.timedOut);
    }
    if (verdict.kind === 'stateless') {
      await sdkLoaded();
      const conn = ModernConnection.create(i.tap, wire, verdict.discover, verdict.reason, {
        ...i.connection,
        clientInfo: CLIENT_INFO,
        declaredFeatures: i.enabledFeatures,
      });
      const answerer = createRequestAnswerer(conn, i.requests);
      conn.setAnswerer(answerer);
      // Roots travel inside each input_required round: there is nothing to announce when they change.
      i.onConnection(conn, { configChanged: () => {}, dispose: () => answerer.dispose() });
      await conn.connect(budgetLeft());
      return { kind: 'connected', conn };
    }
    reason = verdict.reason;
    probeTimedOut = reason.startsWith('no answer');
    i.connection.log?.(
      'info',
      `asked server/discover first to learn the protocol era (${reason}); continuing with initialize on the same process. Some servers log a warning about that request on stderr (the Python SDK: "Failed to validate request"): it is harmless. ${i.connection.wording.pinToSkipProbe}`,
    );
  }
  await sdkLoaded();
  const conn = McpConnection.create(i.tap, i.connection, wire);
  conn.eraReason = reason;
  i.onConnection(conn, attachClientRequests(conn, i.requests));
  try {
    await conn.handshake(budgetLeft());
  } catch (e) {
    if (probeTimedOut && isTimeout(e)) throw new BothUnanswered('no answer to server/discover nor initialize');
    throw e;
  }
  if (pinnedInitialize && conn.serverInfo.protocolVersion && conn.serverInfo.protocolVersion !== pinnedInitialize) {
    conn.eraReason = `pinned to ${pinnedInitialize}; the server answered ${conn.serverInfo.protocolVersion}`;
  }
  return { kind: 'connected', conn };
}

function isTimeout(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === -32001;
}
