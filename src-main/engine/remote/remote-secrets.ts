import type { OAuthSecret, OAuthSettings, RemoteServerConfig } from '../../../src-shared/api/schemas/server';
import type { WorkspaceSecrets } from '../workspace/secret-store';

/** A secret header's value in the secret store (header names are case-insensitive). */
export function headerSecretKey(name: string): string {
  return `header:${name.toLowerCase()}`;
}

/** What OAuth keeps per server: the dynamically registered client and the tokens (discovery is redone at each sign-in). */
export const OAUTH_KEYS = { client: 'oauth:client', tokens: 'oauth:tokens' } as const;

/** The credentials a person gives in the OAuth settings, by where they sit in the config. */
export const OAUTH_CREDENTIAL_KEYS = {
  clientSecret: 'oauth:client-secret',
  clientKey: 'oauth:client-key',
  idpClientSecret: 'oauth:idp-client-secret',
  idpIdToken: 'oauth:idp-id-token',
} as const;
export type OAuthCredential = keyof typeof OAUTH_CREDENTIAL_KEYS;

function credentialFields(o: OAuthSettings | undefined): Record<OAuthCredential, OAuthSecret | undefined> {
  return { clientSecret: o?.clientSecret, clientKey: o?.clientKey, idpClientSecret: o?.idp?.clientSecret, idpIdToken: o?.idp?.idToken };
}

/** The configured OAuth credentials of a server, read from the secret store (absent ones left out). */
export function oauthCredentials(
  config: RemoteServerConfig,
  secrets: { get(serverId: string, key: string): string | undefined },
): Partial<Record<OAuthCredential, string>> {
  const out: Partial<Record<OAuthCredential, string>> = {};
  for (const [name, field] of Object.entries(credentialFields(config.oauth)) as [OAuthCredential, OAuthSecret | undefined][]) {
    const v = field ? secrets.get(config.id, OAUTH_CREDENTIAL_KEYS[name]) : undefined;
    if (v) out[name] = v;
  }
  return out;
}

/** The OAuth settings as kept in the config: credentials marked as configured, their values gone. */
function withoutValues(o: OAuthSettings | undefined): OAuthSettings | undefined {
  if (!o) return undefined;
  const mark = (x: OAuthSecret | undefined) => (x ? {} : undefined);
  const { clientSecret, clientKey, idp, ...rest } = o;
  return {
    ...rest,
    ...(clientSecret ? { clientSecret: {} } : {}),
    ...(clientKey ? { clientKey: {} } : {}),
    ...(idp
      ? {
          idp: {
            tokenEndpoint: idp.tokenEndpoint,
            clientId: idp.clientId,
            ...(mark(idp.clientSecret) ? { clientSecret: {} } : {}),
            ...(mark(idp.idToken) ? { idToken: {} } : {}),
          },
        }
      : {}),
  };
}

/**
 * Secret header values and OAuth credentials go to the secret store; the config keeps the name
 * and the flag. OAuth state (tokens, registration) stays (signing in again because an unrelated
 * header changed would help nobody).
 */
export async function storeRemoteSecrets(config: RemoteServerConfig, secrets: WorkspaceSecrets): Promise<RemoteServerConfig> {
  for (const h of config.headers) if (h.secret && h.value !== undefined) await secrets.set(config.id, headerSecretKey(h.key), h.value);
  const credentials = Object.entries(credentialFields(config.oauth)) as [OAuthCredential, OAuthSecret | undefined][];
  for (const [name, field] of credentials)
    if (field?.value !== undefined) await secrets.set(config.id, OAUTH_CREDENTIAL_KEYS[name], field.value);
  const keep = [
    ...config.headers.filter((h) => h.secret).map((h) => headerSecretKey(h.key)),
    ...Object.values(OAUTH_KEYS),
    ...credentials.filter(([, field]) => field).map(([name]) => OAUTH_CREDENTIAL_KEYS[name]),
  ];
  await secrets.retain(config.id, keep);
  const oauth = withoutValues(config.oauth);
  return { ...config, headers: config.headers.map((h) => (h.secret ? { key: h.key, secret: true } : h)), ...(oauth ? { oauth } : {}) };
}

/** The headers to send, secret values filled in from the store (a secret with no stored value is left out). */
export function resolveHeaders(
  config: RemoteServerConfig,
  secrets: { get(serverId: string, key: string): string | undefined },
): { headers: Record<string, string>; secretValues: string[] } {
  const headers: Record<string, string> = {};
  const secretValues: string[] = [];
  for (const h of config.headers) {
    const value = h.secret ? secrets.get(config.id, headerSecretKey(h.key)) : h.value;
    if (value === undefined) continue;
    headers[h.key] = value;
    if (h.secret) secretValues.push(value, ...credentialParts(value));
  }
  return { headers, secretValues };
}

/** `Bearer abc` is redacted whole and as `abc` (a server may echo the token alone). */
function credentialParts(value: string): string[] {
  const m = /^\s*(?:bearer|basic|token)\s+(\S+)\s*$/i.exec(value);
  return m ? [m[1]!] : [];
}
