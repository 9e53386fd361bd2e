import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { isClientMetadataUrl, isHttpUrl, type OAuthSettings } from '../../../src-shared/api/schemas/server';
import { CliError, EXIT } from './exit-codes';

/** How MCP Lab signs in to an OAuth-protected server given by --url (absent: as a public client that registers itself). */
export interface OAuthFlags {
  oauthFlow?: 'auth-code' | 'client-credentials' | 'cross-app' | undefined;
  scope?: string | undefined;
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  clientKey?: string | undefined;
  clientMetadataUrl?: string | undefined;
  idpTokenEndpoint?: string | undefined;
  idpClientId?: string | undefined;
  idpClientSecret?: string | undefined;
  idpIdToken?: string | undefined;
}

export const OAUTH_HELP = `
OAuth (with --url): by default MCP Lab registers itself with the server's authorization server and
prints a sign-in link for you to open. A client registered beforehand: --client-id (and
--client-secret). A Client ID Metadata Document you publish: --client-metadata-url https://…
Without a browser: --oauth-flow client-credentials with --client-id and --client-secret, or
--client-key key.pem (private_key_jwt); --oauth-flow cross-app with --client-id, --client-secret,
--idp-token-endpoint, --idp-client-id and --idp-id-token (Enterprise-Managed Authorization).
Values given on the command line are visible to other users of this machine (ps): prefer a file
for keys. --oauth-steps prints each sign-in step with its requests (secrets masked).`;

const FLOWS = { 'auth-code': 'authorizationCode', 'client-credentials': 'clientCredentials', 'cross-app': 'crossApp' } as const;

export function oauthOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--oauth-flow <flow>', 'with --url: how to get an access token').choices(Object.keys(FLOWS)))
    .option('--scope <scope>', 'with --url: the OAuth scope to ask for (default: what the server names)')
    .option('--client-id <id>', 'with --url: a client id registered with the authorization server beforehand')
    .option('--client-secret <secret>', 'with --client-id: its client secret')
    .option('--client-key <file>', 'with --client-id: a PEM private key (PKCS#8) to sign a private_key_jwt client assertion')
    .option(
      '--client-metadata-url <url>',
      'with --url: the https URL of your Client ID Metadata Document, used as client id where supported',
    )
    .option('--idp-token-endpoint <url>', 'cross-app: the identity provider’s token endpoint')
    .option('--idp-client-id <id>', 'cross-app: MCP Lab’s client id at the identity provider')
    .option('--idp-client-secret <secret>', 'cross-app: its secret there, if it has one')
    .option('--idp-id-token <token>', 'cross-app: the ID token from your sign-in at the identity provider');
}

/** The OAuth settings the flags ask for, checked; undefined when no OAuth flag was given. */
export function oauthSettingsFromFlags(o: OAuthFlags): OAuthSettings | undefined {
  const given = [
    o.oauthFlow,
    o.scope,
    o.clientId,
    o.clientSecret,
    o.clientKey,
    o.clientMetadataUrl,
    o.idpTokenEndpoint,
    o.idpClientId,
    o.idpClientSecret,
    o.idpIdToken,
  ].some((v) => v !== undefined);
  if (!given) return undefined;
  const flow = FLOWS[o.oauthFlow ?? 'auth-code'];
  const usage = (m: string) => new CliError(m, EXIT.usage);
  if ((o.clientSecret || o.clientKey) && !o.clientId) throw usage('--client-secret and --client-key go with --client-id');
  if (o.clientMetadataUrl !== undefined && !isClientMetadataUrl(o.clientMetadataUrl))
    throw usage(`--client-metadata-url must be an https:// URL with a path, got "${o.clientMetadataUrl}"`);
  if (flow === 'clientCredentials' && (!o.clientId || !(o.clientSecret || o.clientKey)))
    throw usage('--oauth-flow client-credentials needs --client-id and --client-secret (or --client-key key.pem)');
  const idpGiven = [o.idpTokenEndpoint, o.idpClientId, o.idpClientSecret, o.idpIdToken].some((v) => v !== undefined);
  if (flow === 'crossApp') {
    if (!o.clientId || !o.idpTokenEndpoint || !o.idpClientId || !o.idpIdToken)
      throw usage(
        '--oauth-flow cross-app needs --client-id (and --client-secret), --idp-token-endpoint, --idp-client-id and --idp-id-token',
      );
    if (!isHttpUrl(o.idpTokenEndpoint)) throw usage(`--idp-token-endpoint must be an http(s) URL, got "${o.idpTokenEndpoint}"`);
  } else if (idpGiven) throw usage('the --idp-… flags go with --oauth-flow cross-app');
  let key: string | undefined;
  if (o.clientKey !== undefined) {
    try {
      key = readFileSync(o.clientKey, 'utf8');
    } catch (e) {
      throw new CliError(`--client-key: cannot read ${o.clientKey} (${e instanceof Error ? e.message : String(e)})`, EXIT.usage);
    }
  }
  return {
    ...(o.oauthFlow ? { flow } : {}),
    ...(o.scope ? { scope: o.scope } : {}),
    ...(o.clientId ? { clientId: o.clientId } : {}),
    ...(o.clientSecret ? { clientSecret: { value: o.clientSecret } } : {}),
    ...(key ? { clientKey: { value: key } } : {}),
    ...(o.clientMetadataUrl ? { clientMetadataUrl: o.clientMetadataUrl } : {}),
    ...(flow === 'crossApp'
      ? {
          idp: {
            tokenEndpoint: o.idpTokenEndpoint!,
            clientId: o.idpClientId!,
            idToken: { value: o.idpIdToken! },
            ...(o.idpClientSecret ? { clientSecret: { value: o.idpClientSecret } } : {}),
          },
        }
      : {}),
  };
}
