import { STATELESS_PROTOCOL_VERSION, type ProtocolPin } from '../../../src-shared/api/schemas/protocol';
import type { RemoteServerConfig } from '../../../src-shared/api/schemas/server';
import { errorCodeMeaning } from '../../../src-shared/mcp/error-codes';
import type { ServerConnection } from '../mcp/connection-base';
import { oneLine, type HttpFacts } from './observed-fetch';

/** How one connection attempt to a remote server picks its protocol era (see servers/era-connect.ts). */
export interface RemoteEra {
  pin: ProtocolPin;
  /** Set: send initialize without asking server/discover first, for this reason. */
  skipReason?: string;
  probeRefused(): string | undefined;
  /** The connection exists (before its handshake): the caller closes it if the attempt fails. */
  onConnection(conn: ServerConnection): void;
}

/** Refusals by which a server of the 2026-07-28 era says the request was wrong, not that it speaks another era. */
const MODERN_REFUSALS = new Set([-32020, -32021]);

/**
 * The era choice for one attempt. Streamable HTTP asks `server/discover` first, like a process;
 * HTTP+SSE belongs to 2024-11-05 and speaks initialize only. Over HTTP a refused probe is an HTTP
 * status, not a closed pipe: initialize-era servers answer 400 (no session, or a protocol version
 * they do not know), 404 or 405, and then initialize follows on the same transport. A sign-in
 * challenge or a network failure is thrown, so the start signs in or says what failed; a
 * 2026-07-28 refusal (-32020, -32021) means the server speaks this era and refused the request:
 * falling back would hide that, so it is thrown too.
 */
export function remoteEra(
  cfg: RemoteServerConfig,
  facts: HttpFacts,
  signInDue: () => boolean,
  onConnection: (conn: ServerConnection) => void,
): RemoteEra {
  const httpBefore = facts.http;
  const networkBefore = facts.network;
  const pin = cfg.protocol ?? 'auto';
  if (cfg.transport === 'sse') {
    return {
      pin: pin === STATELESS_PROTOCOL_VERSION ? 'auto' : pin,
      skipReason: 'HTTP+SSE is the transport of 2024-11-05: it speaks the initialize era only',
      probeRefused: () => undefined,
      onConnection,
    };
  }
  return {
    pin,
    onConnection,
    probeRefused: () => {
      if (facts.network && facts.network !== networkBefore) throw new Error(facts.network.message);
      const http = facts.http;
      if (!http || http === httpBefore) return undefined;
      if (signInDue()) throw new Error(`server/discover answered HTTP ${http.status}: a sign-in is due`);
      const code = jsonRpcErrorCode(http.bodyStart);
      if (code !== undefined && MODERN_REFUSALS.has(code)) {
        throw new Error(
          `server/discover was refused with ${code} ${errorCodeMeaning(code)?.name ?? ''} (HTTP ${http.status}): ${oneLine(http.bodyStart)}`,
        );
      }
      return `server/discover answered HTTP ${http.status}${http.bodyStart ? ` (${oneLine(http.bodyStart)})` : ''}`;
    },
  };
}

function jsonRpcErrorCode(body: string): number | undefined {
  try {
    const code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'number' ? code : undefined;
  } catch {
    return undefined;
  }
}
