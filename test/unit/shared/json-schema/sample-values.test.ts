import { describe, expect, it } from 'vitest';
import { createRandom, sampleArguments, sampleValue } from '../../../../src-shared/json-schema/sample-values';
import { formatIssues, validateValue } from '../../../../src-shared/json-schema/validate';

function expectValid(schema: Record<string, unknown>, value: unknown): void {
  const issues = validateValue(schema, value);
  if (issues.length) throw new Error(`invalid sample ${JSON.stringify(value)}: ${formatIssues(issues)}`);
}

const TREE = {
  type: 'object',
  $defs: {
    Node: {
      type: 'object',
      properties: { value: { type: 'integer' }, children: { type: 'array', items: { $ref: '#/$defs/Node' }, default: [] } },
      required: ['value'],
    },
  },
  properties: { root: { $ref: '#/$defs/Node' } },
  required: ['root'],
};
/** Pydantic's Optional[ListNode] = None. */
const LINKED_LIST = {
  type: 'object',
  $defs: {
    Cell: {
      type: 'object',
      properties: { value: { type: 'string' }, next: { anyOf: [{ $ref: '#/$defs/Cell' }, { type: 'null' }], default: null } },
      required: ['value'],
    },
  },
  properties: { head: { $ref: '#/$defs/Cell' } },
  required: ['head'],
};
/** zod's z.lazy through the TypeScript SDK: draft-07 definitions, a described reference as a one-branch allOf. */
const ZOD_LAZY = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  definitions: {
    __schema0: {
      type: 'object',
      properties: {
        value: { type: 'string' },
        next: { description: 'rest', anyOf: [{ allOf: [{ $ref: '#/definitions/__schema0' }] }, { type: 'null' }] },
      },
      required: ['value'],
    },
  },
  properties: { head: { description: 'first', allOf: [{ $ref: '#/definitions/__schema0' }] } },
  required: ['head'],
};
/** A folder holds files and folders; a file may link back to a folder (mutual recursion, required on both sides). */
const MUTUAL = {
  type: 'object',
  $defs: {
    Folder: {
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1 },
        items: { type: 'array', items: { anyOf: [{ $ref: '#/$defs/File' }, { $ref: '#/$defs/Folder' }] }, minItems: 1 },
      },
      required: ['name', 'items'],
    },
    File: {
      type: 'object',
      properties: { name: { type: 'string', minLength: 1 }, size: { type: 'integer', minimum: 0 } },
      required: ['name', 'size'],
    },
  },
  properties: { tree: { $ref: '#/$defs/Folder' } },
  required: ['tree'],
};

/** Schemas in the shapes real generators emit (see TOOLCHAIN "Real tool schemas"). */
const SCHEMAS: Record<string, { schema: Record<string, unknown> }> = {
  'pydantic $defs + anyOf null': {
    schema: {
      type: 'object',
      $defs: {
        Filter: {
          type: 'object',
          properties: { tag: { type: 'string', enum: ['a', 'b'] }, min: { type: 'integer', minimum: 1, maximum: 9 } },
          required: ['tag'],
        },
      },
      properties: {
        query: { type: 'string', minLength: 1, maxLength: 200 },
        filter: { anyOf: [{ $ref: '#/$defs/Filter' }, { type: 'null' }], default: null },
        since: { anyOf: [{ type: 'string', format: 'date' }, { type: 'null' }] },
        limit: { type: 'integer', minimum: 1, maximum: 100, default: 10 },
        tags: { type: 'array', items: { type: 'string' }, default: [] },
      },
      required: ['query', 'filter'],
    },
  },
  'zod 4 draft-07 definitions + type arrays': {
    schema: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      definitions: {
        Point: {
          type: 'object',
          properties: { x: { type: 'number', exclusiveMinimum: 0 }, y: { type: 'number' } },
          required: ['x', 'y'],
          additionalProperties: false,
        },
      },
      properties: {
        a: { $ref: '#/definitions/Point' },
        b: { type: ['string', 'null'], format: 'email' },
        id: { type: 'string', format: 'uuid' },
        when: { type: 'string', format: 'date-time' },
        rate: { type: 'number', minimum: 0, maximum: 1, multipleOf: 0.25 },
      },
      required: ['a', 'b', 'id', 'when', 'rate'],
      additionalProperties: false,
    },
  },
  'zod 3 #/properties refs': {
    schema: {
      type: 'object',
      properties: {
        first: { type: 'object', properties: { n: { type: 'integer', minimum: -5, maximum: 5 } }, required: ['n'] },
        second: { $ref: '#/properties/first' },
      },
      required: ['first', 'second'],
    },
  },
  'prefixItems tuple and bounded unique arrays': {
    schema: {
      type: 'object',
      properties: {
        pair: {
          type: 'array',
          prefixItems: [
            { type: 'string', const: 'x' },
            { type: 'integer', minimum: 3, maximum: 3 },
          ],
          items: false,
        },
        picks: { type: 'array', items: { type: 'string', enum: ['r', 'g', 'b'] }, minItems: 1, maxItems: 3, uniqueItems: true },
      },
      required: ['pair', 'picks'],
    },
  },
  'no properties at all': { schema: { type: 'object' } },
  'a recursive tree (pydantic)': { schema: TREE },
  'a recursive linked list (pydantic Optional)': { schema: LINKED_LIST },
  'a recursive linked list (zod z.lazy, draft-07)': { schema: ZOD_LAZY },
  'mutually recursive folders and files, both required': { schema: MUTUAL },
};

describe('sampleArguments', () => {
  for (const [name, { schema }] of Object.entries(SCHEMAS)) {
    it(`generates only valid arguments for ${name}`, () => {
      for (const optionalRate of [0, 0.7, 1]) {
        const random = createRandom(42);
        for (let i = 0; i < 200; i++) expectValid(schema, sampleArguments(schema, { random, optionalRate }));
      }
      expectValid(schema, sampleArguments(schema, { random: createRandom(1), minimal: true }));
    });
  }

  it('is reproducible from its seed', () => {
    const s = SCHEMAS['pydantic $defs + anyOf null']!.schema;
    const a = Array.from(
      { length: 20 },
      (
        (r) => () =>
          sampleArguments(s, { random: r })
      )(createRandom(7)),
    );
    const b = Array.from(
      { length: 20 },
      (
        (r) => () =>
          sampleArguments(s, { random: r })
      )(createRandom(7)),
    );
    expect(a).toEqual(b);
  });

  it('recursive types grow a few levels, then close (null, empty lists, no optional fields)', () => {
    const depth = (v: unknown, key: string): number => {
      const next = (v as Record<string, unknown> | null)?.[key];
      return next && typeof next === 'object' ? 1 + depth(Array.isArray(next) ? next[0] : next, key) : 0;
    };
    const lists = Array.from({ length: 50 }, (_, i) => sampleArguments(LINKED_LIST, { random: createRandom(i), optionalRate: 1 }).head);
    const depths = lists.map((l) => depth(l, 'next'));
    expect(Math.max(...depths)).toBeGreaterThan(1);
    expect(Math.max(...depths)).toBeLessThan(10);
  });

  it('minimal: the smallest valid value, the same every time (a starting point for a form)', () => {
    expect(sampleArguments(TREE, { random: Math.random, minimal: true })).toEqual({ root: { value: 0 } });
    expect(sampleValue(LINKED_LIST, { $ref: '#/$defs/Cell' }, { random: Math.random, minimal: true })).toEqual({ value: '' });
    expect(sampleArguments(MUTUAL, { random: Math.random, minimal: true })).toEqual({
      tree: { name: 'x', items: [{ name: 'x', size: 0 }] },
    });
  });

  it('ends even for a type with no finite value (a required field of its own type), and for a loop of references', () => {
    const endless = {
      $defs: { N: { type: 'object', properties: { next: { $ref: '#/$defs/N' } }, required: ['next'] } },
      $ref: '#/$defs/N',
    };
    expect(typeof sampleValue(endless, endless, { random: createRandom(3) })).toBe('object');
    const unionLoop = { $defs: { U: { anyOf: [{ $ref: '#/$defs/U' }] } }, $ref: '#/$defs/U' };
    expect(() => sampleValue(unionLoop, unionLoop, { random: createRandom(3) })).not.toThrow();
    const refLoop = { $defs: { A: { $ref: '#/$defs/B' }, B: { $ref: '#/$defs/A' } }, $ref: '#/$defs/A' };
    expect(() => sampleValue(refLoop, refLoop, { random: createRandom(3) })).not.toThrow();
  });
});
