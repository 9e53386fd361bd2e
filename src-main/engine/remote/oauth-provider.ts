import { randomBytes } from 'node:crypto';
import type { OAuthClientProvider, OAuthDiscoveryState } from '@modelcontextprotocol/sdk/client/auth.js';
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';
import { APP_VERSION } from '../../../src-shared/version';
import { UnsafeOAuthMetadataError, isHttpUrlString, unsafeOAuthUrl } from './oauth-guard';
import { OAUTH_KEYS } from './remote-secrets';

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

/** Without a sign-in in progress the SDK still needs a redirect URL to build a request with; nothing listens there. */
const IDLE_REDIRECT = 'http://127.0.0.1/callback';

/**
 * The SDK's `OAuthClientProvider` for one server: client registration, tokens and discovered
 * metadata in the secret store, the PKCE verifier in memory. It never opens anything: an
 * authorization URL is handed to whoever runs the sign-in (the UI shows it, the CLI prints it).
 * Outside a sign-in, a request for authorization is only noted (`needsSignIn`).
 */
export class StoredOAuthProvider implements OAuthClientProvider {
  interactive: Interactive | undefined;
  /** The SDK wanted a person to authorize while no sign-in was running. */
  needsSignIn = false;
  private verifier: string | undefined;
  /** Tokens kept here when the store cannot write (and read back from here first). */
  private readonly memory = new Map<string, string>();

  constructor(
    private readonly serverId: string,
    private readonly secrets: OAuthSecrets,
    private readonly o: { scope?: string | undefined; now(): number; onTokensSaved(t: StoredTokens): void },
  ) {}

  get redirectUrl(): string {
    return this.interactive?.redirectUrl ?? IDLE_REDIRECT;
  }

  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: 'MCP Lab',
      redirect_uris: [this.redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
      software_id: 'mcp-lab',
      software_version: APP_VERSION,
      ...(this.o.scope ? { scope: this.o.scope } : {}),
    };
  }

  state(): string {
    return this.interactive?.state ?? randomBytes(16).toString('base64url');
  }

  clientInformation(): OAuthClientInformationMixed | undefined {
    return this.readJson<OAuthClientInformationMixed>(OAUTH_KEYS.client);
  }

  async saveClientInformation(info: OAuthClientInformationMixed): Promise<void> {
    await this.write(OAUTH_KEYS.client, JSON.stringify(info));
  }

  tokens(): OAuthTokens | undefined {
    return this.storedTokens()?.tokens;
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
    if (!isHttpUrlString(url.href)) throw new UnsafeOAuthMetadataError('the authorization server metadata', { field: 'authorization_endpoint', value: url.href });
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

  async invalidateCredentials(scope: 'all' | 'client' | 'tokens' | 'verifier' | 'discovery'): Promise<void> {
    if (scope === 'all' || scope === 'client') await this.write(OAUTH_KEYS.client, undefined);
    if (scope === 'all' || scope === 'tokens') await this.write(OAUTH_KEYS.tokens, undefined);
    if (scope === 'all' || scope === 'discovery') await this.write(OAUTH_KEYS.discovery, undefined);
    if (scope === 'all' || scope === 'verifier') this.verifier = undefined;
  }

  discoveryState(): OAuthDiscoveryState | undefined {
    return this.readJson<OAuthDiscoveryState>(OAUTH_KEYS.discovery);
  }

  async saveDiscoveryState(state: OAuthDiscoveryState): Promise<void> {
    // Checked before it is kept: a stored document is used later without being fetched again.
    for (const doc of [state.authorizationServerMetadata, state.resourceMetadata, { issuer: state.authorizationServerUrl }]) {
      const bad = unsafeOAuthUrl(doc);
      if (bad) throw new UnsafeOAuthMetadataError(state.authorizationServerUrl, bad);
    }
    await this.write(OAUTH_KEYS.discovery, JSON.stringify(state));
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
