import { describe, expect, it } from 'vitest';
import { lintLists } from '../../../../../src-main/engine/lint/list-rules';
import type { ToolInfo } from '../../../../../src-shared/api/schemas/tool';

const tool = (
  name: string,
  properties: Record<string, unknown>,
  description = 'Does one clear thing with its input and returns it.',
): ToolInfo => ({
  name,
  description,
  inputSchema: { type: 'object', properties },
});
const ids = (tools: ToolInfo[]) =>
  lintLists(tools, [], [], []).map((f) => `${f.ruleId}${f.target?.param ? `:${f.target.param}` : f.target ? `:${f.target.name}` : ''}`);

describe('lint rules on the server lists', () => {
  it('a well-described, constrained tool passes', () => {
    expect(
      ids([
        tool('search_notes', {
          query: { type: 'string', maxLength: 200, description: 'Words' },
          limit: { type: 'integer', minimum: 1, maximum: 50, description: 'How many' },
          since: { type: 'string', format: 'date', description: 'From' },
          a: { type: 'number', description: 'Any number: no natural range' },
        }),
      ]),
    ).toEqual([]);
  });

  it('missing and weak descriptions, untyped parameters', () => {
    expect(ids([tool('mystery', { a: { title: 'A' } }, '')])).toEqual([
      'tool-description-missing:mystery',
      'param-description-missing:a',
      'param-type-missing:a',
    ]);
    expect(ids([tool('get_user', {}, 'Get user.')])).toEqual(['tool-description-weak:get_user']);
  });

  it('unconstrained strings and counts, free-form objects, catch-all tools', () => {
    expect(
      ids([tool('search', { q: { type: 'string', description: 'q' }, max_results: { type: 'integer', minimum: 1, description: 'm' } })]),
    ).toEqual(['string-unconstrained:q', 'number-unconstrained:max_results']);
    expect(ids([tool('do_everything', { data: { type: 'object', description: 'anything' } })])).toEqual([
      'object-free-form:data',
      'tool-catch-all:do_everything',
    ]);
    expect(
      ids([
        tool('manage', {
          action: { type: 'string', maxLength: 20, description: 'what to do' },
          payload: { type: 'object', additionalProperties: true, description: 'p' },
        }),
      ]),
    ).toContain('tool-catch-all:manage');
  });

  it('mixed naming styles and huge schemas', () => {
    expect(ids([tool('get_user', {}), tool('listItems', {})])).toEqual(['naming-inconsistent']);
    const many = Object.fromEntries(Array.from({ length: 45 }, (_, i) => [`p${i}`, { type: 'boolean', description: 'flag' }]));
    expect(ids([tool('big', many)])).toEqual(['schema-huge:big']);
  });

  it('prompts and resources need a description (or a title)', () => {
    const f = lintLists(
      [],
      [
        { uri: 'x://1', name: 'one' },
        { uri: 'x://2', name: 'two', title: 'Two' },
      ],
      [],
      [{ name: 'p', arguments: [{ name: 'topic' }] }],
    );
    expect(f.map((x) => x.ruleId)).toEqual(['prompt-description-missing', 'prompt-description-missing', 'resource-description-missing']);
  });

  it('a recursive parameter is a typed object, not an untyped or free-form one', () => {
    const tree: ToolInfo = {
      name: 'tree_sum',
      description: 'Add up every number in a tree of numbers.',
      inputSchema: {
        type: 'object',
        $defs: {
          Node: {
            type: 'object',
            properties: { value: { type: 'integer' }, children: { type: 'array', items: { $ref: '#/$defs/Node' } } },
            required: ['value'],
          },
        },
        properties: {
          root: { $ref: '#/$defs/Node', description: 'The tree' },
          again: { description: 'zod style', allOf: [{ $ref: '#/$defs/Node' }] },
        },
      },
    };
    expect(ids([tree])).toEqual([]);
  });
});
