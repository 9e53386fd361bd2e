import type { ClientFeatureName } from '../../../src-shared/api/schemas/client-features';
import type { AppInfo } from '../../../src-shared/api/contract';

/**
 * Where a person changes a server's setting, in the words of the shell they use. The engine writes
 * the hints of start failures and log lines, and the app and the CLI change the same setting in
 * different places: a window has menus and fields, a terminal has flags. The engine knows its
 * shell (its `host`) and picks the wording once; every message that names a setting asks it here.
 */
export interface ShellWording {
  /** Said to a server pinned to 2026-07-28 that speaks only initialize. */
  unpinStateless: string;
  /** Ends the log line about asking server/discover first. */
  pinToSkipProbe: string;
  /** How to turn a client feature on (sampling, elicitation, roots) so the server may ask for it. */
  enableFeature(feature: ClientFeatureName): string;
  /** How to try the other HTTP transport. */
  useTransport(transport: 'http' | 'sse'): string;
  /** How to send an Authorization header with every request. */
  addAuthHeader: string;
  /** Where the header that was sent can be checked. */
  checkAuthHeader: string;
  /** A server's working directory that does not exist. */
  fixWorkingDirectory: string;
}

const TRANSPORT_NAME = { http: 'Streamable HTTP', sse: 'the older HTTP+SSE transport' } as const;

export const APP_WORDING: ShellWording = {
  unpinStateless:
    'Its protocol is pinned to 2026-07-28 (Edit → Protocol). Choose auto, or an initialize-era version, to talk to it with initialize.',
  pinToSkipProbe: 'Pin a version under Edit → Protocol to skip the question.',
  enableFeature: (f) => `Turn ${f} on under Edit → Client features`,
  useTransport: (t) => `choose ${t === 'sse' ? 'the SSE transport' : 'Streamable HTTP'}`,
  addAuthHeader: 'Add an Authorization header in the server settings (for example "Authorization: Bearer <token>", marked secret)',
  checkAuthHeader: 'Check the value of the Authorization header in the server settings',
  fixWorkingDirectory: 'Fix the working directory in the server settings, or create the folder.',
};

const FEATURE_FLAG: Record<ClientFeatureName, string> = {
  sampling: '--sampling-reply <text>',
  elicitation: '--elicit <answer>',
  roots: '--root <dir>',
};

export const CLI_WORDING: ShellWording = {
  unpinStateless:
    'It is pinned with --protocol 2026-07-28: use --protocol auto, or an initialize-era version such as --protocol 2025-11-25, to talk to it with initialize.',
  pinToSkipProbe: 'Pin a version with --protocol to skip the question.',
  enableFeature: (f) => `Declare ${f} with ${FEATURE_FLAG[f]}`,
  useTransport: (t) => `use --transport ${t} (${TRANSPORT_NAME[t]})`,
  addAuthHeader: 'Send an Authorization header with -H "Authorization: Bearer <token>"',
  checkAuthHeader: "Check the Authorization header given with -H (or in the workspace's server settings)",
  fixWorkingDirectory: 'Fix the server\'s "cwd" in the workspace\'s mcp-lab.json, or create the folder.',
};

/** The wording for an engine run by this host. */
export function wordingFor(host: AppInfo['host']): ShellWording {
  return host === 'cli' ? CLI_WORDING : APP_WORDING;
}
