import type { HttpExchange } from '../../../src-shared/api/schemas/http-exchange';
import type { OAuthStep, OAuthStepKind, OAuthTrace } from '../../../src-shared/api/schemas/oauth-trace';
import type { FailureReason, TraceRaw } from './oauth-trace';
import {
  TOKEN_ERROR_FIX,
  TOKEN_TITLES,
  challengeParams,
  errorOf,
  formOf,
  header,
  jsonOf,
  newStep,
  pathOf,
  scopeSourceText,
  status,
} from './oauth-step-texts';
import { describeAuthorization, describeAuthServerMetadata, describeClient, describeResourceMetadata } from './oauth-step-discovery';
import type { ShellWording } from '../base/shell-wording';

/**
 * A sign-in as steps: the requests grouped by what they were for, in the order they happened,
 * each checked against what the specification expects, and the step where it went wrong marked
 * with the reason and a fix.
 */
export function describeTrace(raw: TraceRaw, now: number, wording: ShellWording): OAuthTrace {
  const steps: OAuthStep[] = [];
  if (raw.challenge) steps.push(describeChallenge(raw.challenge, raw));
  for (const g of groups(raw)) steps.push(g);
  placeClientStep(raw, steps);
  placeAuthorizationStep(raw, steps, now);
  if (raw.retry) steps.push(describeRetry(raw.retry.exchange, raw));
  if (raw.result && !raw.result.ok) markFailure(raw, steps, raw.result.message, raw.result.reason, wording);
  return {
    id: raw.id,
    serverId: raw.serverId,
    startedAt: raw.startedAt,
    ...(raw.endedAt !== undefined ? { endedAt: raw.endedAt } : {}),
    flow: raw.flow,
    trigger: raw.trigger,
    state: overallState(raw, steps),
    summary: summary(raw, steps),
    steps,
  };
}

type Kind = OAuthStepKind | 'other';

function classify(x: HttpExchange, raw: TraceRaw): Kind {
  const path = (() => {
    try {
      return new URL(x.url).pathname;
    } catch {
      return '';
    }
  })();
  if (path.includes('/.well-known/oauth-protected-resource')) return 'resourceMetadata';
  if (path.includes('/.well-known/oauth-authorization-server') || path.includes('/.well-known/openid-configuration'))
    return 'authServerMetadata';
  if (x.method !== 'POST') return 'other';
  const idp = raw.settings?.idp?.tokenEndpoint;
  if (idp && pathOf(x.url) === pathOf(idp)) return 'idpTokenExchange';
  if (formOf(x).has('grant_type')) return 'token';
  if (jsonOf(x.requestBody)?.redirect_uris !== undefined || jsonOf(x.requestBody)?.client_name !== undefined) return 'client';
  return 'other';
}

/** Consecutive requests of one kind are one step (the discovery of a document tries several URLs). */
function groups(raw: TraceRaw): OAuthStep[] {
  const out: { kind: OAuthStepKind; xs: HttpExchange[] }[] = [];
  for (const x of raw.exchanges) {
    const kind = classify(x, raw);
    const last = out.at(-1);
    if (kind === 'other') {
      // A request that fits no step (a redirect followed, say) stays with the one before it.
      last?.xs.push(x);
      continue;
    }
    const sameTokenGrant =
      kind === 'token' && last?.kind === 'token' && formOf(last.xs[0]!).get('grant_type') === formOf(x).get('grant_type');
    if (last && kind === last.kind && (kind !== 'token' || sameTokenGrant)) last.xs.push(x);
    else out.push({ kind, xs: [x] });
  }
  return out.map(({ kind, xs }) => describeGroup(kind, xs, raw));
}

function describeGroup(kind: OAuthStepKind, xs: HttpExchange[], raw: TraceRaw): OAuthStep {
  switch (kind) {
    case 'resourceMetadata':
      return describeResourceMetadata(xs, raw);
    case 'authServerMetadata':
      return describeAuthServerMetadata(xs, raw);
    case 'client':
      return describeClient(xs, raw);
    case 'idpTokenExchange':
      return describeIdp(xs);
    default:
      return describeToken(xs);
  }
}

function describeChallenge(x: HttpExchange, raw: TraceRaw): OAuthStep {
  const step = newStep('challenge', x.startedAt, [x]);
  const www = header(x.responseHeaders, 'www-authenticate');
  const p = challengeParams(www);
  step.title = x.status === 403 ? 'The server asks for more scope (403)' : `The server asks for authorization (${status(x)})`;
  step.facts.push(['status', status(x)]);
  if (www) step.facts.push(['WWW-Authenticate', www]);
  if (p.scope) step.facts.push(['scope asked for', p.scope]);
  if (raw.grantedBefore?.length) step.facts.push(['scope of the refused token', raw.grantedBefore.join(' ')]);
  step.outcome =
    x.status === 403
      ? `The token lacks scope${p.scope ? ` "${p.scope}"` : ''}: MCP Lab signs in again asking for it.`
      : 'MCP Lab signs in.';
  if (!www) {
    step.state = 'warning';
    step.problem =
      'The 401 carries no WWW-Authenticate header, so it does not say where to authorize: MCP Lab looks at the well-known metadata locations instead.';
    step.fix = 'Answer 401 with `WWW-Authenticate: Bearer resource_metadata="<URL of your protected resource metadata>"`.';
  } else if (!/^\s*bearer\b/i.test(www) && !/,\s*bearer\b/i.test(www)) {
    step.state = 'warning';
    step.problem = `The challenge is not a Bearer challenge ("${www.slice(0, 60)}"): OAuth may not be what the server expects.`;
  } else if (!p.resource_metadata && x.status === 401) {
    step.state = 'warning';
    step.problem =
      'The challenge names no resource_metadata: MCP Lab looks at the well-known locations instead (allowed, but the header is the way the specification asks for).';
    step.fix = 'Add `resource_metadata="<URL of your protected resource metadata>"` to the WWW-Authenticate header.';
  }
  return step;
}

function describeIdp(xs: HttpExchange[]): OAuthStep {
  const x = xs.at(-1)!;
  const step = newStep('idpTokenExchange', xs[0]!.startedAt, xs);
  const f = formOf(x);
  for (const k of ['audience', 'resource', 'requested_token_type', 'subject_token_type', 'client_id'])
    if (f.has(k)) step.facts.push([k, f.get(k)!]);
  if (x.status !== undefined && x.status < 300) {
    const j = jsonOf(x.responseBody);
    step.outcome = `The identity provider issued ${typeof j?.issued_token_type === 'string' ? j.issued_token_type : 'a token'}.`;
  } else {
    const e = errorOf(x);
    step.state = 'failed';
    step.problem = `The identity provider answered ${status(x)}${e.code ? `: ${e.code}` : ''}${e.description ? ` (${e.description})` : ''}.`;
  }
  return step;
}

function describeToken(xs: HttpExchange[]): OAuthStep {
  const x = xs.at(-1)!;
  const grant = formOf(x).get('grant_type') ?? '';
  const step = newStep('token', xs[0]!.startedAt, xs);
  const t = TOKEN_TITLES[grant];
  if (t) {
    step.title = t.title;
    step.expected = t.expected;
  }
  const f = formOf(x);
  step.facts.push(['token endpoint', pathOf(x.url)]);
  step.facts.push(['client authentication', clientAuth(x, f)]);
  if (f.has('resource')) step.facts.push(['resource', f.get('resource')!]);
  if (f.has('scope')) step.facts.push(['scope', f.get('scope')!]);
  if (grant === 'authorization_code') step.facts.push(['PKCE code_verifier', f.has('code_verifier') ? 'sent' : 'missing']);
  if (x.status !== undefined && x.status < 300) {
    const j = jsonOf(x.responseBody) ?? {};
    const parts = [`access token issued${typeof j.token_type === 'string' ? ` (${j.token_type})` : ''}`];
    if (typeof j.expires_in === 'number') parts.push(`expires in ${j.expires_in} s`);
    if (typeof j.scope === 'string') parts.push(`scope "${j.scope}"`);
    parts.push(j.refresh_token ? 'with a refresh token' : 'no refresh token');
    step.outcome = sentence(parts.join(', '));
    if (typeof j.token_type === 'string' && j.token_type.toLowerCase() !== 'bearer') {
      step.state = 'warning';
      step.problem = `token_type is "${j.token_type}", not "Bearer": MCP clients send it as a Bearer token anyway.`;
    }
  } else {
    const e = errorOf(x);
    step.state = grant === 'refresh_token' ? 'warning' : 'failed';
    step.problem = `The token endpoint answered ${status(x)}${e.code ? `: ${e.code}` : ''}${e.description ? ` (${e.description})` : ''}.${grant === 'refresh_token' ? ' MCP Lab signs in again instead.' : ''}`;
    if (e.code && TOKEN_ERROR_FIX[e.code] && grant !== 'refresh_token') step.fix = TOKEN_ERROR_FIX[e.code];
  }
  return step;
}

function clientAuth(x: HttpExchange, f: Map<string, string>): string {
  const auth = header(x.requestHeaders, 'authorization');
  if (auth && /^basic\s/i.test(auth)) return `client_secret_basic: ${auth.replace(/^basic\s+/i, '')}`;
  if (f.has('client_assertion')) return `private_key_jwt (a signed JWT, ${f.get('client_assertion_type') ?? 'no client_assertion_type'})`;
  if (f.has('client_secret')) return `client_secret_post (client_id "${f.get('client_id') ?? '?'}")`;
  return f.has('client_id') ? `none: a public client ("${f.get('client_id')}")` : 'none';
}

function describeRetry(x: HttpExchange, raw: TraceRaw): OAuthStep {
  const step = newStep('retry', x.startedAt, [x]);
  step.facts.push(['status', status(x)]);
  if (x.status !== undefined && x.status < 400) {
    step.outcome = 'The server accepted the new token.';
    return step;
  }
  const p = challengeParams(header(x.responseHeaders, 'www-authenticate'));
  step.state = 'failed';
  if (x.status === 403 && p.error === 'insufficient_scope') {
    step.problem = `The server still refuses for lack of scope${p.scope ? ` (it asks for "${p.scope}")` : ''}, although MCP Lab asked for ${raw.scope ? `"${raw.scope.value}"` : 'the scope it named'}. MCP Lab does not sign in again for the same challenge.`;
    step.fix =
      'Compare the scope the token endpoint granted (above) with what the server checks: either the authorization server does not grant that scope to this client, or the server requires a scope its challenge does not name.';
  } else {
    step.problem = `The server refused the token it just had issued (${status(x)}).`;
    step.fix =
      'Check how the server validates tokens: the audience or resource it expects (tokens are issued for the resource above), the issuer, and the clock. Its WWW-Authenticate error says more if it sends one.';
  }
  return step;
}

/** Pre-registered and metadata-document clients make no request of their own: their step is placed after discovery. */
function placeClientStep(raw: TraceRaw, steps: OAuthStep[]): void {
  if (steps.some((s) => s.kind === 'client')) return;
  const step = describeClient([], raw);
  if (!step.outcome) return; // not known (yet): a failure that concerns it adds it (markFailure)
  const i = steps.findLastIndex((s) => s.kind === 'resourceMetadata' || s.kind === 'authServerMetadata' || s.kind === 'challenge');
  steps.splice(i + 1, 0, step);
}

function placeAuthorizationStep(raw: TraceRaw, steps: OAuthStep[], now: number): void {
  const a = raw.authorization;
  if (!a) return;
  const step = describeAuthorization(raw, now);
  // Before the first token request that came after the link was handed out (the code exchange).
  const i = steps.findIndex((s) => s.kind === 'token' && s.startedAt >= a.at);
  steps.splice(i === -1 ? steps.length : i, 0, step);
}

const REASON_STEP: Partial<Record<FailureReason, OAuthStepKind>> = {
  resourceMismatch: 'resourceMetadata',
  noRegistration: 'client',
  registration: 'client',
  noOAuth: 'client',
  pkceUnsupported: 'authServerMetadata',
  denied: 'authorization',
  timeout: 'authorization',
  cancelled: 'authorization',
  idp: 'idpTokenExchange',
  token: 'token',
};

function markFailure(raw: TraceRaw, steps: OAuthStep[], message: string, reason: FailureReason, wording: ShellWording): void {
  const kind = REASON_STEP[reason];
  let step = kind ? steps.findLast((s) => s.kind === kind) : steps.findLast((s) => s.state === 'failed');
  if (!step && kind) {
    step = newStep(kind, raw.endedAt ?? raw.startedAt);
    steps.push(step);
  }
  step ??= steps.at(-1);
  if (!step) return;
  step.state = 'failed';
  step.problem ??= sentence(message);
  step.fix ??= reason === 'noOAuth' ? noOAuthFix(wording) : FIX[reason];
}

const FIX: Partial<Record<FailureReason, string>> = {
  resourceMismatch: 'Publish the exact URL clients connect to as `resource` in the protected resource metadata.',
  noRegistration:
    'Server author: offer dynamic client registration (a registration_endpoint, RFC 7591) or Client ID Metadata Documents. User: register MCP Lab with the authorization server (redirect URI http://127.0.0.1/callback; the port varies, which RFC 8252 §7.3 allows for loopback redirects) and enter its client id and secret in the server’s OAuth settings (CLI: --client-id, --client-secret).',
  pkceUnsupported: 'Support PKCE with S256 and list it in code_challenge_methods_supported: MCP clients must use it.',
  unsafeMetadata: 'Every endpoint in the metadata must be an http(s) URL.',
  denied:
    'The authorization server (or the person) refused. Its error code above says why; invalid_scope means the scope asked for is not one it accepts.',
  timeout: 'Open the link and approve. If the page shows an error instead, that page is the authorization endpoint to fix.',
  idp: 'Check the identity provider’s token endpoint, the client id there, and that the ID token is current (they expire).',
};

/** No OAuth offered: a static credential is the way in, sent where this shell sends headers. */
function noOAuthFix(w: ShellWording): string {
  return `${w.addAuthHeader} if the server expects a static token or key. If it is meant to use OAuth, publish protected resource metadata (RFC 9728) and authorization server metadata (RFC 8414).`;
}

function overallState(raw: TraceRaw, steps: OAuthStep[]): OAuthTrace['state'] {
  if (raw.result && !raw.result.ok) return 'failed';
  if (raw.result?.ok) return steps.some((s) => s.kind === 'retry' && s.state === 'failed') ? 'failed' : 'succeeded';
  return raw.authorization && !raw.authorization.callback ? 'waiting' : 'running';
}

function summary(raw: TraceRaw, steps: OAuthStep[]): string {
  const at = (() => {
    const tokenStep = steps.findLast((s) => s.kind === 'token');
    return tokenStep ? new URL(tokenStep.exchanges[0]!.url).host : undefined;
  })();
  if (raw.result?.ok) {
    const retry = steps.find((s) => s.kind === 'retry');
    const scope = raw.scope ? ` with scope "${raw.scope.value}"` : '';
    if (retry?.state === 'failed')
      return `Got a token${at ? ` from ${at}` : ''}${scope}, but the server refused it (${retry.facts[0]?.[1]}).`;
    return `Signed in${at ? ` at ${at}` : ''}${scope}${retry ? '; the server accepted the token.' : '.'}`;
  }
  if (raw.result) {
    const failed = steps.find((s) => s.state === 'failed');
    return `Failed at “${failed?.title ?? 'sign-in'}”: ${raw.result.message}.`;
  }
  if (raw.authorization && !raw.authorization.callback)
    return `Waiting for you to approve at ${new URL(raw.authorization.url).host} (scope: ${scopeSourceText(raw)}).`;
  return 'Signing in…';
}

/** "the server refused" → "The server refused." (messages are built to follow a colon; a step states them on their own). */
export function sentence(s: string): string {
  const t = s.trim();
  if (!t) return t;
  return `${t[0]!.toUpperCase()}${t.slice(1)}${/[.!?)]$/.test(t) ? '' : '.'}`;
}
