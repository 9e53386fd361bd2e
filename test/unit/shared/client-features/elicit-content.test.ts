import { describe, expect, it } from 'vitest';
import { formatElicitIssues, validateElicitContent } from '../../../../src-shared/client-features/elicit-content';

const schema = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 2 },
    email: { type: 'string', format: 'email' },
    site: { type: 'string', format: 'uri' },
    born: { type: 'string', format: 'date' },
    at: { type: 'string', format: 'date-time' },
    age: { type: 'integer', minimum: 0, maximum: 150 },
    hero: { type: 'string', oneOf: [{ const: 'h1', title: 'Superman' }] },
    pet: { type: 'string', enum: ['cat', 'dog'], enumNames: ['Cats', 'Dogs'] },
    fish: {
      type: 'array',
      minItems: 1,
      maxItems: 2,
      items: {
        anyOf: [
          { const: 'f1', title: 'Tuna' },
          { const: 'f2', title: 'Trout' },
          { const: 'f3', title: 'Eel' },
        ],
      },
    },
    ok: { type: 'boolean' },
  },
  required: ['name'],
};

describe('validateElicitContent', () => {
  it('accepts values that match the restricted schema', () => {
    expect(
      validateElicitContent(schema, {
        name: 'Ada',
        email: 'ada@example.com',
        site: 'https://ada.dev',
        born: '1815-12-10',
        at: '2025-01-31T12:00:00Z',
        age: 36,
        hero: 'h1',
        pet: 'dog',
        fish: ['f1', 'f2'],
        ok: true,
      }),
    ).toEqual([]);
  });

  it('names each wrong field once, in words a person can act on', () => {
    const issues = validateElicitContent(schema, {
      name: 'A',
      email: 'nope',
      site: 'x',
      born: '1815-13-45',
      at: 'yesterday',
      age: 3.5,
      hero: 'h9',
      pet: 'cow',
      fish: ['f9'],
    });
    expect(Object.fromEntries(issues.map((i) => [i.field, i.message]))).toEqual({
      name: 'must be at least 2 characters',
      email: 'must be a valid email',
      site: 'must be a valid URI (e.g. https://example.com)',
      born: 'must be a valid date (YYYY-MM-DD)',
      at: 'must be a valid date and time (e.g. 2025-01-31T12:00:00Z)',
      age: 'must be a whole number',
      hero: 'is not one of the allowed choices',
      pet: 'is not one of the allowed choices',
      fish: 'is not one of the allowed choices',
    });
  });

  it('reports a missing required field, ranges and list sizes', () => {
    const issues = validateElicitContent(schema, { age: 200, fish: [] });
    expect(formatElicitIssues(issues)).toBe('name: is required; age: must be at most 150; fish: choose at least 1');
    expect(formatElicitIssues(validateElicitContent(schema, { name: 'Ada', fish: ['f1', 'f2', 'f3'] }))).toBe('fish: choose at most 2');
  });

  it('refuses values ElicitResult cannot carry (objects, lists of numbers) before looking at the schema', () => {
    expect(validateElicitContent(schema, { name: { first: 'Ada' }, fish: [1] })).toEqual([
      { field: 'name', message: 'must be a string, a number, a boolean or a list of strings' },
      { field: 'fish', message: 'must be a string, a number, a boolean or a list of strings' },
    ]);
    expect(validateElicitContent(schema, ['Ada'])).toEqual([{ message: 'the answer must be an object of field values' }]);
  });
});
