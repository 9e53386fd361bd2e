import type { HttpExchange } from '../../../src-shared/api/schemas/http-exchange';
import type { OAuthStep, OAuthStepKind } from '../../../src-shared/api/schemas/oauth-trace';
import type { TraceRaw } from './oauth-trace';

/**
 * What each step of an OAuth sign-in is expected to do (in words a server author can check their
 * server against), and how to read what a step's requests got back. oauth-steps.ts puts the steps
 * in order and says where a failed sign-in went wrong.
 */

const SPEC = 'https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization';

export const STEP_INFO: Record<OAuthStepKind, { title: string; expected: string; spec: { label: string; url: string } }> = {
  challenge: {
    title: 'The server asks for authorization',
    expected:
      'A protected MCP server answers 401 with `WWW-Authenticate: Bearer resource_metadata="…"` (optionally with `scope="…"`), so the client can find its authorization server. A token with too little scope gets 403 with `error="insufficient_scope"` and the scope it needs.',
    spec: { label: 'MCP authorization: discovery (RFC 9728 §5.1)', url: `${SPEC}#authorization-server-discovery` },
  },
  resourceMetadata: {
    title: 'Protected resource metadata',
    expected:
      'A JSON document (RFC 9728) at the URL the challenge names, else at /.well-known/oauth-protected-resource with the MCP endpoint’s path, then at the root. It lists `authorization_servers`, and its `resource` is this server’s URL.',
    spec: { label: 'RFC 9728: OAuth 2.0 Protected Resource Metadata', url: 'https://datatracker.ietf.org/doc/html/rfc9728' },
  },
  authServerMetadata: {
    title: 'Authorization server metadata',
    expected:
      'A JSON document (RFC 8414, or OpenID Connect discovery) with `issuer`, `authorization_endpoint`, `token_endpoint`, optionally `registration_endpoint`, and `code_challenge_methods_supported` including S256. Servers of the 2025-03-26 revision may have none: clients then use /authorize, /token and /register at the server’s origin.',
    spec: { label: 'RFC 8414: Authorization Server Metadata', url: 'https://datatracker.ietf.org/doc/html/rfc8414' },
  },
  client: {
    title: 'Client identity',
    expected:
      'The client uses a client id registered beforehand; or, where the server sets `client_id_metadata_document_supported`, the URL of its Client ID Metadata Document as client id; or it registers itself (RFC 7591) at the `registration_endpoint`.',
    spec: { label: 'MCP authorization: client registration', url: `${SPEC}#client-registration-approaches` },
  },
  authorization: {
    title: 'Authorization request (PKCE) and approval',
    expected:
      'The person approves in the browser. The request carries response_type=code, client_id, redirect_uri, a PKCE code_challenge with code_challenge_method=S256, state, the resource (RFC 8707) and the scope; the server redirects back with a code and the same state.',
    spec: { label: 'OAuth 2.1 §4.1 with PKCE', url: 'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1#section-4.1' },
  },
  idpTokenExchange: {
    title: 'Identity provider: ID token → ID-JAG',
    expected:
      'Token exchange (RFC 8693) at the identity provider: the ID token as subject_token (type id_token), requested_token_type id-jag, audience = the MCP authorization server’s issuer, resource = the MCP server. The answer’s access_token is the ID-JAG.',
    spec: { label: 'Enterprise-Managed Authorization (MCP extension)', url: 'https://github.com/modelcontextprotocol/ext-auth' },
  },
  token: {
    title: 'Token request',
    expected:
      'POST to the token endpoint with the grant and client authentication; the answer is JSON with access_token and token_type "Bearer" (usually expires_in, scope and a refresh_token too).',
    spec: { label: 'OAuth 2.1 §3.2: token endpoint', url: 'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1#section-3.2' },
  },
  retry: {
    title: 'The request again, with the token',
    expected: 'The MCP request is sent again with `Authorization: Bearer <access token>`; the server accepts the token it just had issued.',
    spec: { label: 'MCP authorization: access token usage', url: `${SPEC}#access-token-usage` },
  },
};

export const TOKEN_TITLES: Record<string, { title: string; expected: string }> = {
  authorization_code: {
    title: 'Token request: code exchange',
    expected:
      'grant_type=authorization_code with the code, the PKCE code_verifier (it must hash to the code_challenge sent before), the same redirect_uri, the resource, and client authentication as registered.',
  },
  refresh_token: {
    title: 'Token request: refresh',
    expected: 'grant_type=refresh_token with the refresh token; a new access token comes back (a refresh never widens the scope).',
  },
  client_credentials: {
    title: 'Token request: client credentials',
    expected:
      'grant_type=client_credentials; the client authenticates with client_secret_basic, or with a signed JWT (client_assertion, private_key_jwt, RFC 7523) whose iss and sub are the client id and aud the authorization server.',
  },
  'urn:ietf:params:oauth:grant-type:jwt-bearer': {
    title: 'Token request: JWT bearer grant (ID-JAG)',
    expected:
      'grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer with the ID-JAG as assertion (RFC 7523), the client authenticated with its secret.',
  },
};

/** What a token endpoint's error codes usually mean, for the person reading the step. */
export const TOKEN_ERROR_FIX: Record<string, string> = {
  invalid_client:
    'Client authentication failed: the client id is unknown, the secret is wrong, or the method is not the one the server supports (see token_endpoint_auth_methods_supported in its metadata). Check the client id and secret in the server’s OAuth settings.',
  invalid_grant:
    'The code or refresh token was refused: it expired, was used already, or the PKCE code_verifier / redirect_uri does not match what the authorization request carried. A server that stores codes must tie them to the code_challenge and redirect_uri it received.',
  unauthorized_client: 'This client may not use this grant type: allow it for the client on the authorization server.',
  unsupported_grant_type:
    'The authorization server does not accept this grant: list the grants it supports in grant_types_supported, and enable this one if it should.',
  invalid_scope: 'The requested scope is not allowed: publish the scopes clients may ask for in scopes_supported, and accept them.',
  invalid_request: 'The request is missing a parameter or has a malformed one: compare it with the expected request above.',
};

export function jsonOf(body: { text: string } | undefined): Record<string, unknown> | undefined {
  if (!body?.text) return undefined;
  try {
    const v = JSON.parse(body.text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The recorded form body (one `name=value` per line, secrets masked) as a map. */
export function formOf(x: HttpExchange): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of (x.requestBody?.text ?? '').split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) m.set(line.slice(0, i), line.slice(i + 1));
  }
  return m;
}

export function header(pairs: [string, string][] | undefined, name: string): string | undefined {
  return pairs?.find(([k]) => k === name)?.[1];
}

/** `Bearer error="insufficient_scope", scope="a b"` → its parameters. */
export function challengeParams(value: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!value) return out;
  for (const m of value.matchAll(/([A-Za-z_]+)="((?:[^"\\]|\\.)*)"|([A-Za-z_]+)=([^\s,"]+)/g)) {
    if (m[1]) out[m[1]] = m[2]!.replace(/\\(.)/g, '$1');
    else if (m[3]) out[m[3]] = m[4]!;
  }
  return out;
}

export function status(x: HttpExchange): string {
  return x.error ? `no answer (${x.error})` : `HTTP ${x.status}`;
}

export function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url;
  }
}

export function errorOf(x: HttpExchange): { code?: string; description?: string } {
  const j = jsonOf(x.responseBody);
  return {
    ...(typeof j?.error === 'string' ? { code: j.error } : {}),
    ...(typeof j?.error_description === 'string' ? { description: j.error_description } : {}),
  };
}

/** A fresh step of a kind, with its standard expectation. */
export function newStep(kind: OAuthStepKind, startedAt: number, exchanges: HttpExchange[] = []): OAuthStep {
  const info = STEP_INFO[kind];
  return { kind, title: info.title, state: 'ok', startedAt, expected: info.expected, facts: [], spec: info.spec, exchanges };
}

export function scopeSourceText(raw: TraceRaw): string {
  const s = raw.scope;
  if (!s) return 'none asked for (the server names no scope)';
  const from = {
    settings: 'from the server’s OAuth settings',
    challenge: 'from the WWW-Authenticate challenge',
    stepUp: `the challenge’s scope added to the ${raw.grantedBefore?.length ? `granted "${raw.grantedBefore.join(' ')}"` : 'granted ones'}`,
    metadata: 'from scopes_supported of the resource metadata',
  }[s.source];
  return `${s.value} (${from})`;
}
