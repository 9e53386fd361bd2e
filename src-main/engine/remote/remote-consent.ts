import type { RemoteServerConfig } from '../../../src-shared/api/schemas/server';
import type { ConsentWarning } from '../servers/consent';

/**
 * What a person agrees to for a remote server: the transport, the URL its requests go to, and
 * the headers sent along (secret values excepted: the user typed those), and where OAuth credentials
 * go (client id, identity provider). A workspace file from
 * git that points a server at a new URL needs a new review, like a new command.
 */
export function remoteConsentCanonical(config: RemoteServerConfig): string {
  const headers = config.headers
    .map((h) => (h.secret ? `${h.key.toLowerCase()}: <secret>` : `${h.key.toLowerCase()}: ${h.value ?? ''}`))
    .sort();
  // Where stored OAuth credentials are sent: a changed identity provider endpoint would receive the ID token.
  const o = config.oauth;
  const oauth =
    o && (o.flow || o.clientId || o.clientMetadataUrl || o.idp)
      ? {
          flow: o.flow,
          clientId: o.clientId,
          clientMetadataUrl: o.clientMetadataUrl,
          idp: o.idp ? [o.idp.tokenEndpoint, o.idp.clientId] : undefined,
        }
      : undefined;
  return JSON.stringify({ transport: config.transport, url: config.url, headers, ...(oauth ? { oauth } : {}) });
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
/** Headers that carry credentials: a plain value there ends up in a file meant for git. */
const CREDENTIAL_HEADERS = /^(authorization|proxy-authorization|cookie|x-api-key|api-key)$|token|secret|key$/i;
/** Headers that change where or how a request is routed, rather than what it says. */
const ROUTING_HEADERS: Record<string, string> = {
  host: 'sends the request to a different virtual host than the URL names',
  'x-forwarded-for': 'claims to come from another address',
  'x-forwarded-host': 'claims a different original host',
};

export function remoteConsentWarnings(config: RemoteServerConfig): ConsentWarning[] {
  const out: ConsentWarning[] = [];
  let u: URL | undefined;
  try {
    u = new URL(config.url);
  } catch {
    out.push({ where: 'url', match: config.url, why: 'is not a valid URL' });
  }
  if (u) {
    if (u.username || u.password)
      out.push({ where: 'url', match: `${u.username}${u.password ? ':…' : ''}@`, why: 'carries a user name or password in the URL' });
    if (u.protocol === 'http:' && !LOOPBACK.has(u.hostname)) {
      out.push({ where: 'url', match: `http://${u.host}`, why: 'sends every request unencrypted (http, not https) to another machine' });
    }
  }
  for (const h of config.headers) {
    const name = h.key.toLowerCase();
    if (ROUTING_HEADERS[name]) out.push({ where: 'headers', match: h.key, why: ROUTING_HEADERS[name] });
    else if (!h.secret && CREDENTIAL_HEADERS.test(name))
      out.push({ where: 'headers', match: h.key, why: 'sends a credential kept in plain text in the workspace file (mark it secret)' });
  }
  return out;
}
