import { describe, expect, it } from 'vitest';
import { schemaDraft } from '../../../../src-shared/json-schema/draft';
import {
  VALIDATOR_CACHE_CAPACITY,
  createValidator,
  formatIssues,
  isUnusableSchema,
  validateValue,
  validatorCacheSize,
} from '../../../../src-shared/json-schema/validate';

const paths = (issues: { path: string[] }[]) => issues.map((i) => i.path.join('/'));

describe('schemaDraft: the one draft rule', () => {
  it("is the schema's $schema, else 2020-12 (as MCP 2025-11-25 says)", () => {
    expect(schemaDraft({ $schema: 'http://json-schema.org/draft-07/schema#' })).toBe('7');
    expect(schemaDraft({ $schema: 'http://json-schema.org/draft-06/schema#' })).toBe('7');
    expect(schemaDraft({ $schema: 'http://json-schema.org/draft-04/schema#' })).toBe('4');
    expect(schemaDraft({ $schema: 'https://json-schema.org/draft/2019-09/schema' })).toBe('2019-09');
    expect(schemaDraft({ $schema: 'https://json-schema.org/draft/2020-12/schema' })).toBe('2020-12');
    expect(schemaDraft({})).toBe('2020-12');
  });

  it('keywords beside a $ref count under 2020-12 and are ignored under a declared draft-07', () => {
    const schema = { $defs: { N: { type: 'integer' } }, properties: { n: { $ref: '#/$defs/N', minimum: 3 } } };
    expect(validateValue(schema, { n: 1 })).toEqual([{ path: ['n'], keyword: 'minimum', expected: 3, message: 'must be at least 3' }]);
    expect(validateValue({ ...schema, $schema: 'http://json-schema.org/draft-07/schema#' }, { n: 1 })).toEqual([]);
  });

  it('an undeclared draft-07 schema still works as written: definitions, tuple items, additionalItems', () => {
    const schema = {
      definitions: { P: { type: 'object', properties: { x: { type: 'number' } }, required: ['x'] } },
      type: 'object',
      properties: {
        p: { $ref: '#/definitions/P' },
        pair: { type: 'array', items: [{ type: 'string' }, { type: 'number' }], additionalItems: false },
      },
    };
    expect(validateValue(schema, { p: { x: 1 }, pair: ['a', 2] })).toEqual([]);
    expect(paths(validateValue(schema, { p: {}, pair: [1, 2, 3] }))).toEqual(['p/x', 'pair/0', 'pair/2']);
  });
});

describe('validateValue', () => {
  it('reports leaf problems by path, in words, with the bound or format it broke', () => {
    const v = createValidator({
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 5 },
        n: { $ref: '#/$defs/N' },
        when: { type: 'string', format: 'date' },
        tags: { type: 'array', items: { type: 'string' }, maxItems: 2, uniqueItems: true },
        kind: { enum: ['a', 'b'] },
        code: { type: 'string', pattern: '^[A-Z]{3}$' },
      },
      required: ['name'],
      additionalProperties: false,
      $defs: { N: { type: 'integer', minimum: 3 } },
    });
    expect(v({ name: 'x', n: 5, when: '2024-02-29' })).toEqual([]);
    const issues = v({ n: 1.5, when: '2024-13-01', tags: ['a', 'a', 'b'], kind: 'c', code: 'abc', extra: true });
    expect(formatIssues(issues)).toBe(
      [
        'name: is required',
        'n: must be an integer',
        'n: must be at least 3',
        'when: must be a valid date',
        'tags: must have at most 2 items',
        'tags: must not repeat items (items 0 and 1 are equal)',
        'kind: must be one of "a", "b"',
        'code: must match the pattern ^[A-Z]{3}$',
        'extra: is not allowed: the schema declares no such property',
      ].join('; '),
    );
  });

  it('a failed union speaks once for its branches; several types read as a list', () => {
    expect(validateValue({ properties: { v: { anyOf: [{ type: 'string' }, { type: 'null' }] } } }, { v: 3 })).toEqual([
      {
        path: ['v'],
        keyword: 'anyOf',
        expected: [{ type: 'string' }, { type: 'null' }],
        message: 'does not match any of the allowed shapes',
      },
    ]);
    expect(validateValue({ type: ['string', 'null'] }, 3)[0]!.message).toBe('must be a string or null');
    expect(validateValue({ oneOf: [{ type: 'number' }, { type: 'integer' }] }, 3)[0]!.message).toBe(
      'matches more than one of the allowed shapes',
    );
  });

  it('follows zod 3 style #/properties pointers and 2020-12 tuples', () => {
    const schema = {
      type: 'object',
      properties: {
        a: { type: 'number' },
        b: { $ref: '#/properties/a' },
        t: { type: 'array', prefixItems: [{ type: 'string' }], items: false },
      },
    };
    expect(paths(validateValue(schema, { b: 'no', t: [1, 'extra'] }))).toEqual(['b', 't/0', 't/1']);
  });

  it('validates recursive schemas to any depth: self, mutual, and references into references', () => {
    const tree = {
      $defs: {
        Node: {
          type: 'object',
          properties: { value: { type: 'integer' }, children: { type: 'array', items: { $ref: '#/$defs/Node' } } },
          required: ['value'],
        },
      },
      properties: { root: { $ref: '#/$defs/Node' } },
    };
    let deep: Record<string, unknown> = { value: 1 };
    for (let i = 0; i < 100; i++) deep = { value: i, children: [deep] };
    expect(validateValue(tree, { root: deep })).toEqual([]);
    expect(paths(validateValue(tree, { root: { value: 1, children: [{ value: 2, children: [{}] }] } }))).toEqual([
      'root/children/0/children/0/value',
    ]);

    const mutual = {
      $defs: {
        A: { type: 'object', properties: { b: { $ref: '#/$defs/B' } } },
        B: { type: 'object', properties: { a: { $ref: '#/$defs/A' }, n: { type: 'number' } } },
      },
      $ref: '#/$defs/A',
    };
    expect(paths(validateValue(mutual, { b: { a: { b: { n: 'x' } } } }))).toEqual(['b/a/b/n']);

    const chained = {
      $defs: { Alias: { $ref: '#/$defs/Other' }, Other: { $ref: '#/$defs/Real' }, Real: { type: 'string' } },
      properties: { s: { $ref: '#/$defs/Alias' } },
    };
    expect(validateValue(chained, { s: 'ok' })).toEqual([]);
    expect(validateValue(chained, { s: 1 })[0]).toMatchObject({ path: ['s'], message: 'must be a string' });
  });

  it('never throws: a broken schema, a remote reference or a reference loop is one "schema" issue', () => {
    const pattern = validateValue({ properties: { s: { type: 'string', pattern: '([' } } }, { s: 'x' });
    expect(isUnusableSchema(pattern)).toBe(true);
    expect(pattern[0]!.message).toMatch(/^the schema cannot be used for checking: /);
    const remote = validateValue({ properties: { s: { $ref: 'https://example.com/s.json' } } }, { s: 1 });
    expect(remote[0]!.message).toBe(
      'the schema cannot be used for checking: it refers to "https://example.com/s.json", which is not in the schema (only local references are followed)',
    );
    const loop = validateValue({ $defs: { A: { $ref: '#/$defs/B' }, B: { $ref: '#/$defs/A' } }, $ref: '#/$defs/A' }, 1);
    expect(loop).toEqual([
      {
        path: [],
        keyword: 'schema',
        message:
          'the schema cannot be used for checking: it nests too deeply to check (a loop of references, or a value nested hundreds of levels deep)',
      },
    ]);
    expect(isUnusableSchema(validateValue('not a schema', 1))).toBe(true);
  });

  it('checks a value as it travels: undefined members are dropped, like JSON does', () => {
    expect(validateValue({ type: 'object', properties: { a: { type: 'string' } } }, { a: undefined })).toEqual([]);
    expect(validateValue({ type: 'object', required: ['a'] }, { a: undefined })).toEqual([
      { path: ['a'], keyword: 'required', message: 'is required' },
    ]);
    expect(validateValue({}, undefined)).toEqual([{ path: [], keyword: 'type', message: 'there is no value' }]);
  });

  it("does not touch the caller's schema (the validator annotates its own copy)", () => {
    const schema = Object.freeze({
      type: 'object',
      properties: Object.freeze({ a: Object.freeze({ $ref: '#/$defs/A' }) }),
      $defs: Object.freeze({ A: Object.freeze({ type: 'string' }) }),
    });
    expect(validateValue(schema, { a: 1 })).toHaveLength(1);
    expect(Object.getOwnPropertyNames(schema.properties.a)).toEqual(['$ref']);
  });

  it('keeps a bounded number of prepared schemas, however many it has seen', () => {
    for (let i = 0; i < VALIDATOR_CACHE_CAPACITY * 4; i++) validateValue({ type: 'object', title: `schema ${i}` }, {});
    expect(validatorCacheSize()).toBe(VALIDATOR_CACHE_CAPACITY);
  });
});
