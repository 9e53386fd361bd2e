import { deref } from './local-refs';

type Json = Record<string, unknown>;

/** A small seeded PRNG (mulberry32): the same seed gives the same arguments, so runs can be replayed. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FORMAT_SAMPLES: Record<string, string[]> = {
  date: ['2024-01-15', '2025-06-30', '1999-12-31'],
  'date-time': ['2024-01-15T10:30:00Z', '2025-06-30T23:59:59.000Z'],
  time: ['10:30:00', '23:59:59'],
  email: ['ada@example.com', 'grace.hopper@example.org'],
  uri: ['https://example.com/a', 'file:///tmp/example.txt'],
  url: ['https://example.com/a'],
  uuid: ['123e4567-e89b-42d3-a456-426614174000', '00000000-0000-4000-8000-000000000000'],
  ipv4: ['192.0.2.1'],
  hostname: ['example.com'],
};

export interface SampleOptions {
  random: () => number;
  /** Include optional properties with this probability (0 = only required ones). */
  optionalRate?: number;
  maxDepth?: number;
}

/**
 * Generate one value that satisfies a JSON Schema, for load runs and the fuzzer's valid cases.
 * Covers what tool schemas use: types (and type arrays), enum/const, numeric ranges, string
 * lengths and common formats, arrays with bounds, objects with required and optional properties,
 * anyOf/oneOf (first satisfiable branch), allOf (merged), local $refs. Patterns are not
 * synthesized: a pattern-constrained string uses its default or example when there is one.
 */
export function sampleValue(root: Json, schema: unknown, o: SampleOptions, depth = 0): unknown {
  if (schema === true || schema === undefined) return 'x';
  if (typeof schema !== 'object' || schema === null) return null;
  const s = deref(root, schema as Json);
  const pick = <T>(xs: T[]): T => xs[Math.floor(o.random() * xs.length)]!;
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum) && s.enum.length) return pick(s.enum);
  if (s.default !== undefined && o.random() < 0.3) return s.default;
  if (Array.isArray(s.examples) && s.examples.length && o.random() < 0.3) return pick(s.examples);
  const branches = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (Array.isArray(branches) && branches.length) {
    // Prefer a non-null branch: null is valid but teaches a load run nothing.
    const nonNull = branches.filter((b) => deref(root, b).type !== 'null');
    return sampleValue(root, pick(nonNull.length ? nonNull : branches), o, depth + 1);
  }
  if (Array.isArray(s.allOf)) return sampleValue(root, Object.assign({}, ...s.allOf.map((b) => deref(root, b as Json))), o, depth + 1);

  let type = s.type as string | string[] | undefined;
  if (Array.isArray(type)) {
    const nonNull = type.filter((t) => t !== 'null');
    type = nonNull.length ? pick(nonNull) : 'null';
  }
  type ??= s.properties ? 'object' : s.items ? 'array' : 'string';
  const maxDepth = o.maxDepth ?? 6;

  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return o.random() < 0.5;
    case 'integer':
    case 'number': {
      const lo = num(s.minimum) ?? (num(s.exclusiveMinimum) !== undefined ? num(s.exclusiveMinimum)! + (type === 'integer' ? 1 : 1e-6) : 0);
      const hi = num(s.maximum) ?? (num(s.exclusiveMaximum) !== undefined ? num(s.exclusiveMaximum)! - (type === 'integer' ? 1 : 1e-6) : Math.max(lo, 0) + 100);
      let v = lo + o.random() * Math.max(0, hi - lo);
      if (type === 'integer') v = Math.min(Math.floor(hi), Math.max(Math.ceil(lo), Math.round(v)));
      const step = num(s.multipleOf);
      if (step) v = Math.max(lo, Math.floor(v / step) * step);
      return type === 'integer' ? v : Math.round(v * 1000) / 1000;
    }
    case 'string': {
      if (typeof s.format === 'string' && FORMAT_SAMPLES[s.format]) return pick(FORMAT_SAMPLES[s.format]!);
      if (typeof s.pattern === 'string' && typeof s.default === 'string') return s.default;
      const min = num(s.minLength) ?? 1;
      const max = Math.max(min, Math.min(num(s.maxLength) ?? Math.max(min, 12), min + 24));
      const len = min + Math.floor(o.random() * (max - min + 1));
      const words = 'alpha beta gamma delta omega lab tool call load test';
      let out = '';
      while (out.length < len) out += words[Math.floor(o.random() * words.length)];
      return out.slice(0, len);
    }
    case 'array': {
      if (depth >= maxDepth) return [];
      const tuple = (s.prefixItems ?? (Array.isArray(s.items) ? s.items : undefined)) as unknown[] | undefined;
      if (tuple) return tuple.map((t) => sampleValue(root, t, o, depth + 1));
      const min = num(s.minItems) ?? 0;
      const max = Math.max(min, Math.min(num(s.maxItems) ?? 3, min + 3));
      const n = min + Math.floor(o.random() * (max - min + 1));
      const items = Array.from({ length: n }, () => sampleValue(root, s.items, o, depth + 1));
      return s.uniqueItems ? dedupe(items) : items;
    }
    default: {
      const out: Json = {};
      if (depth >= maxDepth) return out;
      const props = (s.properties ?? {}) as Json;
      const required = new Set((s.required as string[] | undefined) ?? []);
      for (const [k, sub] of Object.entries(props)) {
        if (required.has(k) || o.random() < (o.optionalRate ?? 0.5)) out[k] = sampleValue(root, sub, o, depth + 1);
      }
      return out;
    }
  }
}

/** Arguments for a tool call: an object, whatever the schema's top level says. */
export function sampleArguments(inputSchema: Json, o: SampleOptions): Json {
  const v = sampleValue(inputSchema, inputSchema, o);
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function dedupe(xs: unknown[]): unknown[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = JSON.stringify(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
