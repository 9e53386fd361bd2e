import { z } from 'zod';

/**
 * MCP's two protocol eras. `initialize`: the handshake revisions 2024-11-05 … 2025-11-25 (a
 * session starts with `initialize`, servers may send requests to the client). `stateless`: the
 * 2026-07-28 revision (no handshake: `server/discover`, every request carries its own `_meta`
 * envelope, `input_required` results instead of server→client requests, `subscriptions/listen`).
 */
export const ProtocolEraSchema = z.enum(['initialize', 'stateless']);
export type ProtocolEra = z.infer<typeof ProtocolEraSchema>;

/** The one stateless revision MCP Lab speaks. */
export const STATELESS_PROTOCOL_VERSION = '2026-07-28';
/** The initialize-era revisions a server can be pinned to, newest first. */
export const INITIALIZE_PROTOCOL_VERSIONS = ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'] as const;

/**
 * Which revision to speak with a server. `auto`: ask `server/discover` first and fall back to
 * `initialize` on the same process when the server does not know it. A version pins it: an
 * initialize-era version is what `initialize` asks for; `2026-07-28` never falls back.
 */
export const ProtocolPinSchema = z.enum(['auto', STATELESS_PROTOCOL_VERSION, ...INITIALIZE_PROTOCOL_VERSIONS]);
export type ProtocolPin = z.infer<typeof ProtocolPinSchema>;

export function eraOfVersion(version: string): ProtocolEra {
  // Revision identifiers are ISO dates: every revision from 2026-07-28 on is stateless.
  return version >= STATELESS_PROTOCOL_VERSION ? 'stateless' : 'initialize';
}

/** "2026-07-28 (stateless)", "2025-11-25 (initialize)": how the UI and CLI name a negotiated revision. */
export function describeProtocol(info: { protocolVersion?: string | undefined; era?: ProtocolEra | undefined }): string {
  const era = info.era ?? (info.protocolVersion ? eraOfVersion(info.protocolVersion) : undefined);
  return `${info.protocolVersion ?? '?'}${era ? ` (${era})` : ''}`;
}
