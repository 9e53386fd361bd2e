import type { CacheHint } from '../../../src-shared/api/schemas/cache-hint';

/** What one list result says about caching (see src-shared/api/schemas/cache-hint.ts). */
export interface ListHint {
  ttlMs: number;
  cacheScope: 'public' | 'private';
}

/**
 * The hints of one result, if it carries any (initialize-era results do not). A negative or
 * fractional TTL is read as the specification says: a negative one as 0, fractions cut off; a
 * scope other than `public` is treated as `private`, the safe reading.
 */
export function hintOf(raw: unknown): ListHint | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { ttlMs, cacheScope } = raw as { ttlMs?: unknown; cacheScope?: unknown };
  if (typeof ttlMs !== 'number' && cacheScope === undefined) return undefined;
  const ttl = typeof ttlMs === 'number' && Number.isFinite(ttlMs) ? Math.max(0, Math.floor(ttlMs)) : 0;
  return { ttlMs: ttl, cacheScope: cacheScope === 'public' ? 'public' : 'private' };
}

/** A list of several pages is as fresh as its least fresh page, and private if any page is. */
export function combineHints(a: ListHint | undefined, b: ListHint | undefined): ListHint | undefined {
  if (!a || !b) return a ?? b;
  return { ttlMs: Math.min(a.ttlMs, b.ttlMs), cacheScope: a.cacheScope === 'private' || b.cacheScope === 'private' ? 'private' : 'public' };
}

/** The hint as kept with a list received at `receivedAt`. */
export function withFreshness(h: ListHint | undefined, receivedAt: number): CacheHint | undefined {
  return h ? { ...h, freshUntil: receivedAt + h.ttlMs } : undefined;
}

/** True while a list's hint says it is fresh: nothing asks for it again on its own before then. */
export function isFresh(h: CacheHint | undefined, now: number): boolean {
  return !!h && now < h.freshUntil;
}

/**
 * Said when a list is not asked for again because its hint still holds (a reconnect of a remote
 * server); undefined when it must be asked for.
 */
export function keptFreshNote(method: string, h: CacheHint | undefined, now: number): string | undefined {
  if (!h || !isFresh(h, now)) return undefined;
  return `${method}: the last list is fresh for another ${Math.ceil((h.freshUntil - now) / 1000)} s by the server's cache hint (ttlMs ${h.ttlMs}, ${h.cacheScope}), so it was kept, not asked for again; Refresh asks anyway`;
}
