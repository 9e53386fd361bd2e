import { describe, expect, it } from 'vitest';
import { contentFrom, defaultElicitContent, elicitFields, initialDraft } from '../../../../src-shared/client-features/elicit-fields';

const schema = {
  type: 'object',
  properties: {
    name: { type: 'string', title: 'Name', minLength: 1 },
    email: { type: 'string', format: 'email' },
    age: { type: 'integer', minimum: 0, maximum: 150, default: 30 },
    ratio: { type: 'number' },
    ok: { type: 'boolean', default: true },
    hero: {
      type: 'string',
      oneOf: [
        { const: 'h1', title: 'Superman' },
        { const: 'h2', title: 'Batman' },
      ],
      default: 'h2',
    },
    pet: { type: 'string', enum: ['p1', 'p2'], enumNames: ['Cats', 'Dogs'] },
    color: { type: 'string', enum: ['red', 'blue'] },
    fish: { type: 'array', items: { anyOf: [{ const: 'f1', title: 'Tuna' }] }, default: ['f1'], maxItems: 1 },
    tools: { type: 'array', items: { type: 'string', enum: ['saw', 'drill'] } },
    nested: { type: 'object', properties: { x: { type: 'string' } } },
  },
  required: ['name', 'hero'],
};

describe('elicitation fields', () => {
  const fields = elicitFields(schema);
  const byName = Object.fromEntries(fields.map((f) => [f.name, f]));

  it('recognises every restricted-schema shape, titled and legacy enums included', () => {
    expect(fields.map((f) => [f.name, f.kind])).toEqual([
      ['name', 'text'],
      ['email', 'text'],
      ['age', 'number'],
      ['ratio', 'number'],
      ['ok', 'boolean'],
      ['hero', 'select'],
      ['pet', 'select'],
      ['color', 'select'],
      ['fish', 'multiselect'],
      ['tools', 'multiselect'],
      ['nested', 'other'],
    ]);
    expect(byName.name).toMatchObject({ label: 'Name', required: true, minLength: 1 });
    expect(byName.hero).toMatchObject({
      choices: [
        { value: 'h1', label: 'Superman' },
        { value: 'h2', label: 'Batman' },
      ],
      required: true,
      default: 'h2',
    });
    expect(byName.pet).toMatchObject({
      choices: [
        { value: 'p1', label: 'Cats' },
        { value: 'p2', label: 'Dogs' },
      ],
    });
    expect(byName.color).toMatchObject({
      choices: [
        { value: 'red', label: 'red' },
        { value: 'blue', label: 'blue' },
      ],
    });
    expect(byName.fish).toMatchObject({ choices: [{ value: 'f1', label: 'Tuna' }], maxItems: 1 });
    expect(byName.age).toMatchObject({ integer: true, minimum: 0, maximum: 150 });
  });

  it('pre-fills defaults and turns the draft into content: numbers parsed, empty inputs left out', () => {
    const draft = initialDraft(fields);
    expect(draft).toMatchObject({ name: '', age: '30', ok: true, hero: 'h2', fish: ['f1'], tools: [], pet: '' });
    expect(contentFrom(fields, draft)).toEqual({ age: 30, ok: true, hero: 'h2', fish: ['f1'], tools: [] });
    expect(contentFrom(fields, { ...draft, name: 'Ada', ratio: '0.5', nested: '{"x":"y"}' })).toMatchObject({
      name: 'Ada',
      ratio: 0.5,
      nested: { x: 'y' },
    });
    // A number that does not parse is sent as typed, so the check names the field.
    expect(contentFrom(fields, { ...draft, age: '3x' }).age).toBe('3x');
  });

  it('has no fields for a schema without properties', () => {
    expect(elicitFields({ type: 'object', properties: {} })).toEqual([]);
    expect(elicitFields(undefined)).toEqual([]);
  });
});

describe('defaultElicitContent', () => {
  it("is what the dialog sends when accepted untouched: every field's default, of each kind", () => {
    const requested = {
      type: 'object',
      properties: {
        name: { type: 'string', default: 'John Doe' },
        age: { type: 'integer', default: 30 },
        score: { type: 'number', default: 95.5 },
        status: { type: 'string', enum: ['active', 'inactive'], default: 'active' },
        verified: { type: 'boolean', default: true },
        tags: { type: 'array', items: { enum: ['a', 'b'] }, default: ['b'] },
        note: { type: 'string' },
      },
    };
    expect(defaultElicitContent(requested)).toEqual({
      name: 'John Doe',
      age: 30,
      score: 95.5,
      status: 'active',
      verified: true,
      tags: ['b'],
    });
    const fields = elicitFields(requested);
    expect(defaultElicitContent(requested)).toEqual(contentFrom(fields, initialDraft(fields)));
  });

  it('is empty for a schema without properties', () => {
    expect(defaultElicitContent(undefined)).toEqual({});
    expect(defaultElicitContent({ type: 'object' })).toEqual({});
  });
});
