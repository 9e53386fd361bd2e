import { expect, it } from 'vitest';
import { inputSchemaOf } from '../../../../src-shared/tool-builder/input-schema';
import type { ToolModel } from '../../../../src-shared/tool-builder/tool-model';
import { validateTool } from '../../../../src-shared/tool-builder/validate-tool';

const tool = (patch: Partial<ToolModel>): ToolModel => ({
  name: 'ok_tool',
  description: '',
  params: [],
  output: { kind: 'text' },
  annotations: {},
  ...patch,
});

it('refuses names that are not identifiers, keywords, and names already taken', () => {
  expect(validateTool(tool({ name: '2fast' }), 'python')).toEqual([
    { path: 'name', message: expect.stringMatching(/not a valid Python function name/) },
  ]);
  expect(validateTool(tool({ name: 'class' }), 'python')).toEqual([{ path: 'name', message: expect.stringMatching(/Python keyword/) }]);
  expect(validateTool(tool({ name: 'has space' }), 'typescript')).toEqual([
    { path: 'name', message: expect.stringMatching(/not a valid tool name/) },
  ]);
  expect(validateTool(tool({ name: 'greet' }), 'typescript', ['greet'])).toEqual([
    { path: 'name', message: expect.stringMatching(/already has a tool named "greet"/) },
  ]);
  const params = [
    { name: 'a-b', kind: 'string' as const, description: '', required: true },
    { name: 'x', kind: 'string' as const, description: '', required: true },
    { name: 'x', kind: 'number' as const, description: '', required: true },
  ];
  expect(validateTool(tool({ params }), 'typescript').map((i) => i.path)).toEqual(['params.0.name', 'params.2.name']);
});

it('catches a default outside its range, not in the enum, too long, or not matching the pattern', () => {
  const issues = validateTool(
    tool({
      params: [
        { name: 'n', kind: 'integer', description: '', required: false, default: 200, minimum: 1, maximum: 100 },
        { name: 'm', kind: 'enum', description: '', required: false, default: 'huge', enumValues: ['small', 'big'] },
        { name: 's', kind: 'string', description: '', required: false, default: 'toolong', maxLength: 3 },
        { name: 'p', kind: 'string', description: '', required: false, default: 'abc', pattern: '^\\d+$' },
        { name: 'r', kind: 'number', description: '', required: true, minimum: 5, maximum: 1 },
        { name: 'e', kind: 'enum', description: '', required: true, enumValues: [] },
      ],
    }),
    'python',
  );
  expect(issues).toEqual([
    { path: 'params.0.default', message: 'The default 200 is above the maximum (100).' },
    { path: 'params.1.default', message: 'The default must be one of the enum values (small, big).' },
    { path: 'params.2.default', message: 'The default is longer than the maximum length (3).' },
    { path: 'params.3.default', message: 'The default does not match the pattern ^\\d+$.' },
    { path: 'params.4.maximum', message: 'The maximum (1) is below the minimum (5).' },
    { path: 'params.5.enumValues', message: 'An enum needs at least one value.' },
  ]);
});

it('previews the inputSchema the server will expose', () => {
  expect(
    inputSchemaOf(
      tool({
        params: [
          { name: 'q', kind: 'string', description: 'Query', required: true, minLength: 1 },
          { name: 'limit', kind: 'integer', description: '', required: false, default: 10, minimum: 1, maximum: 50 },
          {
            name: 'tags',
            kind: 'array',
            description: '',
            required: false,
            items: { name: '', kind: 'enum', description: '', required: true, enumValues: ['a', 'b'] },
          },
        ],
      }),
    ),
  ).toEqual({
    type: 'object',
    properties: {
      q: { type: 'string', minLength: 1, description: 'Query' },
      limit: { type: 'integer', minimum: 1, maximum: 50, default: 10 },
      tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
    },
    required: ['q'],
  });
});
