import { describe, expect, it } from 'vitest';
import { generateInputs, UNEXPECTED_PROPERTY } from '../../../../../src-main/engine/fuzz/generators';
import { shrinkCandidates } from '../../../../../src-main/engine/fuzz/shrink';

const schema = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 10, description: 'n' },
    level: { type: 'integer', minimum: 0, maximum: 10 },
    style: { type: 'string', enum: ['formal', 'casual'] },
    note: { anyOf: [{ type: 'string' }, { type: 'null' }], default: null },
    opts: { type: 'object', properties: { deep: { type: 'boolean' } } },
    tags: { type: 'array', items: { type: 'string' }, maxItems: 2 },
  },
  required: ['name', 'level'],
};

describe('fuzz input generators', () => {
  const inputs = generateInputs(schema, 42, 200);
  const by = (g: string) => inputs.find((i) => i.generator === g);

  it('covers boundaries, enum members, optional fields, nested structures as valid inputs', () => {
    expect(by('valid:boundaryMin level')).toMatchObject({ valid: true, args: { level: 0 } });
    expect(by('valid:boundaryMax level')).toMatchObject({ valid: true, args: { level: 10 } });
    expect(by('valid:boundaryMaxLength name')).toMatchObject({ valid: true, args: { name: 'x'.repeat(10) } });
    expect(by('valid:enum style="casual"')).toMatchObject({ valid: true, args: { style: 'casual' } });
    expect(by('valid:requiredOnly')!.args).not.toHaveProperty('style');
    expect(by('valid:optionalPresent opts')!.valid).toBe(true);
    expect(by('invalid:wrongType opts.deep')).toMatchObject({ valid: false, args: { opts: { deep: 'yes' } } });
    expect(by('edge:emptyString note')).toMatchObject({ valid: true, args: { note: '' } });
    expect(by('edge:pathTraversal note')!.args.note).toContain('../');
    expect(by('edge:markup note')!.args.note).toContain('<script>');
  });

  it('produces invalid inputs of every kind, classified by the schema itself', () => {
    for (const g of [
      'invalid:belowMinimum level',
      'invalid:aboveMaximum level',
      'invalid:fractional level',
      'invalid:tooLong name',
      'invalid:tooShort name',
      'invalid:wrongType name',
      'invalid:missingRequired name',
      'invalid:notInEnum style',
      'invalid:tooManyItems tags',
      'invalid:wrongItemType tags',
    ]) {
      expect(by(g), g).toMatchObject({ valid: false });
    }
    expect(by('invalid:aboveMaximum level')!.args.level).toBe(11);
    // Extra properties are allowed by this schema: that input is valid, and never "accepted silently".
    const extra = by('invalid:unexpectedProperty')!;
    expect(extra.args[UNEXPECTED_PROPERTY]).toBe('surprise');
    expect(extra.valid).toBe(true);
  });

  it('is reproducible: the same seed gives the same inputs, another seed other random ones', () => {
    expect(generateInputs(schema, 42, 200)).toEqual(inputs);
    const random = (seed: number) =>
      generateInputs(schema, seed, 200)
        .filter((i) => i.generator === 'valid:random')
        .map((i) => i.args);
    expect(random(1)).not.toEqual(random(2));
    expect(random(1).every((a) => typeof a.name === 'string')).toBe(true);
    expect(generateInputs(schema, 1, 5)).toHaveLength(5);
  });

  it('shrinks toward smaller inputs, keeping required properties', () => {
    const c = shrinkCandidates({ name: 'abcdef', level: 8, style: 'formal' }, new Set(['name', 'level']));
    expect(c[0]).toEqual({ name: 'abcdef', level: 8 });
    expect(c).toContainEqual({ name: '', level: 8, style: 'formal' });
    expect(c).toContainEqual({ name: 'abcdef', level: 0, style: 'formal' });
    expect(c.every((x) => 'name' in x && 'level' in x)).toBe(true);
  });

  it('recursive schemas: every input called valid is valid, and nested parameters are fuzzed too', () => {
    const list = {
      type: 'object',
      $defs: {
        Cell: {
          type: 'object',
          properties: {
            value: { type: 'string', maxLength: 20 },
            next: { anyOf: [{ $ref: '#/$defs/Cell' }, { type: 'null' }], default: null },
          },
          required: ['value'],
        },
      },
      properties: { head: { $ref: '#/$defs/Cell', description: 'First cell' } },
      required: ['head'],
    };
    const generated = generateInputs(list, 9, 120);
    expect(generated).toHaveLength(120);
    const claimedValid = generated.filter((i) => i.generator.startsWith('valid:'));
    expect(claimedValid.length).toBeGreaterThan(60);
    expect(claimedValid.filter((i) => !i.valid).map((i) => [i.generator, JSON.stringify(i.args)])).toEqual([]);
    expect(generated.find((i) => i.generator === 'invalid:tooLong head.value')).toMatchObject({ valid: false });
  });
});
