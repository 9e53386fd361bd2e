import { createHash } from 'node:crypto';
import type { ServerConfig } from '../../../src-shared/api/schemas/server';

/**
 * A short fingerprint of a server's settings as stored (secret values are never part of them):
 * equal settings give equal versions whatever the order of their keys. The UI gives it back when
 * it saves an edit, so a change that reached mcp-lab.json meanwhile is a conflict, not overwritten.
 */
export function configVersion(config: ServerConfig): string {
  return createHash('sha256').update(stableJson(config)).digest('hex').slice(0, 16);
}

export function sameConfig(a: ServerConfig, b: ServerConfig): boolean {
  return stableJson(a) === stableJson(b);
}

/** Settings a running process (or connection) was started with; the rest (name, hot reload, restart policy, source file) apply at once. */
export function sameRunSettings(a: ServerConfig, b: ServerConfig): boolean {
  const run = ({ name: _n, watch: _w, restart: _r, source: _s, ...rest }: ServerConfig & { watch?: unknown; source?: unknown }) =>
    stableJson(rest);
  return run(a) === run(b);
}

/** JSON with object keys sorted (and undefined members left out, as JSON does). */
function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : stableJson(x))).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stableJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
