import { randomBytes } from 'node:crypto';
import { createPrivateKeyJwtAuth } from '@modelcontextprotocol/sdk/client/auth-extensions.js';
import type { OAuthClientProvider, OAuthDiscoveryState } from '@modelcontextprotocol/sdk/client/auth.js';
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { OAuthFlow } from '../../../src-shared/api/schemas/oauth-trace';
import type { OAuthSettings } from '../../../src-shared/api/schemas/server';
import { APP_VERSION } from '../../../src-shared/version';
import { GRANT, requestIdJag, signingAlgorithm } from './oauth-machine-flows';
import { UnsafeOAuthMetadataError, isHttpUrlString, unsafeOAuthUrl } from './oauth-guard';
import { OAUTH_KEYS, type OAuthCredential } from './remote-secrets';

/** Where OAuth state lives: the engine's secret store (never the workspace file, never the log). */
export interface OAuthSecrets {
  get(serverId: string, key: string): string | undefined;
  set?(serverId: string, key: string, value: string): Promise<void>;
}

export interface StoredTokens {
  tokens: OAuthTokens;
  /** When they were saved: `expires_in` counts from here. */
  savedAt: number;
}

/** A sign-in in progress: the loopback receiver's address and the state it will check. */
export interface Interactive {
  redirectUrl: string;
  state: string;
  /** The authorization URL, for a person to open (already checked to be http(s)). */
  onAuthorizationUrl(url: URL): void;
}

export interface ProviderOptions {
  /** The MCP server's URL (the resource, when its metadata does not name one). */
  serverUrl: string;
  settings: OAuthSettings | undefined;
  /** The configured credentials, read from the secret store. */
  credentials: Partial<Record<OAuthCredential, string>>;
  now(): number;
  onTokensSaved(t: StoredTokens): void;
  /** For the identity provider's token exchange (cross-app access). */
  fetchFn: FetchLike;
}

/** Without a sign-in in progress the SDK still needs a redirect URL to build a request with; nothing listens there. */
const IDLE_REDIRECT = 'http://127.0.0.1/callback';

/**
 * The SDK's `OAuthClientProvider` for one server: client registration, tokens and discovered
 * metadata in the secret store, the PKCE verifier in memory. It never opens anything: an
 * authorization URL is handed to whoever runs the sign-in (the UI shows it, the CLI prints it).
 * Outside a sign-in, a request for authorization is only noted (`needsSignIn`).
 *
 * Who MCP Lab is to the authorization server, in this order: a client id from the settings
 * (pre-registered, with its secret or key); the URL of the user's Client ID Metadata Document
 * (the SDK uses it where the server supports it); else a client registered dynamically and kept.
 */
export class StoredOAuthProvider implements OAuthClientProvider {
  interactive: Interactive | undefined;
  /** The SDK wanted a person to authorize while no sign-in was running. */
  needsSignIn = false;
  /** The scope this sign-in asks for (challenge, settings or metadata: see OAuthSession). */
  requestScope: string | undefined;
  /** A step-up: the stored tokens are not offered for a refresh (a refresh never widens the scope). */
  skipRefresh = false;
  readonly flow: OAuthFlow;
  addClientAuthentication?: OAuthClientProvider['addClientAuthentication'];
  private verifier: string | undefined;
  /**
   * What discovery found, for this sign-in only: a workbench must see a server's metadata as it is
   * now, so a fixed document takes effect at the next sign-in (OAuthSession clears it).
   */
  private discovered: OAuthDiscoveryState | undefined;
  /** Tokens kept here when the store cannot write (and read back from here first). */
  private readonly memory = new Map<string, string>();

  constructor(
    private readonly serverId: string,
    private readonly secrets: OAuthSecrets,
    private readonly o: ProviderOptions,
  ) {
    this.flow = o.settings?.flow ?? 'authorizationCode';
    const clientId = o.settings?.clientId;
    if (this.flow === 'clientCredentials' && clientId && o.credentials.clientKey) {
      const privateKey = o.credentials.clientKey;
      // The algorithm is read from the key at sign-in: a bad key is a sign-in error with its reason, not a crash here.
      this.addClientAuthentication = async (headers, params, url, metadata) =>
        createPrivateKeyJwtAuth({ issuer: clientId, subject: clientId, privateKey, alg: signingAlgorithm(privateKey) })(
          headers,
          params,
          url,
          metadata,
        );
    }
  }

  /** Non-interactive flows have no redirect (the SDK then asks `prepareTokenRequest` for the grant). */
  get redirectUrl(): string | undefined {
    if (this.flow !== 'authorizationCode') return undefined;
    return this.interactive?.redirectUrl ?? IDLE_REDIRECT;
  }

  get clientMetadataUrl(): string | undefined {
    return this.flow === 'authorizationCode' ? this.o.settings?.clientMetadataUrl : undefined;
  }

  get clientMetadata(): OAuthClientMetadata {
    const scope = this.requestScope ?? this.o.settings?.scope;
    const interactive = this.flow === 'authorizationCode';
    return {
      client_name: 'MCP Lab',
      redirect_uris: interactive ? [this.redirectUrl!] : [],
      grant_types: interactive
        ? ['authorization_code', 'refresh_token']
        : [this.flow === 'crossApp' ? GRANT.jwtBearer : GRANT.clientCredentials],
      response_types: interactive ? ['code'] : [],
      token_endpoint_auth_method: this.addClientAuthentication
        ? 'private_key_jwt'
        : this.o.credentials.clientSecret
          ? 'client_secret_basic'
          : 'none',
      software_id: 'mcp-lab',
      software_version: APP_VERSION,
      ...(scope ? { scope } : {}),
    };
  }

  /** The configured client (pre-registered), if any: it always wins over a stored registration. */
  get preRegistered(): OAuthClientInformationMixed | undefined {
    const id = this.o.settings?.clientId;
    return id
      ? { client_id: id, ...(this.o.credentials.clientSecret ? { client_secret: this.o.credentials.clientSecret } : {}) }
      : undefined;
  }

  state(): string {
    return this.interactive?.state ?? randomBytes(16).toString('base64url');
  }

  clientInformation(): OAuthClientInformationMixed | undefined {
    return this.preRegistered ?? this.readJson<OAuthClientInformationMixed>(OAUTH_KEYS.client);
  }

  async saveClientInformation(info: OAuthClientInformationMixed): Promise<void> {
    // A configured client is the settings' to change: the SDK's issuer stamp of it is not kept.
    if (this.preRegistered) return;
    await this.write(OAUTH_KEYS.client, JSON.stringify(info));
  }

  tokens(): OAuthTokens | undefined {
    return this.skipRefresh ? undefined : this.storedTokens()?.tokens;
  }

  storedTokens(): StoredTokens | undefined {
    return this.readJson<StoredTokens>(OAUTH_KEYS.tokens);
  }

  async saveTokens(tokens: OAuthTokens): Promise<void> {
    const stored = { tokens, savedAt: this.o.now() };
    await this.write(OAUTH_KEYS.tokens, JSON.stringify(stored));
    this.o.onTokensSaved(stored);
  }

  redirectToAuthorization(url: URL): void {
    // The URL was built from the server's metadata: check it again, whatever checked it before.
    if (!isHttpUrlString(url.href))
      throw new UnsafeOAuthMetadataError('the authorization server metadata', { field: 'authorization_endpoint', value: url.href });
    if (!this.interactive) {
      this.needsSignIn = true;
      return;
    }
    this.interactive.onAuthorizationUrl(url);
  }

  saveCodeVerifier(v: string): void {
    this.verifier = v;
  }

  codeVerifier(): string {
    if (!this.verifier) throw new Error('no sign-in is in progress (the PKCE verifier is gone): start the server again to sign in');
    return this.verifier;
  }

  /** The grant of a flow without a browser: client credentials, or cross-app access's JWT bearer grant. */
  async prepareTokenRequest(scope?: string): Promise<URLSearchParams | undefined> {
    const discovered = this.discoveryState();
    const wanted = scope ?? discovered?.resourceMetadata?.scopes_supported?.join(' ');
    if (this.flow === 'clientCredentials') {
      if (!this.o.settings?.clientId)
        throw new Error('the client credentials flow needs a client id (and its secret or key) in the OAuth settings');
      return new URLSearchParams({ grant_type: GRANT.clientCredentials, ...(wanted ? { scope: wanted } : {}) });
    }
    if (this.flow === 'crossApp') {
      const idp = this.o.settings?.idp;
      const idToken = this.o.credentials.idpIdToken;
      if (!idp || !idToken)
        throw new Error(
          'cross-app access needs the identity provider’s token endpoint, your client id there, and an ID token in the OAuth settings',
        );
      if (!this.o.settings?.clientId)
        throw new Error('cross-app access needs the client id (and secret) registered with the MCP server’s authorization server');
      // The ID-JAG names the authorization server it is for (its issuer) and the MCP server (the resource).
      const audience = discovered?.authorizationServerMetadata?.issuer ?? discovered?.authorizationServerUrl;
      if (!audience) throw new Error('the authorization server of this MCP server is not known yet (no discovery)');
      const resource = discovered?.resourceMetadata?.resource ?? this.o.serverUrl;
      const assertion = await requestIdJag({
        tokenEndpoint: idp.tokenEndpoint,
        clientId: idp.clientId,
        clientSecret: this.o.credentials.idpClientSecret,
        idToken,
        audience,
        resource,
        scope: wanted,
        fetchFn: this.o.fetchFn,
      });
      return new URLSearchParams({ grant_type: GRANT.jwtBearer, assertion, ...(wanted ? { scope: wanted } : {}) });
    }
    return undefined; // authorization code: the SDK builds the code exchange
  }

  async invalidateCredentials(scope: 'all' | 'client' | 'tokens' | 'verifier' | 'discovery'): Promise<void> {
    if (scope === 'all' || scope === 'client') await this.write(OAUTH_KEYS.client, undefined);
    if (scope === 'all' || scope === 'tokens') await this.write(OAUTH_KEYS.tokens, undefined);
    if (scope === 'all' || scope === 'discovery') this.discovered = undefined;
    if (scope === 'all' || scope === 'verifier') this.verifier = undefined;
  }

  discoveryState(): OAuthDiscoveryState | undefined {
    return this.discovered;
  }

  async saveDiscoveryState(state: OAuthDiscoveryState): Promise<void> {
    // Checked before it is kept: a stored document is used later without being fetched again.
    for (const doc of [state.authorizationServerMetadata, state.resourceMetadata, { issuer: state.authorizationServerUrl }]) {
      const bad = unsafeOAuthUrl(doc);
      if (bad) throw new UnsafeOAuthMetadataError(state.authorizationServerUrl, bad);
    }
    this.discovered = state;
  }

  /** Sign out: forget the tokens (the client registration stays: signing in again reuses it). */
  async signOut(): Promise<void> {
    await this.write(OAUTH_KEYS.tokens, undefined);
  }

  private readJson<T>(key: string): T | undefined {
    const raw = this.memory.get(key) ?? this.secrets.get(this.serverId, key);
    if (!raw) return undefined;
    try {
      return JSON.parse(raw) as T;
    } catch {
      return undefined;
    }
  }

  /** The secret store has no delete: an empty value means "none". */
  private async write(key: string, value: string | undefined): Promise<void> {
    if (this.secrets.set) {
      this.memory.delete(key);
      await this.secrets.set(this.serverId, key, value ?? '');
    } else this.memory.set(key, value ?? '');
  }
}
