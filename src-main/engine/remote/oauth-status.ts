import type { OAuthStatus } from '../../../src-shared/api/schemas/server';
import type { StoredTokens } from './oauth-provider';
import { OAUTH_KEYS } from './remote-secrets';

/** The sign-in state the UI shows; undefined for a server that never used OAuth. */
export function oauthStatusOf(
  stored: StoredTokens | undefined,
  o: { pending?: OAuthStatus['pending'] | undefined; error?: string | undefined } = {},
): OAuthStatus | undefined {
  if (!stored && !o.pending && !o.error) return undefined;
  const t = stored?.tokens;
  return {
    signedIn: !!t,
    ...(t?.scope ? { scopes: t.scope.split(/\s+/).filter(Boolean) } : {}),
    ...(t?.expires_in !== undefined && stored ? { expiresAt: stored.savedAt + t.expires_in * 1000 } : {}),
    ...(o.pending ? { pending: o.pending } : {}),
    ...(o.error ? { error: o.error } : {}),
  };
}

/** From the secret store alone (the server is not running). */
export function storedOAuthStatus(
  serverId: string,
  secrets: { get(serverId: string, key: string): string | undefined },
): OAuthStatus | undefined {
  const raw = secrets.get(serverId, OAUTH_KEYS.tokens);
  if (!raw) return undefined;
  try {
    return oauthStatusOf(JSON.parse(raw) as StoredTokens);
  } catch {
    return undefined;
  }
}

/** Token values the log must never show. */
export function tokenSecrets(stored: StoredTokens | undefined): string[] {
  const t = stored?.tokens;
  return t ? [t.access_token, t.refresh_token, t.id_token].filter((v): v is string => !!v) : [];
}
