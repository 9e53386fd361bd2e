import { z } from 'zod';

/**
 * The tool builder's model of one tool: what the form edits, what the generators write as
 * FastMCP or TypeScript SDK code, and what the parsers read back from source.
 */
export const ParamKindSchema = z.enum(['string', 'number', 'integer', 'boolean', 'array', 'object', 'enum']);
export type ParamKind = z.infer<typeof ParamKindSchema>;

export const StringFormatSchema = z.enum(['date', 'date-time', 'uri', 'uuid']);
export type StringFormat = z.infer<typeof StringFormatSchema>;

/** JSON values a default can take (no objects: an object parameter has no default). */
export const DefaultValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number(), z.boolean()]))]);
export type DefaultValue = z.infer<typeof DefaultValueSchema>;

export interface ParamModel {
  name: string;
  kind: ParamKind;
  description: string;
  /** A parameter with a default is never required. */
  required: boolean;
  default?: DefaultValue | undefined;
  /** kind enum: the allowed strings. */
  enumValues?: string[] | undefined;
  minLength?: number | undefined;
  maxLength?: number | undefined;
  pattern?: string | undefined;
  format?: StringFormat | undefined;
  minimum?: number | undefined;
  maximum?: number | undefined;
  /** kind array: the element (its name is ignored). */
  items?: ParamModel | undefined;
  /** kind object: its fields. */
  properties?: ParamModel[] | undefined;
}

export const ParamModelSchema: z.ZodType<ParamModel> = z.lazy(() =>
  z.object({
    name: z.string(),
    kind: ParamKindSchema,
    description: z.string(),
    required: z.boolean(),
    default: DefaultValueSchema.optional(),
    enumValues: z.array(z.string()).optional(),
    minLength: z.number().int().optional(),
    maxLength: z.number().int().optional(),
    pattern: z.string().optional(),
    format: StringFormatSchema.optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    items: ParamModelSchema.optional(),
    properties: z.array(ParamModelSchema).optional(),
  }),
);

export const ToolAnnotationsModelSchema = z.object({
  readOnlyHint: z.boolean().optional(),
  destructiveHint: z.boolean().optional(),
  idempotentHint: z.boolean().optional(),
  openWorldHint: z.boolean().optional(),
});
export type ToolAnnotationsModel = z.infer<typeof ToolAnnotationsModelSchema>;

export const OutputModelSchema = z.discriminatedUnion('kind', [
  /** Plain text content. */
  z.object({ kind: z.literal('text') }),
  /** Structured output: an object with these fields (an output schema). */
  z.object({ kind: z.literal('object'), properties: z.array(ParamModelSchema) }),
]);
export type OutputModel = z.infer<typeof OutputModelSchema>;

export const ToolModelSchema = z.object({
  name: z.string(),
  title: z.string().optional(),
  description: z.string(),
  params: z.array(ParamModelSchema),
  output: OutputModelSchema,
  annotations: ToolAnnotationsModelSchema,
});
export type ToolModel = z.infer<typeof ToolModelSchema>;

export const PARAM_KINDS: readonly ParamKind[] = ParamKindSchema.options;
export const STRING_FORMATS: readonly StringFormat[] = StringFormatSchema.options;

export function emptyParam(name = ''): ParamModel {
  return { name, kind: 'string', description: '', required: true };
}

export function emptyTool(name = 'new_tool'): ToolModel {
  return { name, description: '', params: [], output: { kind: 'text' }, annotations: {} };
}

/** Drop fields that do not apply to the kind, so two models that mean the same compare equal. */
export function normalizeParam(p: ParamModel): ParamModel {
  const out: ParamModel = {
    name: p.name,
    kind: p.kind,
    description: p.description,
    required: p.default === undefined ? p.required : false,
  };
  if (p.default !== undefined) out.default = p.default;
  if (p.kind === 'enum') out.enumValues = [...(p.enumValues ?? [])];
  if (p.kind === 'string') {
    if (p.minLength !== undefined) out.minLength = p.minLength;
    if (p.maxLength !== undefined) out.maxLength = p.maxLength;
    if (p.pattern !== undefined && p.pattern !== '') out.pattern = p.pattern;
    if (p.format !== undefined) out.format = p.format;
  }
  if (p.kind === 'number' || p.kind === 'integer') {
    if (p.minimum !== undefined) out.minimum = p.minimum;
    if (p.maximum !== undefined) out.maximum = p.maximum;
  }
  if (p.kind === 'array') out.items = normalizeParam({ ...(p.items ?? emptyParam()), name: '', required: true, default: undefined });
  if (p.kind === 'object') out.properties = (p.properties ?? []).map(normalizeParam);
  return out;
}

export function normalizeTool(t: ToolModel): ToolModel {
  const annotations: ToolAnnotationsModel = {};
  for (const k of ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const)
    if (t.annotations[k] !== undefined) annotations[k] = t.annotations[k];
  return {
    name: t.name,
    ...(t.title ? { title: t.title } : {}),
    description: t.description,
    params: t.params.map(normalizeParam),
    output: t.output.kind === 'object' ? { kind: 'object', properties: t.output.properties.map(normalizeParam) } : { kind: 'text' },
    annotations,
  };
}
