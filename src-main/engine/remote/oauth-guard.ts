/**
 * OAuth metadata comes from the server: a URL in it may point anywhere. MCP Lab uses (and lets a
 * person open) only http(s) URLs; a document that names a `javascript:`, `file:` or `data:` URL
 * for an endpoint is refused as a whole, before the SDK would use any of it.
 */
const URL_FIELDS = [
  'authorization_endpoint',
  'token_endpoint',
  'registration_endpoint',
  'revocation_endpoint',
  'introspection_endpoint',
  'issuer',
  'jwks_uri',
  'resource',
] as const;

export interface UnsafeUrl {
  field: string;
  value: string;
}

export function isHttpUrlString(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The first URL field of a metadata document (authorization server or protected resource) that is not http(s). */
export function unsafeOAuthUrl(doc: unknown): UnsafeUrl | undefined {
  if (!doc || typeof doc !== 'object') return undefined;
  const d = doc as Record<string, unknown>;
  for (const field of URL_FIELDS) {
    const v = d[field];
    if (v !== undefined && v !== null && !isHttpUrlString(v)) return { field, value: String(v) };
  }
  const servers = d.authorization_servers;
  if (Array.isArray(servers)) for (const v of servers) if (!isHttpUrlString(v)) return { field: 'authorization_servers', value: String(v) };
  return undefined;
}

export class UnsafeOAuthMetadataError extends Error {
  constructor(
    readonly documentUrl: string,
    readonly unsafe: UnsafeUrl,
  ) {
    super(
      `refused the OAuth metadata at ${documentUrl}: its ${unsafe.field} is "${unsafe.value.slice(0, 120)}", not an http(s) URL. MCP Lab opens and calls only http(s) URLs, so nothing was opened. Ask the server's owner to fix its OAuth metadata.`,
    );
  }
}

/** The well-known documents whose URLs we check (RFC 8414, OpenID discovery, RFC 9728). */
export function isOAuthMetadataUrl(url: URL): boolean {
  return /\/\.well-known\/(oauth-authorization-server|openid-configuration|oauth-protected-resource)(\/|$)/.test(url.pathname);
}
