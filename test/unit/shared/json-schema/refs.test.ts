import { describe, expect, it } from 'vitest';
import { deref, derefNode, expandRefs, withoutNull } from '../../../../src-shared/json-schema/refs';
import { readPointer } from '../../../../src-shared/json-schema/schema-node';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const TREE = {
  type: 'object',
  properties: { root: { $ref: '#/$defs/Node' } },
  $defs: {
    Node: { type: 'object', properties: { label: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/Node' } } } },
  },
};

/** How many times `key` nests objects below `node` (following `items` for lists). */
function levels(node: Obj | undefined, key: string): number {
  if (!node?.properties) return 0;
  const next = node.properties[key];
  return 1 + levels(next?.items ?? next, key);
}

describe('derefNode / deref', () => {
  it('follows references into references, siblings winning over the target', () => {
    const root = { $defs: { A: { $ref: '#/$defs/B', description: 'from A' }, B: { type: 'string', description: 'from B', maxLength: 3 } } };
    expect(derefNode(root, { $ref: '#/$defs/A', title: 'here' })).toEqual({
      schema: { type: 'string', description: 'from A', maxLength: 3, title: 'here' },
      refs: ['#/$defs/A', '#/$defs/B'],
    });
  });

  it('stops on a loop of references, an unknown one and a remote one, and says why', () => {
    const root = { $defs: { A: { $ref: '#/$defs/B' }, B: { $ref: '#/$defs/A' } } };
    expect(derefNode(root, { $ref: '#/$defs/A' })).toMatchObject({ schema: {}, problem: 'the reference #/$defs/A leads back to itself' });
    expect(derefNode(root, { $ref: '#/$defs/Nope', description: 'kept' })).toMatchObject({
      schema: { description: 'kept' },
      problem: 'unresolved reference: #/$defs/Nope',
    });
    expect(derefNode(root, { $ref: 'https://example.com/s.json' }).problem).toMatch(/only local references/);
  });

  it('reads every pointer style generators emit: #, #/$defs, #/definitions, #/properties/..., escapes', () => {
    const root = {
      type: 'object',
      properties: { a: { type: 'number' }, 'x/y': { type: 'boolean' } },
      definitions: { 'c~d': { type: 'null' } },
    };
    expect(deref(root, { $ref: '#' })).toEqual(root);
    expect(deref(root, { $ref: '#/properties/a' }).type).toBe('number');
    expect(deref(root, { $ref: '#/properties/x~1y' }).type).toBe('boolean');
    expect(deref(root, { $ref: '#/definitions/c~0d' }).type).toBe('null');
    expect(readPointer(root, '#/properties/%zz')).toBeUndefined(); // a broken escape leads nowhere, it does not throw
  });

  it('withoutNull: Optional[X] as X, and a described reference (a one-branch allOf) as its target', () => {
    const root = { $defs: { P: { type: 'object', properties: { x: { type: 'number' } } } } };
    expect(withoutNull(root, { anyOf: [{ $ref: '#/$defs/P' }, { type: 'null' }], description: 'maybe' })).toEqual({
      type: 'object',
      properties: { x: { type: 'number' } },
      description: 'maybe',
    });
    expect(withoutNull(root, { allOf: [{ $ref: '#/$defs/P' }], description: 'described' })).toMatchObject({
      type: 'object',
      description: 'described',
    });
  });
});

describe('expandRefs', () => {
  it('expands a recursive type a bounded number of levels, then cuts', () => {
    const cuts: string[] = [];
    const { schema, cut, warnings } = expandRefs(TREE, {
      maxRecursion: 3,
      cut: (node, reason) => (cuts.push(`${reason} ${node.$ref}`), { cut: true }),
    });
    expect(levels((schema as Obj).properties.root, 'children')).toBe(3);
    expect((schema as Obj).properties.root.properties.children.items.properties.children.items.properties.children.items).toEqual({
      cut: true,
    });
    expect(cut).toBe(true);
    expect(cuts).toEqual(['recursion #/$defs/Node']);
    expect(warnings).toEqual([]);
  });

  it('by default leaves the cut reference in place, with the definitions it needs', () => {
    const { schema } = expandRefs(TREE, { maxRecursion: 1 });
    expect((schema as Obj).properties.root.properties.children.items).toEqual({ $ref: '#/$defs/Node' });
    expect((schema as Obj).$defs).toBe(TREE.$defs);
    expect(expandRefs(TREE, { maxRecursion: 1, keepDefinitions: false }).schema.$defs).toBeUndefined();
  });

  it('bounds mutual recursion and a schema that contains itself (#)', () => {
    const mutual = {
      $defs: {
        A: { type: 'object', properties: { b: { $ref: '#/$defs/B' } } },
        B: { type: 'object', properties: { a: { $ref: '#/$defs/A' } } },
      },
      properties: { start: { $ref: '#/$defs/A' } },
    };
    const m = expandRefs(mutual, { maxRecursion: 2 }).schema as Obj;
    expect(m.properties.start.properties.b.properties.a.properties.b.properties.a).toEqual({ $ref: '#/$defs/A' });
    const self = { type: 'object', properties: { name: { type: 'string' }, parent: { $ref: '#' } } };
    const s = expandRefs(self, { maxRecursion: 2 }).schema as Obj;
    expect(levels(s, 'parent')).toBe(3); // the root, then two expansions of "#"
  });

  it('pydantic: refs with siblings, Optional refs, a chain of refs', () => {
    const schema = {
      $defs: { Alias: { $ref: '#/$defs/Address' }, Address: { type: 'object', properties: { street: { type: 'string' } } } },
      properties: {
        a: { $ref: '#/$defs/Alias', description: 'Where' },
        b: { anyOf: [{ $ref: '#/$defs/Address' }, { type: 'null' }], default: null },
      },
    };
    const s = expandRefs(schema).schema as Obj;
    expect(s.properties.a).toEqual({ type: 'object', properties: { street: { type: 'string' } }, description: 'Where' });
    expect(s.properties.b.anyOf[0].properties.street.type).toBe('string');
  });

  it('reports remote and unknown references without throwing', () => {
    const { schema, warnings } = expandRefs({
      properties: { a: { $ref: 'https://example.com/s.json' }, b: { $ref: '#/$defs/Missing', description: 'kept' } },
    });
    expect((schema.properties as Obj).a.$ref).toBe('https://example.com/s.json');
    expect((schema.properties as Obj).b).toEqual({ description: 'kept' });
    expect(warnings).toHaveLength(2);
  });

  it('treats properties named like keywords as names, and defaults/enums as data', () => {
    const { schema } = expandRefs({
      $defs: { S: { type: 'string' } },
      properties: { default: { $ref: '#/$defs/S' }, enum: { type: 'object', default: { $ref: 'data, not a reference' } } },
    });
    expect((schema.properties as Obj).default).toEqual({ type: 'string' });
    expect((schema.properties as Obj).enum.default).toEqual({ $ref: 'data, not a reference' });
  });

  it('bounds exponential expansion', () => {
    // Each level references the next twice: 2^30 nodes if fully expanded.
    const defs: Obj = { L30: { type: 'string' } };
    for (let i = 29; i >= 0; i--)
      defs[`L${i}`] = { type: 'object', properties: { a: { $ref: `#/$defs/L${i + 1}` }, b: { $ref: `#/$defs/L${i + 1}` } } };
    const reasons = new Set<string>();
    const { warnings } = expandRefs({ $ref: '#/$defs/L0', $defs: defs }, { maxNodes: 5000, cut: (n, r) => (reasons.add(r), n) });
    expect(warnings).toEqual(['the schema is too large to expand fully']);
    expect([...reasons]).toEqual(['size']);
  });
});
