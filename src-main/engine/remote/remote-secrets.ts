import type { RemoteServerConfig } from '../../../src-shared/api/schemas/server';
import type { SecretStore } from '../workspace/secret-store';

/** A secret header's value in the secret store (header names are case-insensitive). */
export function headerSecretKey(name: string): string {
  return `header:${name.toLowerCase()}`;
}

/** What OAuth keeps per server: the registered client, the tokens, the discovered metadata. */
export const OAUTH_KEYS = { client: 'oauth:client', tokens: 'oauth:tokens', discovery: 'oauth:discovery' } as const;

/**
 * Secret header values go to the secret store; the config keeps the name and the flag. OAuth
 * entries stay (signing in again because an unrelated header changed would help nobody).
 */
export async function storeRemoteSecrets(config: RemoteServerConfig, secrets: SecretStore): Promise<RemoteServerConfig> {
  for (const h of config.headers) if (h.secret && h.value !== undefined) await secrets.set(config.id, headerSecretKey(h.key), h.value);
  const keep = [...config.headers.filter((h) => h.secret).map((h) => headerSecretKey(h.key)), ...Object.values(OAUTH_KEYS)];
  await secrets.retain(config.id, keep);
  return { ...config, headers: config.headers.map((h) => (h.secret ? { key: h.key, secret: true } : h)) };
}

/** The headers to send, secret values filled in from the store (a secret with no stored value is left out). */
export function resolveHeaders(config: RemoteServerConfig, secrets: { get(serverId: string, key: string): string | undefined }): { headers: Record<string, string>; secretValues: string[] } {
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
