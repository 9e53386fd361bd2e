import { describe, expect, it } from 'vitest';
import { createArgsValidator, draftOf } from '../../../../../../src-renderer/features/tools/schema/validate-args';

describe('createArgsValidator', () => {
  it('picks the draft from $schema (2020-12 when absent, as MCP says)', () => {
    expect(draftOf({ $schema: 'http://json-schema.org/draft-07/schema#' })).toBe('7');
    expect(draftOf({ $schema: 'https://json-schema.org/draft/2020-12/schema' })).toBe('2020-12');
    expect(draftOf({})).toBe('2020-12');
  });

  it('reports leaf problems with their paths, required fields by name', () => {
    const v = createArgsValidator({
      type: 'object',
      properties: { name: { type: 'string', minLength: 1 }, n: { $ref: '#/$defs/N' }, when: { type: 'string', format: 'date' } },
      required: ['name'],
      $defs: { N: { type: 'integer', minimum: 3 } },
    });
    expect(v({ name: 'x', n: 5, when: '2024-02-29' })).toEqual([]);
    const issues = v({ n: 1, when: '2024-13-01' });
    expect(issues).toContainEqual({ path: ['name'], message: 'is required' });
    expect(issues.find((i) => i.path[0] === 'n')?.message).toMatch(/less than 3/);
    expect(issues.find((i) => i.path[0] === 'when')?.message).toMatch(/format "date"/);
    expect(issues).toHaveLength(3);
  });

  it('a failed union speaks once for its branches', () => {
    const v = createArgsValidator({ type: 'object', properties: { v: { anyOf: [{ type: 'string' }, { type: 'null' }] } } });
    expect(v({ v: 3 })).toEqual([{ path: ['v'], message: 'does not match any of the allowed shapes' }]);
  });

  it('validates zod 3 style #/properties pointers and tuples', () => {
    const v = createArgsValidator({
      type: 'object',
      properties: { a: { type: 'number' }, b: { $ref: '#/properties/a' }, t: { type: 'array', prefixItems: [{ type: 'string' }] } },
    });
    expect(v({ b: 'no', t: [1] }).map((i) => i.path.join('/'))).toEqual(['b', 't/0']);
  });

  it('never throws on a broken schema', () => {
    const v = createArgsValidator({ type: 'object', properties: { s: { type: 'string', pattern: '([' } } });
    const issues = v({ s: 'x' });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/cannot be used/);
  });
});
