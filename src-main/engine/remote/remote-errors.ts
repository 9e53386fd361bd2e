import type { SpawnFailureKind } from '../../../src-shared/api/schemas/server';
import { mcpErrorParts } from '../mcp/outcome-errors';
import { SignInError } from './loopback-receiver';
import { UnsafeOAuthMetadataError } from './oauth-guard';
import { errorCode, oneLine, type HttpFacts } from './observed-fetch';
import type { ShellWording } from '../base/shell-wording';

export interface RemoteFailure {
  kind: SpawnFailureKind;
  message: string;
  hint?: string;
}

/** A failure we already put into words (a 401 without OAuth metadata, a refused document…). */
export class RemoteError extends Error {
  constructor(readonly failure: RemoteFailure) {
    super(failure.message);
  }
}

const TRUST_HINT =
  'If you trust this server, give MCP Lab its certificate (or the certificate of the authority that issued it): start MCP Lab with NODE_EXTRA_CA_CERTS=/path/to/cert.pem in its environment. For a server on this machine, http:// avoids TLS altogether.';

/** A request that got no HTTP answer, in words: what happened, and what to do about it. */
export function describeNetworkError(code: string | undefined, host: string, detail: string): RemoteFailure {
  const port = host.includes(':') ? host.slice(host.lastIndexOf(':') + 1) : undefined;
  switch (code) {
    case 'ECONNREFUSED':
      return {
        kind: 'unreachable',
        message: `nothing answers at ${host} (connection refused)`,
        hint: `Is the server running${port ? ` and listening on port ${port}` : ''}? Start it, or check the URL.`,
      };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return {
        kind: 'unreachable',
        message: `the host name "${host.replace(/:\d+$/, '')}" could not be found (DNS: ${code})`,
        hint: 'Check the URL for a typo, and that this machine is on the network (or VPN) where that host exists.',
      };
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return {
        kind: 'unreachable',
        message: `the connection to ${host} timed out`,
        hint: 'A firewall may drop the connection, or the host is down. Check the URL and the network.',
      };
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
    case 'EPIPE':
      return {
        kind: 'unreachable',
        message: `${host} closed the connection without answering (${code})`,
        hint: 'The server may have crashed or restarted; if it speaks https, check the URL is not http:// (or the other way round).',
      };
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return {
        kind: 'tlsError',
        message: `the TLS certificate of ${host} is self-signed: no certificate authority this machine trusts vouches for it (${code})`,
        hint: TRUST_HINT,
      };
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return {
        kind: 'tlsError',
        message: `the TLS certificate of ${host} was issued by an authority this machine does not trust (${code})`,
        hint: TRUST_HINT,
      };
    case 'CERT_HAS_EXPIRED':
      return {
        kind: 'tlsError',
        message: `the TLS certificate of ${host} has expired (${code})`,
        hint: "The server's owner must renew it. If it looks new, check this machine's clock.",
      };
    case 'CERT_NOT_YET_VALID':
      return {
        kind: 'tlsError',
        message: `the TLS certificate of ${host} is not valid yet (${code})`,
        hint: "Check this machine's clock.",
      };
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return {
        kind: 'tlsError',
        message: `the TLS certificate of ${host} is for another host name: ${detail}`,
        hint: 'Use the host name the certificate was issued for in the URL, or ask the server’s owner for a certificate that names this one.',
      };
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
    case 'EPROTO':
      return {
        kind: 'tlsError',
        message: `${host} does not speak TLS on this port (${code})`,
        hint: 'Is the URL https:// where the server speaks plain http://?',
      };
  }
  if (code && /CERT|TLS|SSL/.test(code))
    return { kind: 'tlsError', message: `TLS with ${host} failed: ${detail} (${code})`, hint: TRUST_HINT };
  return {
    kind: 'unreachable',
    message: `could not reach ${host}: ${detail}${code ? ` (${code})` : ''}`,
    hint: 'Check the URL and that the server is running.',
  };
}

/** An HTTP answer that is not MCP, in words. `oauthOffered`: the server published OAuth metadata. */
export function describeHttpAnswer(
  http: NonNullable<HttpFacts['http']>,
  o: { transport: 'http' | 'sse'; hasAuthHeader: boolean; wording: ShellWording },
): RemoteFailure {
  const w = o.wording;
  const other = o.transport === 'http' ? 'sse' : 'http';
  const path = new URL(http.url).pathname;
  const body = http.bodyStart ? `: ${oneLine(http.bodyStart)}` : '';
  if (http.status >= 200 && http.status < 300) {
    return {
      kind: 'httpError',
      message: `${path} answered with a web page (HTML), not MCP`,
      hint: 'This URL is a website, not an MCP endpoint. Is the path /mcp (Streamable HTTP) or /sse (the older SSE transport)?',
    };
  }
  if (http.status === 401) {
    return o.hasAuthHeader
      ? {
          kind: 'authRequired',
          message: `the server refused the credentials it was sent (HTTP 401)`,
          hint: `${w.checkAuthHeader}: the token may be wrong or expired.`,
        }
      : {
          kind: 'authRequired',
          message: `the server wants credentials (HTTP 401) and offers no OAuth sign-in`,
          hint: `${w.addAuthHeader}.`,
        };
  }
  if (http.status === 403) {
    return {
      kind: 'authRequired',
      message: `the server refused access (HTTP 403 Forbidden)${body}`,
      hint: o.hasAuthHeader
        ? 'The credentials were accepted but are not allowed here: check the token’s permissions or scope.'
        : `Send the credentials the server expects as a header: ${w.addAuthHeader.replace(/^./, (c) => c.toLowerCase())}.`,
    };
  }
  if (http.status === 404) {
    const otherPath = other === 'sse' ? '/sse' : '/mcp';
    return {
      kind: 'httpError',
      message: `nothing at ${path} on this server (HTTP 404)`,
      hint: `Is the path ${o.transport === 'http' ? '/mcp' : '/sse'}? Servers usually serve ${o.transport === 'http' ? 'Streamable HTTP at /mcp' : 'SSE at /sse'}; some serve ${otherPath} (for that, ${w.useTransport(other)}).`,
    };
  }
  if (http.status === 405) {
    return {
      kind: 'httpError',
      message: `${path} does not accept ${http.method} (HTTP 405)`,
      hint: `This may be ${other === 'sse' ? 'an SSE' : 'a Streamable HTTP'} endpoint: ${w.useTransport(other)} (URL usually ending in /${other === 'sse' ? 'sse' : 'mcp'}).`,
    };
  }
  return {
    kind: 'httpError',
    message: `the server answered HTTP ${http.status}${body}`,
    hint: http.status >= 500 ? 'The server failed: look at its own logs.' : 'Check the URL, the transport and the headers.',
  };
}

/** Why a remote server could not be started, from what was thrown and what the wire showed. */
export function describeRemoteFailure(
  e: unknown,
  facts: HttpFacts,
  o: { transport: 'http' | 'sse'; hasAuthHeader: boolean; handshakeTimeoutMs: number; wording: ShellWording },
): RemoteFailure {
  if (e instanceof RemoteError) return e.failure;
  if (facts.unsafeMetadata) return { kind: 'signInFailed', message: facts.unsafeMetadata.message };
  if (e instanceof UnsafeOAuthMetadataError) return { kind: 'signInFailed', message: e.message };
  if (e instanceof SignInError)
    return {
      kind: 'signInFailed',
      message: `sign-in not completed: ${e.message}`,
      hint: e.reason === 'denied' ? 'Start the server to try again.' : undefined,
    };
  const code = errorCode(e);
  if (facts.network && (code === facts.network.code || !facts.http))
    return describeNetworkError(facts.network.code, facts.network.host, facts.network.message);
  if (facts.http) return describeHttpAnswer(facts.http, o);
  const parts = mcpErrorParts(e);
  if (parts?.code === -32001) {
    return {
      kind: 'handshakeTimeout',
      message: `the server did not answer the MCP initialize request within ${Math.round(o.handshakeTimeoutMs / 1000)} s`,
      hint: `Check that the URL is an MCP endpoint and that the transport matches the server (${o.transport === 'http' ? 'Streamable HTTP; an older server may need SSE' : 'SSE; a newer server may need Streamable HTTP'}: ${o.wording.useTransport(o.transport === 'http' ? 'sse' : 'http')}).`,
    };
  }
  const message = parts?.message ?? (e instanceof Error ? e.message : String(e));
  return {
    kind: 'handshakeError',
    message: `the MCP handshake failed: ${message}`,
    hint: `Check the URL and the transport (${o.transport === 'http' ? 'Streamable HTTP' : 'SSE'}).`,
  };
}
