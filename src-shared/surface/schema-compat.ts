import { derefNode } from '../json-schema/refs';
import { declaredTypes, isNullSchema, isSchemaObject, type JsonSchema } from '../json-schema/schema-node';

/**
 * Which way values flow through a schema. An input schema is what clients send: a change is
 * breaking when it refuses something it used to accept (narrowed). An output schema is what
 * clients read: a change is breaking when it can produce something it never did (widened, a
 * field gone or no longer sure to be there).
 */
export type FlowDirection = 'input' | 'output';

export interface SchemaFinding {
  breaking: boolean;
  /** `input.city`, `output.items[].id`. */
  at: string;
  message: string;
}

/** A node with its references, one-branch `allOf` and nullable `anyOf` unwrapped, remembering which references it went through. */
interface Unwrapped {
  schema: JsonSchema;
  refs: string[];
  nullable: boolean;
}

/** More references than any real schema: stops a web of references from being walked without end. */
const MAX_NODES = 5_000;

function unwrap(root: unknown, node: unknown): Unwrapped {
  const d = derefNode(root, node);
  const refs = [...d.refs];
  let s = d.schema;
  let nullable = false;
  for (let i = 0; i < 16; i++) {
    if (Array.isArray(s.allOf) && s.allOf.length === 1) {
      const { allOf, ...outer } = s;
      const inner = derefNode(root, allOf[0]);
      refs.push(...inner.refs);
      s = { ...inner.schema, ...outer };
      continue;
    }
    const branches = s.anyOf ?? s.oneOf;
    if (Array.isArray(branches) && branches.length > 1) {
      const resolved = branches.map((b) => derefNode(root, b));
      const nonNull = resolved.filter((b) => !isNullSchema(b.schema));
      if (nonNull.length === 1 && nonNull.length < resolved.length) {
        const { anyOf: _a, oneOf: _o, ...outer } = s;
        refs.push(...nonNull[0]!.refs);
        nullable = true;
        s = { ...nonNull[0]!.schema, ...(outer.description !== undefined ? { description: outer.description } : {}) };
        continue;
      }
    }
    break;
  }
  return { schema: s, refs, nullable };
}

/** The JSON types a node allows (empty: any). A union's are its branches' together. */
function typesOf(root: unknown, s: JsonSchema, depth = 0): Set<string> {
  const declared = declaredTypes(s);
  if (declared.length) return new Set(declared);
  const branches = s.anyOf ?? s.oneOf;
  if (Array.isArray(branches) && depth < 8) {
    const out = new Set<string>();
    for (const b of branches) {
      const t = typesOf(root, derefNode(root, b).schema, depth + 1);
      if (t.size === 0) return new Set(); // one branch takes anything: so does the union
      for (const x of t) out.add(x);
    }
    return out;
  }
  const values = valuesOf(s);
  if (values) return new Set(values.map(jsonType));
  return new Set();
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** The values an `enum` or `const` allows (undefined: not limited that way). */
function valuesOf(s: JsonSchema): unknown[] | undefined {
  if (Array.isArray(s.enum)) return s.enum;
  if ('const' in s) return [s.const];
  return undefined;
}

/** Whether a type set `wide` takes every value of type `t` (an integer is a number). */
function takes(wide: Set<string>, t: string): boolean {
  return wide.size === 0 || wide.has(t) || (t === 'integer' && wide.has('number'));
}

const label = (types: Set<string>) => (types.size ? [...types].sort().join('|') : 'any');
const show = (v: unknown) => JSON.stringify(v);

/** Lower bounds: a larger value (or a new one) accepts less. */
const LOWER = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'] as const;
/** Upper bounds: a smaller value (or a new one) accepts less. */
const UPPER = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'] as const;

/**
 * Compare the schema of one tool's input (or output) in two versions and say what changed, each
 * finding breaking or not for that direction. References are followed in each version; a pair of
 * references already compared (a recursive type) is not compared again, so this always ends.
 */
export function compareSchemas(before: unknown, after: unknown, direction: FlowDirection): SchemaFinding[] {
  const findings: SchemaFinding[] = [];
  const seen = new Set<string>();
  let nodes = 0;
  // Narrowing breaks inputs; widening breaks outputs.
  const narrowBreaks = direction === 'input';
  const add = (narrowing: boolean, at: string, message: string) => findings.push({ breaking: narrowing === narrowBreaks, at, message });

  const walk = (bNode: unknown, aNode: unknown, at: string, top: boolean): void => {
    if (++nodes > MAX_NODES) return;
    const b = unwrap(before, bNode);
    const a = unwrap(after, aNode);
    if (b.refs.length || a.refs.length) {
      const key = `${b.refs.join(' ')}\u0000${a.refs.join(' ')}`;
      if (seen.has(key)) return;
      seen.add(key);
    }
    const tb = typesOf(before, b.schema);
    const ta = typesOf(after, a.schema);
    if (tb.size && b.nullable) tb.add('null');
    if (ta.size && a.nullable) ta.add('null');
    const lost = [...tb].filter((t) => !takes(ta, t));
    const gained = [...ta].filter((t) => !takes(tb, t));
    if (ta.size && !tb.size) add(true, at, `type narrowed from any to ${label(ta)}`);
    else if (tb.size && !ta.size) add(false, at, `type widened from ${label(tb)} to any`);
    else if (lost.length && gained.length) findings.push({ breaking: true, at, message: `type changed from ${label(tb)} to ${label(ta)}` });
    else if (lost.length) add(true, at, `type narrowed from ${label(tb)} to ${label(ta)}`);
    else if (gained.length) add(false, at, `type widened from ${label(tb)} to ${label(ta)}`);

    compareValues(b.schema, a.schema, at);
    compareBounds(b.schema, a.schema, at);
    if (!top && (b.schema.description ?? '') !== (a.schema.description ?? ''))
      findings.push({ breaking: false, at, message: 'description changed' });

    if (b.schema.additionalProperties !== false && a.schema.additionalProperties === false)
      add(true, at, 'no longer takes fields it does not name');
    else if (b.schema.additionalProperties === false && a.schema.additionalProperties !== false)
      add(false, at, 'now takes fields it does not name');

    compareProperties(b.schema, a.schema, at, top);
    if (isSchemaObject(b.schema.items) && isSchemaObject(a.schema.items)) walk(b.schema.items, a.schema.items, `${at}[]`, false);
  };

  const compareValues = (b: JsonSchema, a: JsonSchema, at: string) => {
    const vb = valuesOf(b);
    const va = valuesOf(a);
    if (!va && !vb) return;
    const key = (v: unknown) => JSON.stringify(v);
    if (va && !vb) return add(true, at, `now limited to ${va.map(show).join(', ')}`);
    if (vb && !va) return add(false, at, `no longer limited to ${vb.map(show).join(', ')}`);
    const inA = new Set(va!.map(key));
    const inB = new Set(vb!.map(key));
    for (const v of vb!) if (!inA.has(key(v))) add(true, at, `enum value removed: ${show(v)}`);
    for (const v of va!) if (!inB.has(key(v))) add(false, at, `enum value added: ${show(v)}`);
  };

  const compareBounds = (b: JsonSchema, a: JsonSchema, at: string) => {
    for (const k of LOWER) bound(k, b[k], a[k], (x, y) => y > x, at);
    for (const k of UPPER) bound(k, b[k], a[k], (x, y) => y < x, at);
    if (typeof a.pattern === 'string' && a.pattern !== b.pattern)
      add(true, at, `pattern ${typeof b.pattern === 'string' ? 'changed' : 'added'}: ${a.pattern}`);
    else if (typeof b.pattern === 'string' && a.pattern === undefined) add(false, at, 'pattern removed');
  };

  const bound = (k: string, x: unknown, y: unknown, stricter: (x: number, y: number) => boolean, at: string) => {
    const hasX = typeof x === 'number';
    const hasY = typeof y === 'number';
    if (hasY && (!hasX || stricter(x, y))) add(true, at, hasX ? `${k} ${x} → ${y}` : `${k} ${y} added`);
    else if (hasX && (!hasY || stricter(y, x))) add(false, at, hasY ? `${k} ${x} → ${y}` : `${k} ${x} removed`);
  };

  const compareProperties = (b: JsonSchema, a: JsonSchema, at: string, top: boolean) => {
    const pb = isSchemaObject(b.properties) ? b.properties : undefined;
    const pa = isSchemaObject(a.properties) ? a.properties : undefined;
    if (!pb && !pa) return;
    const rb = new Set(Array.isArray(b.required) ? b.required : []);
    const ra = new Set(Array.isArray(a.required) ? a.required : []);
    const noun = direction === 'output' ? 'output field' : top ? 'parameter' : 'field';
    const own = (o: JsonSchema | undefined, k: string) => o !== undefined && Object.prototype.hasOwnProperty.call(o, k);
    for (const name of Object.keys(pb ?? {})) {
      const where = `${at}.${name}`;
      if (!own(pa, name)) {
        findings.push({ breaking: true, at: where, message: `${noun} removed` });
        continue;
      }
      // Required is narrower (fewer shapes): it breaks what clients send, not what they read.
      if (!rb.has(name) && ra.has(name)) add(true, where, `${noun} became required`);
      else if (rb.has(name) && !ra.has(name))
        add(false, where, direction === 'output' ? `${noun} may now be missing` : `${noun} became optional`);
      walk(pb![name], pa![name], where, false);
    }
    for (const name of Object.keys(pa ?? {})) {
      if (own(pb, name)) continue;
      const required = ra.has(name);
      const breaking = direction === 'input' && required;
      findings.push({
        breaking,
        at: `${at}.${name}`,
        message: direction === 'output' ? `${noun} added` : `${required ? 'required' : 'optional'} ${noun} added`,
      });
    }
  };

  // The roots are what `#` points at: a schema that contains itself (`{$ref: "#"}`) is compared once.
  seen.add('#\u0000#');
  walk(before, after, direction, true);
  return findings;
}
