import type { LogEntry } from '../../../src-shared/api/schemas/log';

export const REDACTED = '•••';
/** Shorter values would blank out ordinary words and numbers in every line. */
const MIN_SECRET_LENGTH = 4;

/**
 * Blank out a server's secret values (env entries marked secret, tokens) wherever they show up in
 * its log: a stderr line that prints the environment, a tool result that echoes a token. Cheap
 * when nothing matches: one `includes` per secret per line, one stringify per structured payload.
 */
export function createRedactor(values: string[]): ((entry: LogEntry) => void) | undefined {
  const secrets = [...new Set(values.filter((v) => v.length >= MIN_SECRET_LENGTH))].sort((a, b) => b.length - a.length);
  if (secrets.length === 0) return undefined;
  const scrub = (s: string) => {
    let out = s;
    for (const v of secrets) if (out.includes(v)) out = out.split(v).join(REDACTED);
    return out;
  };
  const deep = (x: unknown): unknown => {
    if (typeof x === 'string') return scrub(x);
    if (Array.isArray(x)) return x.map(deep);
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, deep(v)]));
    return x;
  };
  return (entry) => {
    entry.text = scrub(entry.text);
    if (entry.data !== undefined) {
      const json = JSON.stringify(entry.data);
      // Only payloads that contain a secret are rebuilt; the others keep their identity.
      if (json !== undefined && secrets.some((v) => json.includes(v) || json.includes(JSON.stringify(v).slice(1, -1)))) entry.data = deep(entry.data);
    }
  };
}
