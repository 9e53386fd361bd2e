import { checkResourceAllowed, resourceUrlFromServerUrl } from '@modelcontextprotocol/sdk/shared/auth-utils.js';
import type { HttpExchange } from '../../../src-shared/api/schemas/http-exchange';
import type { OAuthStep } from '../../../src-shared/api/schemas/oauth-trace';
import type { TraceRaw } from './oauth-trace';
import { formOf, jsonOf, newStep, pathOf, scopeSourceText, status, errorOf } from './oauth-step-texts';

/** Discovery, client identity and the authorization request: the steps before any token. */

const ok = (x: HttpExchange) => x.status !== undefined && x.status >= 200 && x.status < 300;
const tried = (xs: HttpExchange[]) => xs.map((x) => `${pathOf(x.url)} → ${status(x)}`).join('; ');
const list = (v: unknown) => (Array.isArray(v) ? v.map(String).join(' ') : typeof v === 'string' ? v : undefined);

export function describeResourceMetadata(xs: HttpExchange[], raw: TraceRaw): OAuthStep {
  const step = newStep('resourceMetadata', xs[0]!.startedAt, xs);
  const found = xs.find((x) => ok(x) && jsonOf(x.responseBody));
  step.facts.push(['tried', tried(xs)]);
  if (!found) {
    step.state = 'warning';
    step.outcome =
      'No protected resource metadata. MCP Lab falls back to the 2025-03-26 way: the MCP server’s origin is taken as its authorization server.';
    step.problem = 'Servers of the 2025-06-18 revision on must publish protected resource metadata.';
    step.fix = `Serve RFC 9728 metadata at ${wellKnown(raw.serverUrl)} (and name it in the 401's WWW-Authenticate resource_metadata).`;
    return step;
  }
  const doc = jsonOf(found.responseBody)!;
  const resource = typeof doc.resource === 'string' ? doc.resource : undefined;
  step.facts.push(['resource', resource ?? '(missing)']);
  step.facts.push(['authorization_servers', list(doc.authorization_servers) ?? '(none)']);
  if (doc.scopes_supported !== undefined) step.facts.push(['scopes_supported', list(doc.scopes_supported) ?? '']);
  step.outcome = `Found at ${pathOf(found.url)}.`;
  const expected = resourceUrlFromServerUrl(raw.serverUrl).href;
  if (resource && !checkResourceAllowed({ requestedResource: expected, configuredResource: resource })) {
    step.state = 'failed';
    step.problem = `Its resource is "${resource}", but MCP Lab connects to "${raw.serverUrl}". A token for one resource must not be sent to another (RFC 8707; RFC 9728 §3.3), so the sign-in stops here.`;
    step.fix = `Publish "resource": "${raw.serverUrl}" (the URL clients connect to) in the protected resource metadata.`;
  } else if (!list(doc.authorization_servers)) {
    step.state = 'warning';
    step.problem = 'It names no authorization_servers: MCP Lab takes the MCP server’s origin as the authorization server.';
    step.fix = 'List the authorization server’s issuer URL in authorization_servers.';
  }
  return step;
}

export function describeAuthServerMetadata(xs: HttpExchange[], raw: TraceRaw): OAuthStep {
  const step = newStep('authServerMetadata', xs[0]!.startedAt, xs);
  const found = xs.find((x) => ok(x) && jsonOf(x.responseBody));
  step.facts.push(['tried', tried(xs)]);
  if (!found) {
    const origin = new URL(xs[0]!.url).origin;
    step.state = 'warning';
    step.outcome = `No authorization server metadata: MCP Lab uses the 2025-03-26 default endpoints ${origin}/authorize, /token and /register.`;
    step.problem =
      'Servers of the 2025-06-18 revision on must publish authorization server metadata (RFC 8414 or OpenID Connect discovery).';
    step.fix = `Serve RFC 8414 metadata at ${origin}/.well-known/oauth-authorization-server.`;
    return step;
  }
  const d = jsonOf(found.responseBody)!;
  step.outcome = `Found at ${pathOf(found.url)}.`;
  for (const k of ['issuer', 'authorization_endpoint', 'token_endpoint', 'registration_endpoint'])
    step.facts.push([k, typeof d[k] === 'string' ? (d[k] as string) : '(none)']);
  for (const k of [
    'code_challenge_methods_supported',
    'grant_types_supported',
    'token_endpoint_auth_methods_supported',
    'scopes_supported',
  ]) {
    if (d[k] !== undefined) step.facts.push([k, list(d[k]) ?? '']);
  }
  if (d.client_id_metadata_document_supported !== undefined)
    step.facts.push(['client_id_metadata_document_supported', String(d.client_id_metadata_document_supported)]);
  const pkce = d.code_challenge_methods_supported;
  const canIdentify = !!raw.settings?.clientId || (!!raw.settings?.clientMetadataUrl && d.client_id_metadata_document_supported === true);
  if (raw.flow === 'authorizationCode' && typeof d.registration_endpoint !== 'string' && !canIdentify) {
    step.state = 'warning';
    step.problem =
      'No registration_endpoint (and no Client ID Metadata Document support MCP Lab could use): a client must be registered with this authorization server beforehand.';
    step.fix = 'Enter a pre-registered client id (and secret) in the server’s OAuth settings, or offer dynamic client registration.';
  }
  if (raw.flow === 'authorizationCode' && pkce === undefined) {
    step.state = 'warning';
    step.problem =
      'It does not list code_challenge_methods_supported. The MCP specification tells clients to refuse to go on without S256 there; MCP Lab goes on so the rest can be seen, but stricter clients stop here.';
    step.fix = 'Add "code_challenge_methods_supported": ["S256"].';
  } else if (raw.flow === 'authorizationCode' && Array.isArray(pkce) && !pkce.includes('S256')) {
    step.state = 'failed';
    step.problem = `code_challenge_methods_supported is ${JSON.stringify(pkce)}: without S256 an MCP client cannot use PKCE.`;
    step.fix = 'Support PKCE with S256 and list it in code_challenge_methods_supported.';
  }
  return step;
}

export function describeClient(xs: HttpExchange[], raw: TraceRaw): OAuthStep {
  const step = newStep('client', xs[0]?.startedAt ?? raw.authorization?.at ?? raw.endedAt ?? raw.startedAt, xs);
  const registration = xs.findLast((x) => x.method === 'POST');
  const cimd = raw.settings?.clientMetadataUrl;
  const cimdSupported = asMetadata(raw)?.client_id_metadata_document_supported === true;
  if (registration) {
    step.title = 'Client identity: dynamic registration';
    const req = jsonOf(registration.requestBody) ?? {};
    step.facts.push(['registration endpoint', pathOf(registration.url)]);
    for (const k of ['client_name', 'redirect_uris', 'grant_types', 'token_endpoint_auth_method', 'scope'])
      if (req[k] !== undefined) step.facts.push([`sent ${k}`, list(req[k]) ?? String(req[k])]);
    if (cimd && !cimdSupported)
      step.facts.push([
        'your client metadata document',
        `${cimd} — not used: the authorization server does not set client_id_metadata_document_supported`,
      ]);
    if (ok(registration)) {
      const res = jsonOf(registration.responseBody) ?? {};
      step.outcome = `Registered as client "${String(res.client_id ?? '?')}"${res.client_secret ? ' with a client secret' : ' (a public client)'}${typeof res.token_endpoint_auth_method === 'string' ? `, authenticating with ${res.token_endpoint_auth_method}` : ''}.`;
    } else {
      const e = errorOf(registration);
      step.state = 'failed';
      step.problem = `The registration endpoint answered ${status(registration)}${e.code ? `: ${e.code}` : ''}${e.description ? ` (${e.description})` : ''}.`;
      step.fix =
        e.code === 'invalid_client_metadata' || e.code === 'invalid_redirect_uri'
          ? 'The server refused MCP Lab’s client metadata (sent above): loopback redirect URIs on any port (http://127.0.0.1:<port>/callback) must be allowed for native clients (RFC 8252 §7.3).'
          : undefined;
    }
    return step;
  }
  const configuredId = raw.settings?.clientId;
  if (configuredId) {
    step.title = 'Client identity: pre-registered';
    step.facts.push(['client id', configuredId]);
    step.facts.push([
      'client secret',
      raw.settings?.clientSecret
        ? 'configured (kept in the secret store)'
        : raw.settings?.clientKey
          ? 'none: a private key signs a JWT instead'
          : 'none (a public client)',
    ]);
    step.outcome = 'Uses the client id from the server’s OAuth settings: no registration.';
  } else if (cimd && cimdSupported) {
    step.title = 'Client identity: metadata document (CIMD)';
    step.facts.push(['client id', cimd]);
    step.outcome =
      'The authorization server supports Client ID Metadata Documents: your document’s URL is the client id (the server fetches it to check the redirect URI).';
  } else if (raw.authorization || raw.exchanges.some((x) => formOf(x).has('grant_type'))) {
    step.title = 'Client identity: registered earlier';
    step.outcome = 'Uses the client MCP Lab registered with this authorization server before (kept in the secret store).';
  }
  return step;
}

export function describeAuthorization(raw: TraceRaw, now: number): OAuthStep {
  const a = raw.authorization!;
  const step = newStep('authorization', a.at);
  let u: URL | undefined;
  try {
    u = new URL(a.url);
  } catch {
    // kept as text below
  }
  step.facts.push(['authorization endpoint', u ? `${u.origin}${u.pathname}` : a.url]);
  const q = u?.searchParams;
  if (q) {
    for (const k of ['client_id', 'redirect_uri', 'resource']) if (q.has(k)) step.facts.push([k, q.get(k)!]);
    step.facts.push(['scope', q.has('scope') ? scopeSourceText(raw) : 'omitted (the server names none)']);
    const pkce = q.get('code_challenge_method');
    step.facts.push(['PKCE', q.has('code_challenge') ? `code_challenge sent, method ${pkce ?? '(none)'}` : 'no code_challenge']);
    step.facts.push(['state', q.has('state') ? 'sent (checked on the way back)' : 'missing']);
  }
  step.facts.push(['link', a.url]);
  const cb = a.callback;
  if (!cb) {
    step.state = raw.result ? 'failed' : 'waiting';
    const left = Math.max(0, Math.round((a.at + a.timeoutMs - now) / 1000));
    step.outcome = raw.result ? 'Nobody completed it.' : `Waiting for you to open the link and approve (${left} s left).`;
  } else if (cb.ok) {
    step.outcome = 'Approved: the browser came back to MCP Lab with a code and the right state.';
  } else {
    step.state = 'failed';
    step.outcome = 'The sign-in did not come back with a code.';
    if (cb.detail) step.problem = cb.detail;
  }
  return step;
}

function asMetadata(raw: TraceRaw): Record<string, unknown> | undefined {
  const x = raw.exchanges.find((e) => /\/\.well-known\/(oauth-authorization-server|openid-configuration)/.test(e.url) && ok(e));
  return x ? jsonOf(x.responseBody) : undefined;
}

function wellKnown(serverUrl: string): string {
  const u = new URL(serverUrl);
  return `${u.origin}/.well-known/oauth-protected-resource${u.pathname === '/' ? '' : u.pathname}`;
}
