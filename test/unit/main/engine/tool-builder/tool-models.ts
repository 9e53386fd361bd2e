import type { ToolModel } from '../../../../../src-shared/tool-builder/tool-model';

/** Models that together use every parameter kind and every constraint the builder offers. */
export const ROUND_TRIP_TOOLS: ToolModel[] = [
  { name: 'ping_me', description: '', params: [], output: { kind: 'text' }, annotations: {} },
  {
    name: 'strings',
    title: 'All the strings',
    description: 'Strings with "quotes", a backslash \\ and\na second line.',
    params: [
      { name: 'plain', kind: 'string', description: 'Plain text', required: true },
      { name: 'bounded', kind: 'string', description: "It's bounded", required: true, minLength: 2, maxLength: 40 },
      { name: 'code', kind: 'string', description: 'A code like AB-12/x', required: true, pattern: '^[A-Z]{2}-\\d+/x$' },
      { name: 'when', kind: 'string', description: 'A timestamp', required: true, format: 'date-time' },
      { name: 'day', kind: 'string', description: 'A day', required: false, format: 'date' },
      { name: 'link', kind: 'string', description: 'A link', required: false, format: 'uri' },
      { name: 'ident', kind: 'string', description: '', required: true, format: 'uuid' },
      { name: 'greeting', kind: 'string', description: 'With a default', required: false, default: 'hi "there"', maxLength: 20 },
    ],
    output: { kind: 'text' },
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  {
    name: 'numbers',
    description: 'Numbers and flags.',
    params: [
      { name: 'ratio', kind: 'number', description: 'A ratio', required: true, minimum: -1.5, maximum: 2.25 },
      { name: 'count', kind: 'integer', description: 'How many', required: false, default: 10, minimum: 1, maximum: 100 },
      { name: 'scale', kind: 'number', description: '', required: false, default: 0.5 },
      { name: 'verbose', kind: 'boolean', description: 'Say more', required: false, default: false },
      { name: 'strict', kind: 'boolean', description: 'Be strict', required: true },
      { name: 'offset', kind: 'integer', description: 'Optional, no default', required: false },
    ],
    output: { kind: 'text' },
    annotations: { destructiveHint: true, idempotentHint: false },
  },
  {
    name: 'choices',
    description: 'Enums and lists.',
    params: [
      { name: 'mode', kind: 'enum', description: 'The mode', required: true, enumValues: ['fast', 'safe', 'with space'] },
      { name: 'level', kind: 'enum', description: 'Level', required: false, default: 'low', enumValues: ['low', 'high'] },
      {
        name: 'tags',
        kind: 'array',
        description: 'Tags',
        required: false,
        default: [],
        items: { name: '', kind: 'string', description: '', required: true, minLength: 1 },
      },
      {
        name: 'scores',
        kind: 'array',
        description: 'Scores',
        required: true,
        items: { name: '', kind: 'integer', description: 'A score', required: true, minimum: 0, maximum: 10 },
      },
      {
        name: 'modes',
        kind: 'array',
        description: '',
        required: false,
        default: ['fast'],
        items: { name: '', kind: 'enum', description: '', required: true, enumValues: ['fast', 'safe'] },
      },
      {
        name: 'matrix',
        kind: 'array',
        description: 'Rows',
        required: false,
        items: {
          name: '',
          kind: 'array',
          description: '',
          required: true,
          items: { name: '', kind: 'number', description: '', required: true },
        },
      },
    ],
    output: { kind: 'text' },
    annotations: {},
  },
  {
    name: 'create_order',
    title: 'Create order',
    description: 'Nested objects in and out.',
    params: [
      {
        name: 'customer',
        kind: 'object',
        description: 'Who orders',
        required: true,
        properties: [
          { name: 'email', kind: 'string', description: 'Their address', required: true, minLength: 3 },
          {
            name: 'address',
            kind: 'object',
            description: '',
            required: false,
            properties: [
              { name: 'city', kind: 'string', description: 'City', required: true },
              { name: 'zip', kind: 'string', description: '', required: false, pattern: '^\\d{5}$' },
            ],
          },
        ],
      },
      {
        name: 'lines',
        kind: 'array',
        description: 'Order lines',
        required: true,
        items: {
          name: '',
          kind: 'object',
          description: '',
          required: true,
          properties: [
            { name: 'sku', kind: 'string', description: 'Stock unit', required: true },
            { name: 'quantity', kind: 'integer', description: '', required: false, default: 1, minimum: 1 },
          ],
        },
      },
      { name: 'note', kind: 'string', description: 'After optional ones', required: true },
    ],
    output: {
      kind: 'object',
      properties: [
        { name: 'order_id', kind: 'string', description: 'The new id', required: true },
        { name: 'total', kind: 'number', description: '', required: true, minimum: 0 },
        { name: 'status', kind: 'enum', description: '', required: true, enumValues: ['new', 'paid'] },
        {
          name: 'items',
          kind: 'array',
          description: '',
          required: false,
          default: [],
          items: { name: '', kind: 'string', description: '', required: true },
        },
      ],
    },
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  },
];
