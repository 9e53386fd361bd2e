import { z } from 'zod';
import { ServerIdSchema } from './common';

export const DeprecatedFeatureIdSchema = z.enum(['roots', 'sampling', 'logging', 'dynamicClientRegistration', 'httpSse', 'includeContext']);
export type DeprecatedFeatureId = z.infer<typeof DeprecatedFeatureIdSchema>;

export interface DeprecatedFeature {
  id: DeprecatedFeatureId;
  name: string;
  /** The revision that deprecated it. */
  deprecatedIn: string;
  /** When it may go, in the registry's words: a removal is eligible then, not certain. */
  earliestRemoval: string;
  /** What to use instead. */
  replacement: string;
}

// The registry of deprecated features, MCP specification 2026-07-28, "Deprecated Features" (the
// feature lifecycle policy's table, kept consistent with each feature's deprecation notice).
// Roots, Sampling and Logging: SEP-2577; Dynamic Client Registration: deprecated in favour of
// Client ID Metadata Documents in the same revision; includeContext and HTTP+SSE were deprecated
// earlier and reclassified by SEP-2596.
export const DEPRECATED_FEATURES: Readonly<Record<DeprecatedFeatureId, DeprecatedFeature>> = {
  roots: {
    id: 'roots',
    name: 'Roots (roots/list)',
    deprecatedIn: '2026-07-28',
    earliestRemoval: 'the first revision released on or after 2027-07-28',
    replacement: 'pass directories or files as tool parameters, resource URIs or server configuration',
  },
  sampling: {
    id: 'sampling',
    name: 'Sampling (sampling/createMessage)',
    deprecatedIn: '2026-07-28',
    earliestRemoval: 'the first revision released on or after 2027-07-28',
    replacement: 'call an LLM provider’s API directly from the server',
  },
  logging: {
    id: 'logging',
    name: 'Logging (logging/setLevel, notifications/message)',
    deprecatedIn: '2026-07-28',
    earliestRemoval: 'the first revision released on or after 2027-07-28',
    replacement: 'log to stderr over stdio; use OpenTelemetry for observability',
  },
  dynamicClientRegistration: {
    id: 'dynamicClientRegistration',
    name: 'Dynamic Client Registration (OAuth, RFC 7591)',
    deprecatedIn: '2026-07-28',
    earliestRemoval: 'the first revision released on or after 2027-07-28',
    replacement: 'Client ID Metadata Documents (a URL as client_id; set client_id_metadata_document_supported)',
  },
  httpSse: {
    id: 'httpSse',
    name: 'HTTP+SSE transport',
    deprecatedIn: '2025-03-26',
    earliestRemoval: 'three months after SEP-2596 became final',
    replacement: 'Streamable HTTP',
  },
  includeContext: {
    id: 'includeContext',
    name: 'includeContext "thisServer" / "allServers" (sampling)',
    deprecatedIn: '2025-11-25',
    earliestRemoval: 'together with Sampling',
    replacement: 'omit includeContext or send "none"',
  },
};

/** One deprecated feature the server was seen (or, in its source, written) to use. */
export const DeprecatedUseSchema = z.object({
  feature: DeprecatedFeatureIdSchema,
  /** How MCP Lab knows, one line each ("sent sampling/createMessage during this run"). */
  evidence: z.array(z.string()).min(1),
});
export type DeprecatedUse = z.infer<typeof DeprecatedUseSchema>;

export const DeprecationReportSchema = z.object({
  serverId: ServerIdSchema,
  /** In the registry's order; empty when nothing deprecated was seen. */
  uses: z.array(DeprecatedUseSchema),
});
export type DeprecationReport = z.infer<typeof DeprecationReportSchema>;

/** "Sampling (sampling/createMessage): deprecated in 2026-07-28, may be removed in …; instead: …" */
export function describeDeprecation(id: DeprecatedFeatureId): string {
  const f = DEPRECATED_FEATURES[id];
  return `${f.name} is deprecated since ${f.deprecatedIn} and may be removed in ${f.earliestRemoval}; instead: ${f.replacement}`;
}
