import { lazyRequire } from '../base/lazy-require';
import type { DiffLine } from '../../../src-shared/api/schemas/testing';

const diff = lazyRequire<typeof import('diff')>('diff');

/** RFC 6901: `""` is the whole value, `/a/0/b~1c` walks objects and arrays. */
export function readPointer(value: unknown, pointer: string): { found: true; value: unknown } | { found: false } {
  if (pointer === '') return { found: true, value };
  if (!pointer.startsWith('/')) return { found: false };
  let cur: unknown = value;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      if (!/^(0|[1-9]\d*)$/.test(key) || Number(key) >= cur.length) return { found: false };
      cur = cur[Number(key)];
    } else if (typeof cur === 'object' && cur !== null && Object.hasOwn(cur, key)) {
      cur = (cur as Record<string, unknown>)[key];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: cur };
}

/** A copy without the values at these pointers (volatile fields a snapshot should not compare). */
export function withoutPointers(value: unknown, pointers: string[]): unknown {
  if (!pointers.length) return value;
  const copy = structuredClone(value);
  for (const p of pointers) {
    const parts = p
      .split('/')
      .slice(1)
      .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = parts.pop();
    if (last === undefined) continue;
    const parent = readPointer(copy, parts.length ? `/${parts.map((k) => k.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` : '');
    if (!parent.found) continue;
    const obj = parent.value;
    if (Array.isArray(obj) && /^\d+$/.test(last)) obj.splice(Number(last), 1);
    else if (typeof obj === 'object' && obj !== null) delete (obj as Record<string, unknown>)[last];
  }
  return copy;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => deepEqual(x, (b as unknown[])[i]));
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return (
    ka.length === kb.length &&
    ka.every((k) => Object.hasOwn(b as object, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/**
 * Whether `actual` contains `expected`: objects may have more keys, arrays must have the same
 * length with each item a subset, everything else is equal.
 */
export function isSubset(expected: unknown, actual: unknown): boolean {
  if (typeof expected !== 'object' || expected === null) return deepEqual(expected, actual);
  if (Array.isArray(expected))
    return Array.isArray(actual) && actual.length === expected.length && expected.every((x, i) => isSubset(x, actual[i]));
  if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return false;
  return Object.entries(expected).every(([k, v]) => Object.hasOwn(actual, k) && isSubset(v, (actual as Record<string, unknown>)[k]));
}

/**
 * `actual` cut down to the keys `expected` names, so a subset diff shows only what was asked
 * about (plus what is missing), not every extra field.
 */
export function projectLike(expected: unknown, actual: unknown): unknown {
  if (typeof expected !== 'object' || expected === null || typeof actual !== 'object' || actual === null) return actual;
  if (Array.isArray(expected))
    return Array.isArray(actual) ? actual.map((a, i) => (i < expected.length ? projectLike(expected[i], a) : a)) : actual;
  if (Array.isArray(actual)) return actual;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(expected))
    if (Object.hasOwn(actual, k)) out[k] = projectLike((expected as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k]);
  return out;
}

/** Pretty JSON with sorted keys: two values that differ only in key order print the same. */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2) ?? 'undefined';
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
  );
}

const MAX_DIFF_LINES = 400;

/** Expected against actual, line by line ("-" expected, "+" actual), bounded for huge values. */
export function lineDiff(expected: string, actual: string): DiffLine[] {
  const out: DiffLine[] = [];
  for (const part of diff().diffLines(expected, actual)) {
    const op = part.added ? 'added' : part.removed ? 'removed' : 'same';
    for (const text of part.value.replace(/\n$/, '').split('\n')) out.push({ op, text });
  }
  return out.length > MAX_DIFF_LINES
    ? [...out.slice(0, MAX_DIFF_LINES), { op: 'same', text: `… ${out.length - MAX_DIFF_LINES} more lines` }]
    : out;
}
