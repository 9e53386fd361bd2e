import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { createRandom, sampleArguments } from '../../../../../src-main/engine/schema/sample-values';

const draft7 = new Ajv({ strict: false });
const d2020 = new Ajv2020({ strict: false });
addFormats.default(draft7);
addFormats.default(d2020);

/** Schemas in the shapes real generators emit (see TOOLCHAIN "Real tool schemas"). */
const SCHEMAS: Record<string, { schema: Record<string, unknown>; v2020?: boolean }> = {
  'pydantic $defs + anyOf null': {
    v2020: true,
    schema: {
      type: 'object',
      $defs: { Filter: { type: 'object', properties: { tag: { type: 'string', enum: ['a', 'b'] }, min: { type: 'integer', minimum: 1, maximum: 9 } }, required: ['tag'] } },
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
      definitions: { Point: { type: 'object', properties: { x: { type: 'number', exclusiveMinimum: 0 }, y: { type: 'number' } }, required: ['x', 'y'], additionalProperties: false } },
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
      properties: { first: { type: 'object', properties: { n: { type: 'integer', minimum: -5, maximum: 5 } }, required: ['n'] }, second: { $ref: '#/properties/first' } },
      required: ['first', 'second'],
    },
  },
  'prefixItems tuple and bounded unique arrays': {
    v2020: true,
    schema: {
      type: 'object',
      properties: {
        pair: { type: 'array', prefixItems: [{ type: 'string', const: 'x' }, { type: 'integer', minimum: 3, maximum: 3 }], items: false },
        picks: { type: 'array', items: { type: 'string', enum: ['r', 'g', 'b'] }, minItems: 1, maxItems: 3, uniqueItems: true },
      },
      required: ['pair', 'picks'],
    },
  },
  'no properties at all': { schema: { type: 'object' } },
};

describe('sampleArguments', () => {
  for (const [name, { schema, v2020 }] of Object.entries(SCHEMAS)) {
    it(`generates only valid arguments for ${name}`, () => {
      const validate = (v2020 ? d2020 : draft7).compile(schema);
      const random = createRandom(42);
      for (let i = 0; i < 300; i++) {
        const args = sampleArguments(schema, { random, optionalRate: 0.7 });
        if (!validate(args)) throw new Error(`invalid sample ${JSON.stringify(args)}: ${JSON.stringify(validate.errors)}`);
      }
    });
  }

  it('is reproducible from its seed', () => {
    const s = SCHEMAS['pydantic $defs + anyOf null']!.schema;
    const a = Array.from({ length: 20 }, ((r) => () => sampleArguments(s, { random: r }))(createRandom(7)));
    const b = Array.from({ length: 20 }, ((r) => () => sampleArguments(s, { random: r }))(createRandom(7)));
    expect(a).toEqual(b);
  });

  it('survives a self-referencing schema', () => {
    const tree = { type: 'object', $defs: { Node: { type: 'object', properties: { kids: { type: 'array', items: { $ref: '#/$defs/Node' } } } } }, properties: { root: { $ref: '#/$defs/Node' } }, required: ['root'] };
    expect(() => sampleArguments(tree, { random: createRandom(1), optionalRate: 1 })).not.toThrow();
  });
});
