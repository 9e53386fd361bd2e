import type { OutputModel, ParamModel, ToolModel } from './tool-model';

type Schema = Record<string, unknown>;

/**
 * The JSON Schema a server will expose for the model, for the live preview. FastMCP (pydantic)
 * adds titles and writes an optional parameter as anyOf [type, null]; zod writes it plainly: the
 * shape and the constraints are the same.
 */
export function inputSchemaOf(tool: Pick<ToolModel, 'params'>): Schema {
  return objectSchema(tool.params);
}

export function outputSchemaOf(output: OutputModel): Schema | undefined {
  return output.kind === 'object' ? objectSchema(output.properties) : undefined;
}

function objectSchema(props: ParamModel[]): Schema {
  const required = props.filter((p) => p.required && p.default === undefined).map((p) => p.name);
  return {
    type: 'object',
    properties: Object.fromEntries(props.map((p) => [p.name, paramSchema(p)])),
    ...(required.length ? { required } : {}),
  };
}

export function paramSchema(p: ParamModel): Schema {
  const s: Schema = {};
  switch (p.kind) {
    case 'string':
      s.type = 'string';
      if (p.format) s.format = p.format === 'uri' ? 'uri' : p.format;
      if (p.minLength !== undefined) s.minLength = p.minLength;
      if (p.maxLength !== undefined) s.maxLength = p.maxLength;
      if (p.pattern) s.pattern = p.pattern;
      break;
    case 'number':
    case 'integer':
      s.type = p.kind;
      if (p.minimum !== undefined) s.minimum = p.minimum;
      if (p.maximum !== undefined) s.maximum = p.maximum;
      break;
    case 'boolean':
      s.type = 'boolean';
      break;
    case 'enum':
      s.type = 'string';
      s.enum = [...(p.enumValues ?? [])];
      break;
    case 'array':
      s.type = 'array';
      s.items = p.items ? paramSchema(p.items) : {};
      break;
    case 'object':
      Object.assign(s, objectSchema(p.properties ?? []));
      break;
  }
  if (p.description) s.description = p.description;
  if (p.default !== undefined) s.default = p.default;
  return s;
}
