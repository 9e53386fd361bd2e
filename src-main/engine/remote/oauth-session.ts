import { auth } from '@modelcontextprotocol/sdk/client/auth.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { OAuthTrace } from '../../../src-shared/api/schemas/oauth-trace';
import type { OAuthStatus, RemoteServerConfig } from '../../../src-shared/api/schemas/server';
import { Disposable, type IDisposable } from '../../../src-shared/base/lifecycle';
import type { HttpRecorder } from './http-recorder';
import { LoopbackReceiver, SignInError } from './loopback-receiver';
import { StoredOAuthProvider, type OAuthSecrets, type StoredTokens } from './oauth-provider';
import { classifySignInFailure, refusedAgain } from './oauth-failures';
import { challengeParams } from './oauth-step-texts';
import { OAuthTraceBuilder, type ScopeSource } from './oauth-trace';
import { oauthStatusOf } from './oauth-status';
import { RemoteError } from './remote-errors';
import type { OAuthCredential } from './remote-secrets';
import type { ShellWording } from '../base/shell-wording';

/** Why a sign-in starts: the server's 401 (at connect or later) or its 403 asking for more scope. */
export interface Challenge {
  trigger: OAuthTrace['trigger'];
  status: number;
  wwwAuthenticate: string | undefined;
}

/** At most this many sign-ins for one request: a 401, then a step-up of the scope on 403. */
const SIGN_INS_PER_REQUEST = 2;

export interface OAuthSessionDeps {
  /** How a sign-in's fixes name a setting in this shell. */
  wording: ShellWording;
  serverId: string;
  url: URL;
  config: RemoteServerConfig;
  secrets: OAuthSecrets;
  credentials: Partial<Record<OAuthCredential, string>>;
  /** The recorded fetch (OAuth's own requests and the transport's go through it). */
  fetch: FetchLike;
  recorder: HttpRecorder;
  signInTimeoutMs: number;
  now(): number;
  log(level: 'info' | 'warning' | 'error', text: string): void;
  onTokens(t: StoredTokens): void;
  /** The sign-in state changed (a URL to open, signed in, failed). */
  onChanged(): void;
  onTrace(t: OAuthTrace): void;
}

/**
 * OAuth for one run of a remote server: signs in when the server asks (at connect, or later with
 * a 401 or a 403 `insufficient_scope`), in whichever flow the settings name; adds the access token
 * to the transport's requests and, once the session is up, signs in again and retries a request
 * the server refuses, within bounds. Every sign-in is traced step by step (the sign-in debugger).
 */
export class OAuthSession extends Disposable {
  readonly provider: StoredOAuthProvider;
  private armed = false;
  private inflight: Promise<void> | undefined;
  /** Challenges a fresh sign-in did not satisfy: not signed in for again in this run. */
  private readonly futile = new Set<string>();
  private receiver: LoopbackReceiver | undefined;
  private pending: OAuthStatus['pending'];
  private lastError: string | undefined;
  private trace: OAuthTraceBuilder | undefined;
  private traceFeed: IDisposable | undefined;

  constructor(private readonly d: OAuthSessionDeps) {
    super();
    this.provider = new StoredOAuthProvider(d.serverId, d.secrets, {
      serverUrl: d.url.href,
      settings: d.config.oauth,
      credentials: d.credentials,
      now: d.now,
      fetchFn: d.fetch,
      onTokensSaved: (t) => {
        d.recorder.masker.addSecrets([t.tokens.access_token, t.tokens.refresh_token, t.tokens.id_token]);
        d.onTokens(t);
      },
    });
    d.recorder.masker.addSecrets(Object.values(d.credentials));
    const stored = this.provider.storedTokens()?.tokens;
    if (stored) d.recorder.masker.addSecrets([stored.access_token, stored.refresh_token, stored.id_token]);
    this._register({ dispose: () => this.endWatching('the server was stopped') });
  }

  /** The transport's requests from now on: a refused request leads to a sign-in and a retry. */
  arm(): void {
    this.armed = true;
  }

  status(): OAuthStatus | undefined {
    return oauthStatusOf(this.provider.storedTokens(), { pending: this.pending, error: this.lastError });
  }

  /** The newest sign-in of this run, as described steps. */
  lastTrace(): OAuthTrace | undefined {
    return this.trace?.snapshot();
  }

  /** A 401, or a 403 that asks for more scope: a reason to sign in. */
  static challengeOf(status: number, wwwAuthenticate: string | undefined, atConnect: boolean): Challenge | undefined {
    if (status === 401) {
      // A challenge of another scheme only (Basic, say) is not OAuth's to answer.
      if (wwwAuthenticate && !/(^|,)\s*bearer\b/i.test(wwwAuthenticate)) return undefined;
      return { trigger: atConnect ? 'connect' : 'unauthorized', status, wwwAuthenticate };
    }
    if (status === 403 && challengeParams(wwwAuthenticate).error === 'insufficient_scope')
      return { trigger: 'insufficientScope', status, wwwAuthenticate };
    return undefined;
  }

  /** Sign in (one at a time: concurrent callers share the sign-in running). Throws a RemoteError that says where it went wrong. */
  signIn(ch: Challenge): Promise<void> {
    this.inflight ??= this.runSignIn(ch).finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  /** The fetch for the SDK transport: the access token added; a refused request signs in again and is retried. */
  readonly transportFetch: FetchLike = async (input, init) => {
    const send = () => this.d.fetch(input, this.withToken(init));
    let res = await send();
    if (!this.armed) return res; // at connect, remote-start signs in and connects again
    for (let i = 0; i < SIGN_INS_PER_REQUEST; i++) {
      const ch = OAuthSession.challengeOf(res.status, res.headers.get('www-authenticate') ?? undefined, false);
      if (!ch) return res;
      const key = challengeKey(ch);
      if (this.futile.has(key)) throw new Error(refusedAgain(ch));
      await res.body?.cancel().catch(() => {});
      await this.signIn(ch);
      res = await send();
      const again = OAuthSession.challengeOf(res.status, res.headers.get('www-authenticate') ?? undefined, false);
      if (again && challengeKey(again) === key) {
        this.futile.add(key);
        await res.body?.cancel().catch(() => {});
        throw new Error(refusedAgain(again));
      }
    }
    return res;
  };

  private withToken(init: RequestInit | undefined): RequestInit | undefined {
    const token = this.provider.storedTokens()?.tokens.access_token;
    if (!token) return init;
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${token}`);
    return { ...init, headers };
  }

  private async runSignIn(ch: Challenge): Promise<void> {
    const { provider, d } = this;
    const p = challengeParams(ch.wwwAuthenticate);
    const granted = provider.storedTokens()?.tokens.scope?.split(/\s+/).filter(Boolean) ?? [];
    const { scope, source } = chooseScope(d.config.oauth?.scope, ch, p.scope, granted);
    provider.requestScope = scope;
    provider.skipRefresh = ch.trigger === 'insufficientScope';
    await provider.invalidateCredentials('discovery');
    await d.recorder.settled();
    this.endWatching();
    const challengeExchange = d.recorder.recent().findLast((x) => x.status === ch.status);
    const trace = new OAuthTraceBuilder(
      {
        serverId: d.serverId,
        serverUrl: d.url.href,
        flow: provider.flow,
        trigger: ch.trigger,
        startedAt: d.now(),
        settings: d.config.oauth,
        ...(challengeExchange ? { challenge: challengeExchange } : {}),
        ...(ch.trigger === 'insufficientScope' ? { grantedBefore: granted } : {}),
      },
      d.onTrace,
      d.now,
      d.wording,
    );
    trace.scope(scope, source);
    this.trace = trace;
    const since = challengeExchange?.seq ?? 0;
    this.traceFeed = d.recorder.onDidRecord((x) => {
      if (x.seq > since) trace.exchange(x);
      if (trace.raw.retry) this.endWatching();
    });
    this.lastError = undefined;
    const options = {
      serverUrl: d.url,
      fetchFn: d.fetch,
      ...(scope ? { scope } : {}),
      ...(p.resource_metadata ? { resourceMetadataUrl: new URL(p.resource_metadata) } : {}),
    };
    try {
      if (provider.flow !== 'authorizationCode') {
        if ((await auth(provider, options)) !== 'AUTHORIZED') throw new Error('the authorization server issued no token');
      } else if ((await this.interactive(options, trace)) === 'refreshed') {
        d.log('info', 'refreshed the access token');
      }
      await d.recorder.settled();
      trace.succeeded();
      if (provider.flow !== 'authorizationCode')
        d.log('info', `got an access token (${provider.flow === 'crossApp' ? 'cross-app access' : 'client credentials'})`);
    } catch (e) {
      await d.recorder.settled();
      const { reason, message } = classifySignInFailure(e, trace.raw);
      trace.failed(message, reason);
      const failed = trace.snapshot().steps.find((s) => s.state === 'failed');
      const failure = failed?.problem
        ? {
            kind: reason === 'noOAuth' ? ('authRequired' as const) : ('signInFailed' as const),
            message: reason === 'noOAuth' ? message : `sign-in failed at “${failed.title}”: ${failed.problem}`,
            ...(failed.fix ? { hint: failed.fix } : {}),
          }
        : { kind: 'signInFailed' as const, message: `sign-in failed: ${message}` };
      this.lastError = failure.message;
      throw new RemoteError(failure);
    } finally {
      provider.interactive = undefined;
      provider.skipRefresh = false;
      this.pending = undefined;
      this.receiver?.close();
      this.receiver = undefined;
      d.onChanged();
    }
  }

  /** The authorization code flow with PKCE: a refresh when possible, else a person approves in the browser. */
  private async interactive(options: Parameters<typeof auth>[1], trace: OAuthTraceBuilder): Promise<'refreshed' | 'signedIn'> {
    const { provider, d } = this;
    const receiver = await LoopbackReceiver.start(d.signInTimeoutMs);
    this.receiver = receiver;
    provider.interactive = {
      redirectUrl: receiver.redirectUrl,
      state: receiver.state,
      onAuthorizationUrl: (url) => {
        const now = d.now();
        this.pending = { url: url.href, since: now, expiresAt: now + d.signInTimeoutMs, authorizationServer: url.origin };
        trace.authorizationUrl(d.recorder.masker.url(url.href), d.signInTimeoutMs);
        d.log(
          'warning',
          `sign-in needed: open ${url.origin}${url.pathname} in a browser and approve MCP Lab (waiting up to ${Math.round(d.signInTimeoutMs / 1000)} s)`,
        );
        d.onChanged();
      },
    };
    if ((await auth(provider, options)) === 'AUTHORIZED') return 'refreshed';
    let code: string;
    try {
      code = await receiver.waitForCode();
      trace.callback(true);
    } catch (e) {
      trace.callback(false, e instanceof SignInError ? e.message : String(e));
      throw e;
    }
    const at = this.pending?.authorizationServer;
    this.pending = undefined;
    d.onChanged();
    if ((await auth(provider, { ...options, authorizationCode: code })) !== 'AUTHORIZED')
      throw new Error('the authorization server did not issue tokens');
    d.log('info', `signed in${at ? ` at ${at}` : ''}`);
    return 'signedIn';
  }

  /** Stop feeding the last trace (its retry will not come): a trace left waiting says so. */
  private endWatching(why?: string): void {
    this.traceFeed?.dispose();
    this.traceFeed = undefined;
    if (why) this.receiver?.close(why);
  }
}

function chooseScope(
  configured: string | undefined,
  ch: Challenge,
  challenged: string | undefined,
  granted: string[],
): { scope: string | undefined; source: ScopeSource } {
  if (configured) return { scope: configured, source: 'settings' };
  if (ch.trigger === 'insufficientScope' && challenged) {
    // Keep what was granted: a step-up must not lose the scopes other requests need.
    const union = [...new Set([...granted, ...challenged.split(/\s+/).filter(Boolean)])];
    return { scope: union.join(' '), source: 'stepUp' };
  }
  return { scope: challenged, source: 'challenge' };
}

function challengeKey(ch: Challenge): string {
  return `${ch.status} ${ch.wwwAuthenticate ?? ''}`;
}
