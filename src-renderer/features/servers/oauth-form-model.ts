import type { OAuthFlow } from '../../../src-shared/api/schemas/oauth-trace';
import { isClientMetadataUrl, isHttpUrl, type OAuthSecret, type OAuthSettings } from '../../../src-shared/api/schemas/server';

/** A secret field of the form: what was typed, and whether the engine already stores one (never shown). */
export interface SecretField {
  value: string;
  stored: boolean;
}

/** The "Sign-in (OAuth)" part of the URL form. Empty everywhere = the usual: register and sign in in the browser. */
export interface OAuthFormFields {
  flow: OAuthFlow;
  scope: string;
  clientId: string;
  clientSecret: SecretField;
  clientKey: SecretField;
  clientMetadataUrl: string;
  idpTokenEndpoint: string;
  idpClientId: string;
  idpClientSecret: SecretField;
  idpIdToken: SecretField;
}

export type OAuthFormErrors = Partial<Record<keyof OAuthFormFields, string>>;

const secret = (s: OAuthSecret | undefined): SecretField => ({ value: '', stored: !!s });

export const EMPTY_OAUTH_FIELDS: OAuthFormFields = {
  flow: 'authorizationCode',
  scope: '',
  clientId: '',
  clientSecret: { value: '', stored: false },
  clientKey: { value: '', stored: false },
  clientMetadataUrl: '',
  idpTokenEndpoint: '',
  idpClientId: '',
  idpClientSecret: { value: '', stored: false },
  idpIdToken: { value: '', stored: false },
};

export function initialOAuthFields(o: OAuthSettings | undefined): OAuthFormFields {
  if (!o) return EMPTY_OAUTH_FIELDS;
  return {
    flow: o.flow ?? 'authorizationCode',
    scope: o.scope ?? '',
    clientId: o.clientId ?? '',
    clientSecret: secret(o.clientSecret),
    clientKey: secret(o.clientKey),
    clientMetadataUrl: o.clientMetadataUrl ?? '',
    idpTokenEndpoint: o.idp?.tokenEndpoint ?? '',
    idpClientId: o.idp?.clientId ?? '',
    idpClientSecret: secret(o.idp?.clientSecret),
    idpIdToken: secret(o.idp?.idToken),
  };
}

/** What to send for a secret: a new value, `{}` to keep the stored one, nothing to drop it. */
function secretOut(f: SecretField): OAuthSecret | undefined {
  if (f.value) return { value: f.value };
  return f.stored ? {} : undefined;
}

const has = (f: SecretField) => !!f.value || f.stored;

/** The OAuth settings to save (undefined: none, the usual sign-in), or what to fix. */
export function validateOAuthForm(
  f: OAuthFormFields,
): { ok: true; value: OAuthSettings | undefined } | { ok: false; errors: OAuthFormErrors } {
  const errors: OAuthFormErrors = {};
  const clientId = f.clientId.trim();
  const cimd = f.clientMetadataUrl.trim();
  if ((has(f.clientSecret) || has(f.clientKey)) && !clientId) errors.clientId = 'A client secret or key belongs to a client id: enter it.';
  if (cimd && !isClientMetadataUrl(cimd))
    errors.clientMetadataUrl = 'The URL of a client metadata document is https:// with a path, e.g. https://example.com/mcp-lab.json.';
  if (f.clientKey.value && !/-----BEGIN (EC |RSA )?PRIVATE KEY-----/.test(f.clientKey.value))
    errors.clientKey = 'Paste a PEM private key ("-----BEGIN PRIVATE KEY-----" …).';
  if (f.flow === 'clientCredentials') {
    if (!clientId) errors.clientId = 'Client credentials need the client id registered with the authorization server.';
    else if (!has(f.clientSecret) && !has(f.clientKey))
      errors.clientSecret = 'Enter the client secret, or a private key for private_key_jwt.';
  }
  if (f.flow === 'crossApp') {
    if (!clientId) errors.clientId = 'Cross-app access needs the client id registered with the MCP server’s authorization server.';
    if (!isHttpUrl(f.idpTokenEndpoint.trim())) errors.idpTokenEndpoint = 'The identity provider’s token endpoint, an http(s) URL.';
    if (!f.idpClientId.trim()) errors.idpClientId = 'MCP Lab’s client id at the identity provider.';
    if (!has(f.idpIdToken)) errors.idpIdToken = 'Paste the ID token from your sign-in at the identity provider.';
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const clientSecret = secretOut(f.clientSecret);
  const clientKey = f.flow === 'clientCredentials' ? secretOut(f.clientKey) : undefined;
  const idpSecret = secretOut(f.idpClientSecret);
  const idToken = secretOut(f.idpIdToken);
  const value: OAuthSettings = {
    ...(f.flow !== 'authorizationCode' ? { flow: f.flow } : {}),
    ...(f.scope.trim() ? { scope: f.scope.trim() } : {}),
    ...(clientId ? { clientId } : {}),
    ...(clientId && clientSecret ? { clientSecret } : {}),
    ...(clientId && clientKey ? { clientKey } : {}),
    ...(cimd && f.flow === 'authorizationCode' ? { clientMetadataUrl: cimd } : {}),
    ...(f.flow === 'crossApp'
      ? {
          idp: {
            tokenEndpoint: f.idpTokenEndpoint.trim(),
            clientId: f.idpClientId.trim(),
            ...(idpSecret ? { clientSecret: idpSecret } : {}),
            ...(idToken ? { idToken } : {}),
          },
        }
      : {}),
  };
  return { ok: true, value: Object.keys(value).length ? value : undefined };
}
