import { describe, expect, it } from 'vitest';
import { NULLABLE_KEY, prepareToolSchema } from '../../../../../../src-renderer/features/tools/schema/prepare-schema';
import { resolveLocalRefs } from '../../../../../../src-renderer/features/tools/schema/resolve-refs';

// Shapes as the generators really emit them (trimmed to what matters).
const pydantic = {
  $defs: {
    Address: {
      properties: { street: { title: 'Street', type: 'string' }, zip: { anyOf: [{ type: 'string' }, { type: 'null' }], default: null, title: 'Zip' } },
      required: ['street'],
      title: 'Address',
      type: 'object',
    },
    Priority: { enum: ['low', 'high'], title: 'Priority', type: 'string' },
  },
  properties: {
    name: { title: 'Name', type: 'string' },
    address: { $ref: '#/$defs/Address', description: 'Where to send it' },
    priority: { $ref: '#/$defs/Priority', default: 'low' },
    note: { anyOf: [{ type: 'string' }, { type: 'null' }], default: null, title: 'Note' },
    due: { anyOf: [{ format: 'date', type: 'string' }, { type: 'null' }], default: null, title: 'Due' },
    tags: { default: [], items: { type: 'string' }, title: 'Tags', type: 'array' },
    backup: { anyOf: [{ $ref: '#/$defs/Address' }, { type: 'null' }], default: null },
  },
  required: ['name', 'address'],
  title: 'create_orderArguments',
  type: 'object',
};

const zod3 = {
  type: 'object',
  properties: {
    from: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
    to: { $ref: '#/properties/from' },
    stops: { type: 'array', items: { $ref: '#/properties/from' } },
  },
  required: ['from', 'to'],
  additionalProperties: false,
  $schema: 'http://json-schema.org/draft-07/schema#',
};

const zod4Draft7 = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    email: { type: ['string', 'null'], format: 'email' },
    site: { type: 'string', format: 'uri' },
    when: { type: 'string', format: 'date-time' },
    owner: { $ref: '#/definitions/User' },
    level: { type: ['integer', 'null'], enum: [1, 2, 3, null] },
  },
  required: ['id'],
  definitions: { User: { type: 'object', properties: { handle: { type: 'string' } }, required: ['handle'] } },
};

const zod4Draft2020 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    point: { type: 'array', prefixItems: [{ type: 'number' }, { type: 'number' }] },
    pair: { type: 'array', prefixItems: [{ type: 'string' }], items: { type: 'number' } },
    shape: { $ref: '#/$defs/Shape' },
  },
  $defs: { Shape: { anyOf: [{ type: 'object', properties: { r: { type: 'number' } } }, { type: 'object', properties: { w: { type: 'number' } } }] } },
};

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('prepareToolSchema', () => {
  it('pydantic: inlines $defs, keeps $ref siblings, flattens Optional[X] into X + null toggle', () => {
    const { form, warnings } = prepareToolSchema(pydantic);
    const p = form.properties as Obj;
    expect(warnings).toEqual([]);
    expect(form.title).toBeUndefined();
    expect(p.address.type).toBe('object');
    expect(p.address.description).toBe('Where to send it');
    expect(p.address.properties.zip).toMatchObject({ type: 'string', default: null, [NULLABLE_KEY]: true });
    expect(p.priority).toMatchObject({ enum: ['low', 'high'], default: 'low', type: 'string' });
    expect(p.note).toEqual({ type: 'string', default: null, title: 'Note', [NULLABLE_KEY]: true });
    expect(p.due).toMatchObject({ type: 'string', format: 'date', [NULLABLE_KEY]: true });
    expect(p.due.anyOf).toBeUndefined();
    expect(p.tags.default).toEqual([]);
    expect(p.backup).toMatchObject({ type: 'object', default: null, [NULLABLE_KEY]: true });
    expect(p.backup.properties.street.type).toBe('string');
  });

  it('zod 3: resolves #/properties/... pointers', () => {
    const { form } = prepareToolSchema(zod3);
    const p = form.properties as Obj;
    expect(p.to).toEqual(zod3.properties.from);
    expect(p.stops.items).toEqual(zod3.properties.from);
  });

  it('zod 4 (draft-07): definitions, type arrays with null, enums with null, formats kept', () => {
    const { form } = prepareToolSchema(zod4Draft7);
    const p = form.properties as Obj;
    expect(p.email).toEqual({ type: 'string', format: 'email', [NULLABLE_KEY]: true });
    expect(p.id.format).toBe('uuid');
    expect(p.site.format).toBe('uri');
    expect(p.when.format).toBe('date-time');
    expect(p.owner).toMatchObject({ type: 'object', required: ['handle'] });
    expect(p.level).toEqual({ type: 'integer', enum: [1, 2, 3], [NULLABLE_KEY]: true });
  });

  it('zod 4 (2020-12): prefixItems become tuple items, $defs unions stay unions', () => {
    const { form } = prepareToolSchema(zod4Draft2020);
    const p = form.properties as Obj;
    expect(p.point).toEqual({ type: 'array', items: [{ type: 'number' }, { type: 'number' }], additionalItems: false });
    expect(p.pair).toEqual({ type: 'array', items: [{ type: 'string' }], additionalItems: { type: 'number' } });
    expect(p.shape.anyOf).toHaveLength(2);
  });

  it('keeps the original schema for validation', () => {
    expect(prepareToolSchema(pydantic).validation).toBe(pydantic);
  });

  it('gives a schema without type an object type', () => {
    expect(prepareToolSchema({ properties: {} }).form.type).toBe('object');
    expect(prepareToolSchema(undefined).form).toEqual({ type: 'object' });
  });

  it('a nullable with several other branches keeps them and gets the toggle', () => {
    const { form } = prepareToolSchema({ type: 'object', properties: { v: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'null' }] } } });
    expect((form.properties as Obj).v).toEqual({ anyOf: [{ type: 'string' }, { type: 'number' }], [NULLABLE_KEY]: true });
  });
});

describe('resolveLocalRefs', () => {
  it('stops at cycles and leaves the ref for lazy resolution', () => {
    const tree = {
      type: 'object',
      properties: { root: { $ref: '#/$defs/Node' } },
      $defs: { Node: { type: 'object', properties: { label: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/Node' } } } } },
    };
    const { schema, warnings } = resolveLocalRefs(tree);
    const root = (schema.properties as Obj).root;
    expect(root.properties.label.type).toBe('string');
    expect(root.properties.children.items).toEqual({ $ref: '#/$defs/Node' });
    expect(warnings).toEqual([]);
  });

  it('reports remote and unknown references without throwing', () => {
    const { schema, warnings } = resolveLocalRefs({
      properties: { a: { $ref: 'https://example.com/s.json' }, b: { $ref: '#/$defs/Missing', description: 'kept' } },
    });
    expect((schema.properties as Obj).a.$ref).toBe('https://example.com/s.json');
    expect((schema.properties as Obj).b).toEqual({ description: 'kept' });
    expect(warnings).toHaveLength(2);
  });

  it('decodes JSON pointer escapes', () => {
    const { schema } = resolveLocalRefs({ $defs: { 'a/b': { type: 'string' }, 'c~d': { type: 'number' } }, properties: { x: { $ref: '#/$defs/a~1b' }, y: { $ref: '#/$defs/c~0d' } } });
    expect((schema.properties as Obj).x.type).toBe('string');
    expect((schema.properties as Obj).y.type).toBe('number');
  });

  it('treats properties named like keywords as names, and defaults/enums as data', () => {
    const { schema } = resolveLocalRefs({
      $defs: { S: { type: 'string' } },
      properties: { default: { $ref: '#/$defs/S' }, enum: { type: 'object', default: { $ref: 'data, not a reference' } } },
    });
    expect((schema.properties as Obj).default).toEqual({ type: 'string' });
    expect((schema.properties as Obj).enum.default).toEqual({ $ref: 'data, not a reference' });
  });

  it('bounds exponential expansion', () => {
    // Each level references the next twice: 2^30 nodes if fully expanded.
    const defs: Obj = { L30: { type: 'string' } };
    for (let i = 29; i >= 0; i--) defs[`L${i}`] = { type: 'object', properties: { a: { $ref: `#/$defs/L${i + 1}` }, b: { $ref: `#/$defs/L${i + 1}` } } };
    const started = Date.now();
    const { warnings } = resolveLocalRefs({ $ref: '#/$defs/L0', $defs: defs }, { maxNodes: 5000 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(warnings.join()).toMatch(/too deeply nested/);
  });
});
