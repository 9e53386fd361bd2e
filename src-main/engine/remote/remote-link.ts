import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { FetchLike, Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { Disposable } from '../../../src-shared/base/lifecycle';
import type { OAuthTrace } from '../../../src-shared/api/schemas/oauth-trace';
import type { OAuthStatus, RemoteServerConfig } from '../../../src-shared/api/schemas/server';
import { boundedWait } from '../base/bounded-wait';
import { HttpRecorder } from './http-recorder';
import { withRequestMetadata } from './mcp-request-headers';
import { createObservedFetch, type HttpFacts } from './observed-fetch';
import type { OAuthSecrets, StoredOAuthProvider, StoredTokens } from './oauth-provider';
import { OAuthSession } from './oauth-session';
import { describeNetworkError, type RemoteFailure } from './remote-errors';
import { ObservedTransport } from './observed-transport';
import type { OAuthCredential } from './remote-secrets';
import type { ShellWording } from '../base/shell-wording';

export interface RemoteLinkDeps {
  now(): number;
  /** How a sign-in's fixes name a setting in this shell. */
  wording: ShellWording;
  secrets: OAuthSecrets;
  headers: Record<string, string>;
  /** Values of secret headers: masked wherever they show up in recorded traffic. */
  secretValues: string[];
  /** The configured OAuth credentials (client secret, key, ID token), from the secret store. */
  credentials: Partial<Record<OAuthCredential, string>>;
  /** How long a sign-in waits for the person (and the authorization server's redirect). */
  signInTimeoutMs: number;
  log(level: 'info' | 'warning' | 'error', text: string): void;
  /** New tokens: the log must blank them out from now on. */
  onTokens(t: StoredTokens): void;
  /** The sign-in state changed (a URL to open, signed in, failed). */
  onOAuthChanged(): void;
  /** A sign-in's steps, each time they change (the sign-in debugger). */
  onOAuthTrace(t: OAuthTrace): void;
}

/**
 * One run's connection to a remote server: builds the SDK transport (Streamable HTTP or SSE)
 * with the configured headers, records every HTTP request, signs in with OAuth when the server
 * asks (OAuthSession), and once the session is up tells when the connection is lost (the server
 * went away, or forgot our session).
 */
export class RemoteLink extends Disposable {
  readonly url: URL;
  readonly facts: HttpFacts;
  readonly recorder: HttpRecorder;
  readonly oauth: OAuthSession;
  /** Resolves with the reason, once, when a ready connection is lost. */
  readonly lost: Promise<string>;
  private resolveLost!: (why: string) => void;
  private armed = false;
  private ended = false;
  private transport: StreamableHTTPClientTransport | SSEClientTransport | undefined;
  /** Recorded, without OAuth: for a server the person gave their own Authorization header. */
  private readonly plainFetch: FetchLike;

  constructor(
    readonly config: RemoteServerConfig,
    private readonly deps: RemoteLinkDeps,
  ) {
    super();
    this.url = new URL(config.url);
    this.lost = new Promise((r) => (this.resolveLost = r));
    this.recorder = this._register(new HttpRecorder(deps.now));
    this.recorder.masker.addSecrets(deps.secretValues);
    const observed = createObservedFetch(
      this.url,
      {
        onNetworkError: (n) => this.markLost(describeNetworkError(n.code, n.host, n.message).message),
        onSessionGone: (why) => this.markLost(why),
      },
      this.recorder,
    );
    this.facts = observed.facts;
    // Once a metadata document was refused as unsafe, nothing more of this sign-in may go out.
    const guarded: FetchLike = (input, init) =>
      this.facts.unsafeMetadata ? Promise.reject(this.facts.unsafeMetadata) : observed.fetch(input, init);
    this.plainFetch = guarded;
    this.oauth = this._register(
      new OAuthSession({
        serverId: config.id,
        url: this.url,
        config,
        secrets: deps.secrets,
        credentials: deps.credentials,
        fetch: guarded,
        recorder: this.recorder,
        signInTimeoutMs: deps.signInTimeoutMs,
        now: deps.now,
        wording: deps.wording,
        log: deps.log,
        onTokens: deps.onTokens,
        onChanged: deps.onOAuthChanged,
        onTrace: deps.onOAuthTrace,
      }),
    );
  }

  get provider(): StoredOAuthProvider {
    return this.oauth.provider;
  }

  get hasAuthHeader(): boolean {
    return Object.keys(this.deps.headers).some((k) => k.toLowerCase() === 'authorization');
  }

  /** A fresh SDK transport for one connection attempt (the SDK's transports cannot be restarted). */
  createTransport(): Transport {
    // OAuth happens in our fetch (tokens added, refusals signed in for), not in the SDK transport:
    // one place that can wait for a person, bound its retries and trace each step.
    // 2026-07-28 requests also carry their method and name as headers (mirrored from the body, recorded with it).
    const common = {
      requestInit: { headers: this.deps.headers },
      fetch: withRequestMetadata(this.hasAuthHeader ? this.plainFetch : this.oauth.transportFetch),
    };
    this.transport =
      this.config.transport === 'sse' ? new SSEClientTransport(this.url, common) : new StreamableHTTPClientTransport(this.url, common);
    return new ObservedTransport(this.transport, (e) => this.onTransportError(e));
  }

  /** From now on a network failure or a forgotten session means the connection is lost, and a refused request signs in again. */
  arm(): void {
    this.armed = true;
    this.oauth.arm();
  }

  /**
   * The OAuth challenge a failed connection attempt ended with, if a sign-in should follow
   * (none when the person gave their own Authorization header).
   */
  signInChallenge(): { trigger: OAuthTrace['trigger']; status: number; wwwAuthenticate: string | undefined } | undefined {
    if (this.hasAuthHeader) return undefined;
    const http = this.facts.http;
    return http ? OAuthSession.challengeOf(http.status, http.wwwAuthenticate, true) : undefined;
  }

  /** After a sign-in, the server refused the token it had just issued: said in the words of the sign-in steps. */
  refusedAfterSignIn(): RemoteFailure | undefined {
    const retry = this.oauth.lastTrace()?.steps.find((s) => s.kind === 'retry' && s.state === 'failed');
    return retry?.problem ? { kind: 'authRequired', message: retry.problem, ...(retry.fix ? { hint: retry.fix } : {}) } : undefined;
  }

  oauthStatus(): OAuthStatus | undefined {
    return this.oauth.status();
  }

  /** End the session (Streamable HTTP: DELETE, bounded) and close the transport. */
  async close(): Promise<string> {
    this.ended = true;
    const t = this.transport;
    this.transport = undefined;
    let how = 'disconnected';
    if (t instanceof StreamableHTTPClientTransport && t.sessionId) {
      const ended = await boundedWait(
        t.terminateSession().then(
          () => true,
          () => false,
        ),
        1000,
        false,
      );
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
