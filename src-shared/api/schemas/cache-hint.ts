import { z } from 'zod';
import { EpochMsSchema } from './common';

/**
 * The cache hints a 2026-07-28 server puts on a list result (`ttlMs`, `cacheScope`; the caching
 * page of that revision): how long the list may be taken as fresh, and whether it may be shared
 * across users (`public`) or belongs to one authorization (`private`). For a list of several pages:
 * the shortest TTL, and private if any page is.
 */
export const CacheHintSchema = z.object({
  ttlMs: z.number().int().min(0),
  cacheScope: z.enum(['public', 'private']),
  /** When the list was received plus `ttlMs`: until then MCP Lab does not ask for it again on its own. */
  freshUntil: EpochMsSchema,
});
export type CacheHint = z.infer<typeof CacheHintSchema>;
