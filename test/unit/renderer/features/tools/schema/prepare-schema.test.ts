import { describe, expect, it } from 'vitest';
import {
  FORM_RECURSION_LEVELS,
  JSON_FIELD_KEY,
  NULLABLE_KEY,
  prepareToolSchema,
} from '../../../../../../src-renderer/features/tools/schema/prepare-schema';

// Shapes as the generators really emit them (trimmed to what matters).
const pydantic = {
  $defs: {
    Address: {
      properties: {
        street: { title: 'Street', type: 'string' },
        zip: { anyOf: [{ type: 'string' }, { type: 'null' }], default: null, title: 'Zip' },
      },
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
  $defs: {
    Shape: {
      anyOf: [
        { type: 'object', properties: { r: { type: 'number' } } },
        { type: 'object', properties: { w: { type: 'number' } } },
      ],
    },
  },
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
    const { form } = prepareToolSchema({
      type: 'object',
      properties: { v: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'null' }] } },
    });
    expect((form.properties as Obj).v).toEqual({ anyOf: [{ type: 'string' }, { type: 'number' }], [NULLABLE_KEY]: true });
  });
});

/** The shapes generators emit for types that contain themselves (see the integration fixtures). */
const pydanticTree = {
  $defs: {
    TreeNode: {
      properties: { value: { type: 'integer' }, children: { default: [], items: { $ref: '#/$defs/TreeNode' }, type: 'array' } },
      required: ['value'],
      type: 'object',
    },
  },
  properties: { root: { $ref: '#/$defs/TreeNode', description: 'The tree' } },
  required: ['root'],
  type: 'object',
};
const pydanticList = {
  $defs: {
    ListNode: {
      properties: { value: { type: 'string' }, next: { anyOf: [{ $ref: '#/$defs/ListNode' }, { type: 'null' }], default: null } },
      required: ['value'],
      type: 'object',
    },
  },
  properties: { head: { $ref: '#/$defs/ListNode' } },
  required: ['head'],
  type: 'object',
};
const zodLazyList = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: { head: { description: 'The first cell', allOf: [{ $ref: '#/definitions/__schema0' }] } },
  required: ['head'],
  definitions: {
    __schema0: {
      type: 'object',
      properties: {
        value: { type: 'string' },
        next: { description: 'The rest', anyOf: [{ allOf: [{ $ref: '#/definitions/__schema0' }] }, { type: 'null' }] },
      },
      required: ['value'],
    },
  },
};

/** Follow `key` down the form schema (through list items), counting object levels; what stands at the bottom. */
function descend(node: Obj, key: string): { levels: number; bottom: Obj } {
  let levels = 0;
  while (node.properties) {
    levels++;
    const next = node.properties[key];
    node = next.items ?? next;
  }
  return { levels, bottom: node };
}

describe('prepareToolSchema: recursive types', () => {
  it('a pydantic tree: FORM_RECURSION_LEVELS levels of fields, then a JSON field whose new items start as an example', () => {
    const { form, warnings } = prepareToolSchema(pydanticTree);
    const { levels, bottom } = descend((form.properties as Obj).root, 'children');
    expect(levels).toBe(FORM_RECURSION_LEVELS);
    expect(bottom).toEqual({ [JSON_FIELD_KEY]: { reason: 'recursion', example: { value: 0 } }, default: { value: 0 } });
    expect((form.properties as Obj).root.description).toBe('The tree');
    expect(form.$defs).toBeUndefined();
    expect(JSON.stringify(form)).not.toContain('$ref');
    expect(warnings).toEqual([]);
  });

  it('a pydantic linked list: the JSON field at the bottom keeps the null toggle and the null default', () => {
    const { form } = prepareToolSchema(pydanticList);
    const { levels, bottom } = descend((form.properties as Obj).head, 'next');
    expect(levels).toBe(FORM_RECURSION_LEVELS);
    expect(bottom).toEqual({ default: null, [NULLABLE_KEY]: true, [JSON_FIELD_KEY]: { reason: 'recursion', example: { value: '' } } });
  });

  it('a zod z.lazy list (draft-07, described references as one-branch allOf) reads the same', () => {
    const { form } = prepareToolSchema(zodLazyList);
    const head = (form.properties as Obj).head;
    expect(head).toMatchObject({ type: 'object', description: 'The first cell' });
    expect(head.allOf).toBeUndefined();
    const { levels, bottom } = descend(head, 'next');
    expect(levels).toBe(FORM_RECURSION_LEVELS);
    expect(bottom).toMatchObject({ description: 'The rest', [NULLABLE_KEY]: true, [JSON_FIELD_KEY]: { reason: 'recursion' } });
  });

  it('a remote reference becomes a JSON field too, and is reported', () => {
    const { form, warnings } = prepareToolSchema({
      type: 'object',
      properties: { ext: { $ref: 'https://example.com/s.json', title: 'External' } },
    });
    expect((form.properties as Obj).ext).toEqual({ title: 'External', [JSON_FIELD_KEY]: { reason: 'remote' } });
    expect(warnings).toEqual(['reference not followed (only local references are): https://example.com/s.json']);
  });
});
