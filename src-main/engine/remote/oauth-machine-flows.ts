import { createPrivateKey } from 'node:crypto';
import { parseErrorResponse } from '@modelcontextprotocol/sdk/client/auth.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';

/**
 * The OAuth flows where nobody signs in in a browser (MCP authorization extensions): client
 * credentials with a client secret or a signed JWT (`private_key_jwt`), and cross-app access,
 * where an enterprise identity provider trades the user's ID token for an ID-JAG that the MCP
 * server's authorization server accepts as a JWT bearer grant. The SDK's `auth()` runs them
 * through a provider's `prepareTokenRequest`; what is here are the parts the SDK 1.x lacks.
 */

export const GRANT = {
  clientCredentials: 'client_credentials',
  jwtBearer: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
  tokenExchange: 'urn:ietf:params:oauth:grant-type:token-exchange',
} as const;
const ID_JAG = 'urn:ietf:params:oauth:token-type:id-jag';
const ID_TOKEN = 'urn:ietf:params:oauth:token-type:id_token';

/** The JWS algorithm for a PEM private key (PKCS#8), from the key itself. */
export function signingAlgorithm(pem: string): string {
  let key;
  try {
    key = createPrivateKey(pem);
  } catch (e) {
    throw new Error(
      `the client key is not a PEM private key MCP Lab can read (${e instanceof Error ? e.message : String(e)}): give a PKCS#8 file that starts with "-----BEGIN PRIVATE KEY-----"`,
    );
  }
  const type = key.asymmetricKeyType;
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (type === 'ec') {
    const alg = { prime256v1: 'ES256', secp384r1: 'ES384', secp521r1: 'ES512' }[curve ?? ''];
    if (alg) return alg;
    throw new Error(`the client key is an EC key on curve ${curve ?? 'unknown'}: private_key_jwt signing supports P-256, P-384 and P-521`);
  }
  if (type === 'rsa') return 'RS256';
  if (type === 'rsa-pss') return 'PS256';
  throw new Error(
    `the client key is of type ${type ?? 'unknown'}: private_key_jwt signing here supports EC (ES256/384/512) and RSA (RS256, PS256) keys`,
  );
}

/**
 * RFC 8693 token exchange at the identity provider: the ID token in, an ID-JAG (identity
 * assertion authorization grant) for the MCP server's authorization server out.
 */
export async function requestIdJag(o: {
  tokenEndpoint: string;
  clientId: string;
  clientSecret?: string | undefined;
  idToken: string;
  audience: string;
  resource: string;
  scope?: string | undefined;
  fetchFn: FetchLike;
}): Promise<string> {
  const body = new URLSearchParams({
    grant_type: GRANT.tokenExchange,
    requested_token_type: ID_JAG,
    audience: o.audience,
    resource: o.resource,
    subject_token: o.idToken,
    subject_token_type: ID_TOKEN,
    client_id: o.clientId,
  });
  if (o.clientSecret) body.set('client_secret', o.clientSecret);
  if (o.scope) body.set('scope', o.scope);
  const res = await o.fetchFn(o.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body,
  });
  if (!res.ok) {
    const e = await parseErrorResponse(res);
    throw new Error(
      `the identity provider refused the token exchange (HTTP ${res.status}${e.errorCode ? `, ${e.errorCode}` : ''}${e.message ? `: ${e.message}` : ''})`,
    );
  }
  const json = (await res.json().catch(() => undefined)) as { access_token?: unknown; issued_token_type?: unknown } | undefined;
  if (typeof json?.access_token !== 'string')
    throw new Error('the identity provider answered the token exchange without an access_token (the ID-JAG)');
  if (json.issued_token_type !== undefined && json.issued_token_type !== ID_JAG) {
    throw new Error(`the identity provider issued a ${String(json.issued_token_type)}, not an ID-JAG (${ID_JAG})`);
  }
  return json.access_token;
}
