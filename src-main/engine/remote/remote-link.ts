import { auth, discoverOAuthServerInfo, extractWWWAuthenticateParams, UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { Disposable } from '../../../src-shared/base/lifecycle';
import type { OAuthStatus, RemoteServerConfig } from '../../../src-shared/api/schemas/server';
import { LoopbackReceiver } from './loopback-receiver';
import { createObservedFetch, type HttpFacts } from './observed-fetch';
import { UnsafeOAuthMetadataError, isHttpUrlString } from './oauth-guard';
import { StoredOAuthProvider, type OAuthSecrets, type StoredTokens } from './oauth-provider';
import { describeNetworkError, RemoteError } from './remote-errors';
import { ObservedTransport } from './observed-transport';
import { oauthStatusOf } from './oauth-status';

export interface RemoteLinkDeps {
  now(): number;
  secrets: OAuthSecrets;
  headers: Record<string, string>;
  /** How long a sign-in waits for the person (and the authorization server's redirect). */
  signInTimeoutMs: number;
  log(level: 'info' | 'warning' | 'error', text: string): void;
  /** New tokens: the log must blank them out from now on. */
  onTokens(t: StoredTokens): void;
  /** The sign-in state changed (a URL to open, signed in, failed). */
  onOAuthChanged(): void;
}

/**
 * One run's connection to a remote server: builds the SDK transport (Streamable HTTP or SSE)
 * with the configured headers, runs an OAuth sign-in when the server asks for one, and once the
 * session is up tells when the connection is lost (the server went away, or forgot our session).
 */
export class RemoteLink extends Disposable {
  readonly url: URL;
  readonly facts: HttpFacts;
  readonly provider: StoredOAuthProvider;
  /** Resolves with the reason, once, when a ready connection is lost. */
  readonly lost: Promise<string>;
  private readonly fetch: ReturnType<typeof createObservedFetch>['fetch'];
  private resolveLost!: (why: string) => void;
  private armed = false;
  private ended = false;
  private useOAuth: boolean;
  private transport: StreamableHTTPClientTransport | SSEClientTransport | undefined;
  private receiver: LoopbackReceiver | undefined;
  private pending: OAuthStatus['pending'];
  private lastError: string | undefined;

  constructor(
    readonly config: RemoteServerConfig,
    private readonly deps: RemoteLinkDeps,
  ) {
    super();
    this.url = new URL(config.url);
    this.lost = new Promise((r) => (this.resolveLost = r));
    const observed = createObservedFetch(this.url, {
      onNetworkError: (n) => this.markLost(describeNetworkError(n.code, n.host, n.message).message),
      onSessionGone: (why) => this.markLost(why),
    });
    this.fetch = observed.fetch;
    this.facts = observed.facts;
    this.provider = new StoredOAuthProvider(config.id, deps.secrets, { scope: config.oauth?.scope, now: deps.now, onTokensSaved: (t) => deps.onTokens(t) });
    this.useOAuth = this.provider.tokens() !== undefined;
    this._register({ dispose: () => this.receiver?.close('the server was stopped') });
  }

  get hasAuthHeader(): boolean {
    return Object.keys(this.deps.headers).some((k) => k.toLowerCase() === 'authorization');
  }

  /** A fresh SDK transport for one connection attempt (the SDK's transports cannot be restarted). */
  createTransport(): Transport {
    const common = {
      requestInit: { headers: this.deps.headers },
      fetch: this.fetch,
      ...(this.useOAuth && !this.hasAuthHeader ? { authProvider: this.provider } : {}),
    };
    this.transport = this.config.transport === 'sse' ? new SSEClientTransport(this.url, common) : new StreamableHTTPClientTransport(this.url, common);
    return new ObservedTransport(this.transport, (e) => this.onTransportError(e));
  }

  /** From now on a network failure or a forgotten session means the connection is lost. */
  arm(): void {
    this.armed = true;
  }

  /** Whether a failed connection attempt should be followed by a sign-in (the server offers OAuth). */
  async wantsSignIn(e: unknown): Promise<boolean> {
    if (this.hasAuthHeader) return false; // the person chose their own credentials
    if (this.provider.needsSignIn || e instanceof UnauthorizedError) return true;
    const http = this.facts.http;
    if (http?.status !== 401) return false;
    const res = new Response(null, { status: 401, headers: http.wwwAuthenticate ? { 'www-authenticate': http.wwwAuthenticate } : {} });
    const { resourceMetadataUrl } = extractWWWAuthenticateParams(res);
    if (resourceMetadataUrl && !isHttpUrlString(resourceMetadataUrl.href)) {
      throw new UnsafeOAuthMetadataError(`the WWW-Authenticate header of ${this.url.href}`, { field: 'resource_metadata', value: resourceMetadataUrl.href });
    }
    const info = await discoverOAuthServerInfo(this.url, { ...(resourceMetadataUrl ? { resourceMetadataUrl } : {}), fetchFn: this.fetch }).catch((err: unknown) => {
      if (this.facts.unsafeMetadata) throw this.facts.unsafeMetadata;
      throw err;
    });
    if (this.facts.unsafeMetadata) throw this.facts.unsafeMetadata;
    if (!info.authorizationServerMetadata) return false;
    await this.provider.saveDiscoveryState({
      authorizationServerUrl: String(info.authorizationServerUrl),
      ...(resourceMetadataUrl ? { resourceMetadataUrl: resourceMetadataUrl.href } : {}),
      ...(info.resourceMetadata ? { resourceMetadata: info.resourceMetadata } : {}),
      authorizationServerMetadata: info.authorizationServerMetadata,
    });
    return true;
  }

  /**
   * The OAuth 2.1 authorization code flow with PKCE: register the client if needed, publish the
   * authorization URL (a person opens it), wait for the redirect on the loopback receiver, trade
   * the code for tokens. A refresh token, when there is one, is tried first.
   */
  async signIn(): Promise<void> {
    this.lastError = undefined;
    const receiver = await LoopbackReceiver.start(this.deps.signInTimeoutMs);
    this.receiver = receiver;
    const discovery = this.provider.discoveryState();
    const options = {
      serverUrl: this.url,
      fetchFn: this.fetch,
      ...(this.config.oauth?.scope ? { scope: this.config.oauth.scope } : {}),
      ...(discovery?.resourceMetadataUrl ? { resourceMetadataUrl: new URL(discovery.resourceMetadataUrl) } : {}),
    };
    this.provider.interactive = {
      redirectUrl: receiver.redirectUrl,
      state: receiver.state,
      onAuthorizationUrl: (url) => {
        const now = this.deps.now();
        this.pending = { url: url.href, since: now, expiresAt: now + this.deps.signInTimeoutMs, authorizationServer: url.origin };
        this.deps.log('warning', `sign-in needed: open ${url.origin}${url.pathname} in a browser and approve MCP Lab (waiting up to ${Math.round(this.deps.signInTimeoutMs / 1000)} s)`);
        this.deps.onOAuthChanged();
      },
    };
    this.provider.needsSignIn = false;
    try {
      if ((await auth(this.provider, options)) === 'AUTHORIZED') return this.signedIn('refreshed the access token');
      const code = await receiver.waitForCode();
      const at = this.pending?.authorizationServer;
      this.pending = undefined;
      this.deps.onOAuthChanged();
      if ((await auth(this.provider, { ...options, authorizationCode: code })) !== 'AUTHORIZED') throw new RemoteError({ kind: 'signInFailed', message: 'the authorization server did not issue tokens' });
      this.signedIn(`signed in${at ? ` at ${at}` : ''}`);
    } catch (e) {
      this.lastError = this.facts.unsafeMetadata?.message ?? (e instanceof Error ? e.message : String(e));
      throw this.facts.unsafeMetadata ?? e;
    } finally {
      this.provider.interactive = undefined;
      this.pending = undefined;
      this.receiver = undefined;
      receiver.close();
      this.deps.onOAuthChanged();
    }
  }

  private signedIn(what: string): void {
    this.useOAuth = true;
    this.deps.log('info', what);
  }

  oauthStatus(): OAuthStatus | undefined {
    return oauthStatusOf(this.provider.storedTokens(), { pending: this.pending, error: this.lastError });
  }

  /** End the session (Streamable HTTP: DELETE, bounded) and close the transport. */
  async close(): Promise<string> {
    this.ended = true;
    const t = this.transport;
    this.transport = undefined;
    let how = 'disconnected';
    if (t instanceof StreamableHTTPClientTransport && t.sessionId) {
      const ended = await Promise.race([t.terminateSession().then(() => true, () => false), new Promise<boolean>((r) => setTimeout(r, 1000, false))]);
      how = ended ? 'disconnected (session ended)' : 'disconnected (the server did not confirm the end of the session)';
    }
    await t?.close().catch(() => {});
    return how;
  }

  private onTransportError(e: Error): void {
    if (!this.armed || this.ended) return;
    // SSE: the event stream broke. Streamable HTTP: the SDK gave up re-opening its event stream.
    if (this.config.transport === 'sse' || /Maximum reconnection attempts/.test(e.message)) {
      const detail = e.message.replace(/^SSE error: /, '').replace(/^TypeError: (terminated: )?/, '');
      this.markLost(`the event stream from ${this.url.host} ended (${detail})`);
    }
  }

  private markLost(why: string): void {
    if (!this.armed || this.ended) return;
    this.ended = true;
    this.resolveLost(why);
  }
}
