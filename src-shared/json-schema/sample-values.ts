import { derefNode } from './refs';
import { type JsonSchema, isNullSchema, isSchemaObject, readPointer } from './schema-node';

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
  time: ['10:30:00Z', '23:59:59Z'],
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
  /** Levels of nesting generated freely; below them, only what the schema requires. Default 6. */
  maxDepth?: number;
  /** The smallest value: defaults first, lower bounds, required properties only, fewest items, null where allowed. */
  minimal?: boolean;
}

/** How often one reference may recur on a path before the sample stops growing through it. */
const MAX_RECURSION = 2;
/** Past `maxDepth`, this many more levels to close open required structure before giving up. */
const CLOSING_LEVELS = 24;

interface Walk {
  o: SampleOptions;
  depth: number;
  /** References followed from the root to here: a recursive type shows up as a repeat. */
  refs: readonly string[];
}

/**
 * Generate one value that satisfies a JSON Schema, for load runs, the fuzzer's valid cases,
 * lint probes and form skeletons. Covers what tool schemas use: types (and type lists),
 * enum/const, numeric ranges, string lengths and common formats, arrays with bounds and tuples,
 * objects with required and optional properties, anyOf/oneOf, allOf (merged), local $refs.
 * Patterns are not synthesized: a pattern-constrained string uses its default when there is one.
 *
 * Recursive schemas (a tree, a linked list) end: once a reference recurs or the depth is spent,
 * the sample takes only what the schema requires and prefers null, empty lists and branches
 * that do not recurse. A type with no finite instance (a required field of its own type) gets an
 * empty object at the bottom.
 */
export function sampleValue(root: unknown, schema: unknown, o: SampleOptions): unknown {
  return sample(root, schema, { o, depth: 0, refs: [] });
}

/** Arguments for a tool call: an object, whatever the schema's top level says. */
export function sampleArguments(inputSchema: JsonSchema, o: SampleOptions): JsonSchema {
  const v = sampleValue(inputSchema, inputSchema, o);
  return isSchemaObject(v) ? v : {};
}

function sample(root: unknown, schema: unknown, w: Walk): unknown {
  if (schema === true || schema === undefined) return w.o.minimal ? null : 'x';
  if (!isSchemaObject(schema)) return null;
  const d = derefNode(root, schema);
  const s = d.schema;
  const refs = d.refs.length ? [...w.refs, ...d.refs] : w.refs;
  const here: Walk = { ...w, refs };
  const maxDepth = w.o.maxDepth ?? 6;
  const closing = w.o.minimal === true || w.depth >= maxDepth || recurs(refs);
  const next: Walk = { ...here, depth: w.depth + 1 };
  const random = w.o.random;
  const pick = <T>(xs: T[]): T => (closing ? xs[0]! : xs[Math.floor(random() * xs.length)]!);

  if ('const' in s) return s.const;
  if (Array.isArray(s.enum) && s.enum.length) return pick(s.enum);
  if (s.default !== undefined && (closing || random() < 0.3)) return s.default;
  if (Array.isArray(s.examples) && s.examples.length && !closing && random() < 0.3) return pick(s.examples);
  if (w.depth >= maxDepth + CLOSING_LEVELS) return bottom(s);
  const branches = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (Array.isArray(branches) && branches.length) {
    const nonNull = branches.filter((b) => !isNullSchema(derefNode(root, b).schema));
    if (closing) return sample(root, cheapestBranch(root, branches, refs), next);
    // Prefer a non-null branch: null is valid but teaches a load run nothing.
    return sample(root, pick(nonNull.length ? nonNull : branches), next);
  }
  if (Array.isArray(s.allOf)) {
    const merged = Object.assign({}, ...s.allOf.map((b) => derefNode(root, b).schema)) as JsonSchema;
    return sample(root, merged, next);
  }

  let type = s.type as string | string[] | undefined;
  if (Array.isArray(type)) {
    const nonNull = type.filter((t) => t !== 'null');
    type = closing && type.includes('null') ? 'null' : nonNull.length ? pick(nonNull) : 'null';
  }
  type ??= s.properties ? 'object' : s.items || s.prefixItems ? 'array' : 'string';

  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return closing ? false : random() < 0.5;
    case 'integer':
    case 'number':
      return sampleNumber(s, type, closing ? undefined : random);
    case 'string':
      return sampleString(s, closing, random);
    case 'array': {
      const tuple = (s.prefixItems ?? (Array.isArray(s.items) ? s.items : undefined)) as unknown[] | undefined;
      if (tuple) return tuple.map((t) => sample(root, t, next));
      const min = num(s.minItems) ?? 0;
      const max = Math.max(min, Math.min(num(s.maxItems) ?? 3, min + 3));
      const n = closing ? min : min + Math.floor(random() * (max - min + 1));
      const items = Array.from({ length: n }, () => sample(root, s.items, next));
      return s.uniqueItems ? dedupe(items) : items;
    }
    default: {
      const out: JsonSchema = {};
      const props = isSchemaObject(s.properties) ? s.properties : {};
      const required = new Set(Array.isArray(s.required) ? s.required : []);
      for (const [k, sub] of Object.entries(props)) {
        if (required.has(k) || (!closing && random() < (w.o.optionalRate ?? 0.5))) out[k] = sample(root, sub, next);
      }
      return out;
    }
  }
}

function recurs(refs: readonly string[]): boolean {
  const counts = new Map<string, number>();
  for (const r of refs) {
    const n = (counts.get(r) ?? 0) + 1;
    if (n > MAX_RECURSION) return true;
    counts.set(r, n);
  }
  return false;
}

/** The branch that ends soonest: null, else one that does not lead back into a reference already open. */
function cheapestBranch(root: unknown, branches: unknown[], open: readonly string[]): unknown {
  const nullBranch = branches.find((b) => isNullSchema(derefNode(root, b).schema));
  if (nullBranch !== undefined) return nullBranch;
  return branches.find((b) => !reachesAny(root, b, new Set(open))) ?? branches[0];
}

/** Whether a schema can reach one of `refs` through its own references (bounded walk). */
function reachesAny(root: unknown, schema: unknown, refs: Set<string>): boolean {
  const seen = new Set<unknown>();
  let budget = 2_000;
  const visit = (node: unknown): boolean => {
    if (budget-- <= 0) return true;
    if (Array.isArray(node)) return node.some(visit);
    if (!isSchemaObject(node) || seen.has(node)) return false;
    seen.add(node);
    if (typeof node.$ref === 'string') {
      if (refs.has(node.$ref)) return true;
      const target = readPointer(root, node.$ref);
      if (target !== undefined && visit(target)) return true;
    }
    return Object.entries(node).some(
      ([k, v]) => k !== 'const' && k !== 'enum' && k !== 'default' && k !== 'examples' && typeof v === 'object' && visit(v),
    );
  };
  return visit(schema);
}

/** The last resort for a type with no finite instance. */
function bottom(s: JsonSchema): unknown {
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (types.includes('null')) return null;
  if (types.includes('array')) return [];
  return {};
}

/** A number in range; without `random`, the simplest one: 0 when allowed, else the lower bound. */
function sampleNumber(s: JsonSchema, type: 'integer' | 'number', random: (() => number) | undefined): number {
  const step = type === 'integer' ? 1 : 1e-6;
  const xmin = num(s.exclusiveMinimum);
  const xmax = num(s.exclusiveMaximum);
  const lo = num(s.minimum) ?? (xmin !== undefined ? xmin + step : 0);
  const hi = num(s.maximum) ?? (xmax !== undefined ? xmax - step : Math.max(lo, 0) + 100);
  if (!random) return lo <= 0 && hi >= 0 ? 0 : sampleNumber(s, type, () => 0);
  let v = lo + random() * Math.max(0, hi - lo);
  if (type === 'integer') v = Math.min(Math.floor(hi), Math.max(Math.ceil(lo), Math.round(v)));
  const multiple = num(s.multipleOf);
  if (multiple) v = Math.max(Math.ceil(lo / multiple) * multiple, Math.floor(v / multiple) * multiple);
  if (type === 'integer') return v;
  // Three decimals read better, unless rounding leaves the range (an exclusive bound of 0).
  const rounded = Math.round(v * 1000) / 1000;
  return rounded < lo || rounded > hi ? v : rounded;
}

function sampleString(s: JsonSchema, closing: boolean, random: () => number): string {
  const samples = typeof s.format === 'string' ? FORMAT_SAMPLES[s.format] : undefined;
  if (samples) return closing ? samples[0]! : samples[Math.floor(random() * samples.length)]!;
  if (typeof s.pattern === 'string' && typeof s.default === 'string') return s.default;
  const min = num(s.minLength) ?? (closing ? 0 : 1);
  const max = Math.max(min, Math.min(num(s.maxLength) ?? Math.max(min, 12), min + 24));
  const len = closing ? min : min + Math.floor(random() * (max - min + 1));
  const letters = 'alpha beta gamma delta omega lab tool call load test';
  let out = '';
  while (out.length < len) out += closing ? 'x' : letters[Math.floor(random() * letters.length)];
  return out.slice(0, len);
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
