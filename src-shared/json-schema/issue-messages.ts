import type { OutputUnit } from '@cfworker/json-schema';
import { decodePointerSegment, isSchemaObject, readPointer } from './schema-node';

/** One problem with a value, as a person reads it. */
export interface SchemaIssue {
  /** Where in the value: [] for the value itself, ['items', '0'] for a nested one. */
  path: string[];
  /** The keyword that failed (`type`, `required`, `minimum`, …); `schema` when the schema itself cannot be used. */
  keyword: string;
  /** The failing keyword's value in the schema when it could be read: the bound, the format, the types. */
  expected?: unknown;
  message: string;
}

/** Keywords that stand for their branches: one message for a failed union, not one per branch. */
const UNIONS = new Set(['anyOf', 'oneOf', 'not', 'contains']);

/**
 * From the validator's flat list of output units to what a person can act on: the leaves, except
 * that a failed union speaks once for its branches; duplicates dropped. `root` is the schema the
 * units were produced from, read to phrase bounds and formats exactly.
 */
export function issuesFromUnits(units: OutputUnit[], root: unknown): SchemaIssue[] {
  const fixed = units.map((u, i) => {
    // A `false` subschema reports its instance location as its keyword location: re-root it under
    // the keyword that applied it (the unit just before it), so it is seen as that keyword's cause.
    if (u.keyword !== 'false' || i === 0) return { ...u, parent: undefined as string | undefined };
    const parent = units[i - 1]!;
    return { ...u, keywordLocation: `${parent.keywordLocation}/false`, parent: parent.keyword };
  });
  const unionRoots = fixed.filter((u) => UNIONS.has(u.keyword)).map((u) => u.keywordLocation + '/');
  const leaves = fixed.filter((u) => {
    if (unionRoots.some((r) => u.keywordLocation.startsWith(r))) return false;
    if (UNIONS.has(u.keyword)) return true;
    // "Property x does not match schema", "A subschema had errors": the causes below say more.
    const prefix = u.keywordLocation + '/';
    return !fixed.some((o) => o !== u && o.keywordLocation.startsWith(prefix));
  });
  const seen = new Set<string>();
  const out: SchemaIssue[] = [];
  for (const u of leaves) {
    const issue = describe(u, keywordValue(root, u.keywordLocation), u.parent);
    const key = `${issue.path.join('\u0000')}|${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out;
}

export function pathOf(location: string): string[] {
  const body = location.replace(/^#/, '');
  if (body === '' || body === '/') return [];
  return body
    .slice(1)
    .split('/')
    .map((p) => decodePointerSegment(p) ?? p);
}

/** The value at a keyword location, following the `$ref`s the location passes through. */
function keywordValue(root: unknown, keywordLocation: string): unknown {
  let node: unknown = root;
  for (const seg of pathOf(keywordLocation)) {
    if (seg === '$ref' && isSchemaObject(node) && typeof node.$ref === 'string') {
      node = readPointer(root, node.$ref);
    } else if (Array.isArray(node) && /^\d+$/.test(seg)) {
      node = node[Number(seg)];
    } else if (isSchemaObject(node) && Object.prototype.hasOwnProperty.call(node, seg)) {
      node = node[seg];
    } else {
      return undefined;
    }
  }
  return node;
}

const ARTICLE: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function quoteList(values: unknown[], max = 8): string {
  const shown = values.slice(0, max).map((v) => JSON.stringify(v));
  return values.length > max ? `${shown.join(', ')}, …` : shown.join(', ');
}

function orList(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

const num = (v: unknown, fallback: string) => (typeof v === 'number' ? String(v) : fallback);
const lastNumber = (text: string) => /(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)\D*$/i.exec(text)?.[1] ?? '?';
const plain = (text: string) => text.replace(/\.$/, '');

function describe(u: OutputUnit, expected: unknown, parentKeyword: string | undefined): SchemaIssue {
  const path = pathOf(u.instanceLocation);
  const issue = (message: string, at: string[] = path): SchemaIssue => ({
    path: at,
    keyword: u.keyword,
    ...(expected !== undefined ? { expected } : {}),
    message,
  });
  switch (u.keyword) {
    case 'type': {
      const types = Array.isArray(expected)
        ? expected.map(String)
        : typeof expected === 'string'
          ? [expected]
          : [...u.error.matchAll(/"([a-z]+)"/g)].slice(1).map((m) => m[1]!);
      return issue(`must be ${orList(types.map((t) => ARTICLE[t] ?? t))}`);
    }
    case 'required': {
      const name = /property "(.*)"\.?$/.exec(u.error)?.[1];
      return name !== undefined ? { path: [...path, name], keyword: 'required', message: 'is required' } : issue(plain(u.error));
    }
    case 'dependentRequired':
    case 'dependencies': {
      const m = /has "(.*)" but does not have "(.*)"\.?$/.exec(u.error);
      return m ? { path: [...path, m[2]!], keyword: u.keyword, message: `is required when "${m[1]}" is present` } : issue(plain(u.error));
    }
    case 'const':
      return issue(`must be ${JSON.stringify(expected)}`);
    case 'enum':
      return issue(Array.isArray(expected) ? `must be one of ${quoteList(expected)}` : 'is not one of the allowed values');
    case 'anyOf':
      return issue('does not match any of the allowed shapes');
    case 'oneOf': {
      const matches = Number(/\((\d+) matches\)/.exec(u.error)?.[1] ?? 0);
      return issue(matches > 1 ? 'matches more than one of the allowed shapes' : 'does not match any of the allowed shapes');
    }
    case 'contains':
      return issue('must contain an item that matches the schema');
    case 'not':
      return issue('matches a shape the schema excludes');
    case 'minimum':
      return issue(`must be at least ${num(expected, lastNumber(u.error))}`);
    case 'maximum':
      return issue(`must be at most ${num(expected, lastNumber(u.error))}`);
    case 'exclusiveMinimum':
      return issue(`must be greater than ${num(expected, lastNumber(u.error))}`);
    case 'exclusiveMaximum':
      return issue(`must be less than ${num(expected, lastNumber(u.error))}`);
    case 'multipleOf':
      return issue(`must be a multiple of ${num(expected, lastNumber(u.error))}`);
    case 'minLength':
      return issue(`must be at least ${num(expected, lastNumber(u.error.replace(/\)\.?$/, '')))} characters`);
    case 'maxLength':
      return issue(`must be at most ${num(expected, lastNumber(u.error.replace(/\)\.?$/, '')))} characters`);
    case 'pattern':
      return issue(typeof expected === 'string' ? `must match the pattern ${expected}` : 'does not match the required pattern');
    case 'format': {
      const f = typeof expected === 'string' ? expected : /format "([^"]+)"/.exec(u.error)?.[1];
      return issue(f ? `must be a valid ${f}` : plain(u.error));
    }
    case 'minItems':
      return issue(`must have at least ${num(expected, lastNumber(u.error.replace(/\)\.?$/, '')))} items`);
    case 'maxItems':
      return issue(`must have at most ${num(expected, lastNumber(u.error.replace(/\)\.?$/, '')))} items`);
    case 'uniqueItems': {
      const m = /indexes (\d+) and (\d+)/.exec(u.error);
      return issue(m ? `must not repeat items (items ${m[1]} and ${m[2]} are equal)` : 'must not repeat items');
    }
    case 'minProperties':
      return issue(`must have at least ${num(expected, '?')} properties`);
    case 'maxProperties':
      return issue(`must have at most ${num(expected, '?')} properties`);
    case 'false':
      if (parentKeyword === 'additionalProperties' || parentKeyword === 'unevaluatedProperties')
        return issue('is not allowed: the schema declares no such property');
      if (parentKeyword === 'items' || parentKeyword === 'additionalItems' || parentKeyword === 'unevaluatedItems')
        return issue('is not allowed: the list has more items than the schema admits');
      return issue('is not allowed here');
    default:
      return issue(plain(u.error));
  }
}
