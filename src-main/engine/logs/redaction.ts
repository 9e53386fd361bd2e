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
  const scrub = createScrubber(values);
  if (!scrub) return undefined;
  return (entry) => {
    entry.text = scrub.text(entry.text);
    if (entry.data !== undefined) entry.data = scrub.value(entry.data);
  };
}

export interface Scrubber {
  text(s: string): string;
  /** The value with every secret blanked out; the same object when none is in it (cheap to check). */
  value<T>(x: T): T;
}

/** The redaction the log uses, for any text or JSON value (call history uses it too). */
export function createScrubber(values: string[]): Scrubber | undefined {
  const secrets = [...new Set(values.filter((v) => v.length >= MIN_SECRET_LENGTH))].sort((a, b) => b.length - a.length);
  if (secrets.length === 0) return undefined;
  const text = (s: string) => {
    let out = s;
    for (const v of secrets) if (out.includes(v)) out = out.split(v).join(REDACTED);
    return out;
  };
  const deep = (x: unknown): unknown => {
    if (typeof x === 'string') return text(x);
    if (Array.isArray(x)) return x.map(deep);
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, deep(v)]));
    return x;
  };
  return {
    text,
    value: <T>(x: T): T => {
      if (typeof x === 'string') return text(x) as T;
      const json = JSON.stringify(x);
      // Only payloads that contain a secret are rebuilt; the others keep their identity.
      if (json !== undefined && secrets.some((v) => json.includes(v) || json.includes(JSON.stringify(v).slice(1, -1)))) return deep(x) as T;
      return x;
    },
  };
}
