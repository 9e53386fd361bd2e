import { Option, type Command } from 'commander';
import type { ApiClient } from '../../../src-shared/api/api-client';
import { isHttpUrl, type HeaderEntry, type RemoteServerConfigInput } from '../../../src-shared/api/schemas/server';
import { CliError, EXIT } from './exit-codes';
import { OAUTH_HELP, oauthOptions, oauthSettingsFromFlags, type OAuthFlags } from './oauth-options';

/** `--url` and friends: talk to a remote server instead of starting `-- <command>`. */
export interface RemoteFlags extends OAuthFlags {
  url?: string | undefined;
  transport?: 'http' | 'sse' | undefined;
  header?: string[] | undefined;
  signInTimeoutMs?: number | undefined;
  /** Print every OAuth sign-in step by step (a failed one is printed anyway). */
  oauthSteps?: boolean | undefined;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];
/** Header values that are credentials: redacted from anything MCP Lab logs. */
const CREDENTIAL = /^(authorization|proxy-authorization|cookie)$|token|secret|key$/i;

export function remoteOptions(cmd: Command, int: (name: string) => (v: string) => number): Command {
  return oauthOptions(cmd)
    .option('--url <url>', 'connect to a remote server at this URL (Streamable HTTP by default) instead of a command after --')
    .addOption(
      new Option('--transport <kind>', 'with --url: http (Streamable HTTP) or sse (the older HTTP+SSE transport)')
        .choices(['http', 'sse'])
        .default('http'),
    )
    .option('-H, --header <"Name: value">', 'with --url: an HTTP header to send with every request (repeatable)', collect, [])
    .option(
      '--sign-in-timeout-ms <ms>',
      'with --url: how long to wait for you to sign in when the server asks for OAuth',
      int('--sign-in-timeout-ms'),
      120_000,
    )
    .option('--oauth-steps', 'with --url: print each OAuth sign-in step by step, with its HTTP requests (secrets masked)', false)
    .addHelpText('after', OAUTH_HELP);
}

/** The server to add for `--url`, or undefined when the server comes from `-- <command>` or --workspace. */
export function remoteInputFromFlags(
  o: RemoteFlags & { command: string[]; workspace?: string | undefined },
): Omit<RemoteServerConfigInput, 'clientFeatures'> | undefined {
  const headers = o.header ?? [];
  if (o.url === undefined) {
    if (headers.length) throw new CliError('--header goes with --url (a command after -- gets --env instead)', EXIT.usage);
    if (oauthSettingsFromFlags(o)) throw new CliError('the OAuth flags (--client-id, --oauth-flow, …) go with --url', EXIT.usage);
    return undefined;
  }
  if (o.command.length) throw new CliError('give either --url or a command after --, not both', EXIT.usage);
  if (o.workspace !== undefined) throw new CliError('give either --url or --workspace, not both', EXIT.usage);
  if (!isHttpUrl(o.url)) throw new CliError(`--url must be an http:// or https:// URL, got "${o.url}"`, EXIT.usage);
  const oauth = oauthSettingsFromFlags(o);
  return {
    id: 'server',
    name: new URL(o.url).host,
    transport: o.transport ?? 'http',
    url: o.url,
    headers: headers.map(parseHeader),
    ...(oauth ? { oauth } : {}),
  };
}

function parseHeader(raw: string): HeaderEntry {
  const i = raw.indexOf(':');
  const key = i > 0 ? raw.slice(0, i).trim() : '';
  if (!key || /\s/.test(key))
    throw new CliError(`--header expects "Name: value", got "${raw}" (e.g. --header 'Authorization: Bearer <token>')`, EXIT.usage);
  return { key, value: raw.slice(i + 1).trim(), secret: CREDENTIAL.test(key) };
}

/**
 * While a remote server starts: when it asks for an OAuth sign-in, print the URL for the person
 * to open (MCP Lab never opens a browser by itself) and say how long it waits.
 */
export function printSignInRequests(api: ApiClient, serverId: string, err: NodeJS.WritableStream): { dispose(): void } {
  let shown: string | undefined;
  return api.subscribe('servers.changed', {}, (list) => {
    const pending = list.find((s) => s.config.id === serverId)?.oauth?.pending;
    if (!pending || pending.url === shown) return;
    shown = pending.url;
    const secs = Math.max(1, Math.round((pending.expiresAt - Date.now()) / 1000));
    err.write(
      `mcp-lab: the server asks you to sign in (OAuth) at ${pending.authorizationServer}. Open this URL in your browser and approve:\n\n  ${pending.url}\n\nWaiting up to ${secs} s for the sign-in to finish…\n`,
    );
  });
}
