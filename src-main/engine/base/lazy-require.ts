import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/**
 * A CommonJS dependency loaded the first time it is used instead of when the engine loads: a
 * one-shot CLI run (connect, one call, exit) must not pay for parsers and differs it never uses.
 * ESM-only packages are loaded with `await import()` where they are used instead.
 */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load(id) as T);
}
