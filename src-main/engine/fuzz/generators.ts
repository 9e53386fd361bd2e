import { deref, withoutNull } from '../../../src-shared/json-schema/refs';
import { createRandom, sampleValue } from '../../../src-shared/json-schema/sample-values';
import { primaryType } from '../../../src-shared/json-schema/schema-node';
import { isUnusableSchema, validateValue } from '../../../src-shared/json-schema/validate';

type Json = Record<string, unknown>;

/** One generated input: the arguments, how they were made, and whether the schema accepts them. */
export interface FuzzInput {
  /** `valid:boundaryMax level`, `invalid:wrongType word`, `edge:emptyString word`, … */
  generator: string;
  args: Json;
  /** What the validator says of `args` against the inputSchema; undefined when the schema cannot be used. */
  valid: boolean | undefined;
  /** Only an extra property makes it invalid: servers may ignore unknown fields, so acceptance is no finding. */
  onlyUnexpected?: boolean;
}

export const UNEXPECTED_PROPERTY = '__mcp_lab_unexpected';

/** Strings that break naive code: path traversal, markup, injection, odd Unicode. Valid wherever a free string is. */
export const HOSTILE_STRINGS: Array<[string, string]> = [
  ['pathTraversal', '../../../../../../etc/passwd'],
  ['markup', '<script>alert("mcp-lab")</script><img src=x onerror=alert(1)>'],
  ['injection', `'; DROP TABLE users; -- " OR 1=1`],
  ['unicode', 'ünïcödé 🙂 \u202Eevil\u202C 𝕏 \u00A0'],
  ['template', '{{7*7}} ${7*7} %s %n'],
];

const LONG_STRING_LENGTH = 10_000;

interface Prop {
  path: string[];
  schema: Json;
  required: boolean;
}

/** The properties of an object schema, one level of nesting deep (nested objects get their own). */
function properties(root: Json, schema: Json, prefix: string[] = [], depth = 0): Prop[] {
  const s = deref(root, schema);
  const props = (s.properties ?? {}) as Record<string, unknown>;
  const required = new Set((s.required as string[] | undefined) ?? []);
  const out: Prop[] = [];
  for (const [k, raw] of Object.entries(props)) {
    if (typeof raw !== 'object' || raw === null) continue;
    const sub = withoutNull(root, raw);
    out.push({ path: [...prefix, k], schema: sub, required: required.has(k) });
    if (depth < 1 && primaryType(sub) === 'object' && sub.properties) out.push(...properties(root, sub, [...prefix, k], depth + 1));
  }
  return out;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function setAt(args: Json, p: string[], value: unknown): Json {
  const copy = structuredClone(args);
  let cur = copy;
  for (const k of p.slice(0, -1)) {
    if (typeof cur[k] !== 'object' || cur[k] === null || Array.isArray(cur[k])) cur[k] = {};
    cur = cur[k] as Json;
  }
  cur[p.at(-1)!] = value;
  return copy;
}

function deleteAt(args: Json, p: string[]): Json {
  const copy = structuredClone(args);
  let cur: unknown = copy;
  for (const k of p.slice(0, -1)) cur = (cur as Json | undefined)?.[k];
  if (typeof cur === 'object' && cur !== null) delete (cur as Json)[p.at(-1)!];
  return copy;
}

/** A value of another JSON type than the schema wants. */
function wrongTypeValue(type: string | undefined): unknown {
  switch (type) {
    case 'string':
      return 12345;
    case 'integer':
    case 'number':
      return 'not a number';
    case 'boolean':
      return 'yes';
    case 'array':
      return 'not an array';
    case 'object':
      return 'not an object';
    default:
      return undefined;
  }
}

function strOfLength(n: number): string {
  return 'x'.repeat(Math.max(0, n));
}

/**
 * Systematic inputs for each property — boundary values, enum members, optional fields present and
 * absent, wrong types, missing required fields, out-of-range numbers, too long and empty strings,
 * hostile strings, an unexpected property — then seeded random valid samples up to `runs`. Each is
 * classified valid or invalid by validating it against the schema, not by how it was made.
 */
export function generateInputs(inputSchema: Json, seed: number, runs: number): FuzzInput[] {
  const random = createRandom(seed);
  const root = inputSchema;
  const props = properties(root, inputSchema);
  const baseline = asObject(sampleValue(root, inputSchema, { random: createRandom(seed ^ 0x5bd1e995), optionalRate: 0 }));
  const out: Array<Omit<FuzzInput, 'valid'>> = [];
  const add = (generator: string, args: Json, extra: Partial<FuzzInput> = {}) => out.push({ generator, args, ...extra });

  add('valid:requiredOnly', baseline);
  add('valid:allOptional', asObject(sampleValue(root, inputSchema, { random, optionalRate: 1 })));

  for (const p of props) {
    const name = p.path.join('.');
    const s = p.schema;
    const type = primaryType(s);
    const at = (v: unknown) => setAt(baseline, p.path, v);
    if (!p.required) add(`valid:optionalPresent ${name}`, at(sampleValue(root, s, { random, optionalRate: 0.5 })));
    if (Array.isArray(s.enum)) {
      for (const member of s.enum.slice(0, 20)) add(`valid:enum ${name}=${JSON.stringify(member)}`, at(member));
      add(`invalid:notInEnum ${name}`, at(type === 'number' || type === 'integer' ? -987654 : 'not-one-of-the-enum'));
    }
    const wrong = wrongTypeValue(type);
    if (wrong !== undefined) add(`invalid:wrongType ${name}`, at(wrong));
    if (!Array.isArray(s.type) || !(s.type as string[]).includes('null')) add(`invalid:null ${name}`, at(null));
    if (p.required && p.path.length === 1) add(`invalid:missingRequired ${name}`, deleteAt(baseline, p.path));

    if (type === 'integer' || type === 'number') {
      const min = num(s.minimum);
      const max = num(s.maximum);
      const xmin = num(s.exclusiveMinimum);
      const xmax = num(s.exclusiveMaximum);
      const step = type === 'integer' ? 1 : 0.5;
      if (min !== undefined) {
        add(`valid:boundaryMin ${name}`, at(min));
        add(`invalid:belowMinimum ${name}`, at(min - step));
      }
      if (max !== undefined) {
        add(`valid:boundaryMax ${name}`, at(max));
        add(`invalid:aboveMaximum ${name}`, at(max + step));
      }
      if (xmin !== undefined) add(`invalid:atExclusiveMinimum ${name}`, at(xmin));
      if (xmax !== undefined) add(`invalid:atExclusiveMaximum ${name}`, at(xmax));
      if (type === 'integer') add(`invalid:fractional ${name}`, at((min ?? 0) + 0.5));
      if (min === undefined && xmin === undefined) add(`edge:negative ${name}`, at(type === 'integer' ? -1 : -1.5));
      if (min === undefined && max === undefined) {
        add(`edge:zero ${name}`, at(0));
        add(`edge:huge ${name}`, at(type === 'integer' ? Number.MAX_SAFE_INTEGER : 1e308));
      }
    }

    if (type === 'string' && !Array.isArray(s.enum)) {
      const minL = num(s.minLength);
      const maxL = num(s.maxLength);
      if (minL !== undefined && minL > 0) {
        add(`valid:boundaryMinLength ${name}`, at(strOfLength(minL)));
        add(`invalid:tooShort ${name}`, at(strOfLength(minL - 1)));
      }
      if (maxL !== undefined) {
        add(`valid:boundaryMaxLength ${name}`, at(strOfLength(maxL)));
        add(`invalid:tooLong ${name}`, at(strOfLength(maxL + 1)));
      }
      if (!s.format && !s.pattern) {
        add(`edge:emptyString ${name}`, at(''));
        if (maxL === undefined) add(`edge:longString ${name}`, at(strOfLength(LONG_STRING_LENGTH)));
        for (const [label, text] of HOSTILE_STRINGS) add(`edge:${label} ${name}`, at(text));
      }
      if (typeof s.format === 'string') add(`invalid:badFormat ${name}`, at(`not-a-${s.format}`));
    }

    if (type === 'array') {
      const minI = num(s.minItems);
      const maxI = num(s.maxItems);
      add(`edge:emptyArray ${name}`, at([]));
      const item =
        (typeof s.items === 'object' && s.items !== null && !Array.isArray(s.items) ? withoutNull(root, s.items) : undefined) ?? {};
      const itemWrong = wrongTypeValue(primaryType(item));
      if (itemWrong !== undefined) add(`invalid:wrongItemType ${name}`, at([itemWrong]));
      if (maxI !== undefined)
        add(`invalid:tooManyItems ${name}`, at(Array.from({ length: maxI + 1 }, () => sampleValue(root, item, { random }))));
      if (minI !== undefined && minI > 0) add(`invalid:tooFewItems ${name}`, at([]));
    }
  }
  if (props.length) add('invalid:unexpectedProperty', { ...baseline, [UNEXPECTED_PROPERTY]: 'surprise' }, { onlyUnexpected: true });

  const systematic = out.slice(0, runs);
  // The rest: seeded random valid samples, with optional fields now in, now out.
  for (let i = systematic.length; i < runs; i++) {
    systematic.push({ generator: 'valid:random', args: asObject(sampleValue(root, inputSchema, { random, optionalRate: random() })) });
  }
  return systematic.map((x) => {
    const issues = validateValue(inputSchema, x.args);
    const valid = isUnusableSchema(issues) ? undefined : issues.length === 0;
    // The unexpected property is "invalid" only when the schema forbids extra properties.
    return { ...x, valid, ...(x.onlyUnexpected && valid === false ? { onlyUnexpected: true } : { onlyUnexpected: false }) };
  });
}

function asObject(v: unknown): Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};
}
