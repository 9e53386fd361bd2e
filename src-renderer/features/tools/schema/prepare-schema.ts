import { type JsonSchema, isSchemaObject } from './json-schema';
import { resolveLocalRefs } from './resolve-refs';

/** Marks a field that also accepts null: the form shows the field plus a "null" toggle. */
export const NULLABLE_KEY = 'x-mcplab-nullable';

export interface PreparedSchema {
  /** What the form renders: refs inlined, nullables flattened, `prefixItems` as tuple `items`. */
  form: JsonSchema;
  /** What arguments are checked against: the server's own schema, untouched. */
  validation: JsonSchema;
  warnings: string[];
}

const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const SUBSCHEMA_ONE = ['items', 'additionalProperties', 'additionalItems', 'contains', 'not', 'if', 'then', 'else', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems'];
const SUBSCHEMA_LISTS = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];

function isNullSchema(s: unknown): boolean {
  if (!isSchemaObject(s)) return false;
  if (s.type === 'null') return true;
  if ('const' in s && s.const === null) return true;
  return Array.isArray(s.enum) && s.enum.length === 1 && s.enum[0] === null;
}

/** Flatten "X or null" into X + NULLABLE_KEY, for the node itself (not its children). */
function flattenNullable(input: JsonSchema): JsonSchema {
  let node = { ...input };
  let nullable = node[NULLABLE_KEY] === true;

  if (Array.isArray(node.type) && node.type.includes('null')) {
    const rest = node.type.filter((t) => t !== 'null');
    if (rest.length > 0) {
      node.type = rest.length === 1 ? rest[0] : rest;
      nullable = true;
    }
  }
  if (Array.isArray(node.enum) && node.enum.includes(null) && node.enum.length > 1) {
    node.enum = node.enum.filter((v) => v !== null);
    nullable = true;
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = node[key];
    if (!Array.isArray(branches) || !branches.some(isNullSchema)) continue;
    const rest = branches.filter((b) => !isNullSchema(b));
    if (rest.length === 0) continue; // only null: leave it as it is
    nullable = true;
    const { [key]: _dropped, ...parent } = node;
    if (rest.length === 1 && isSchemaObject(rest[0])) {
      // The parent's title/description/default describe the field better than the branch.
      node = flattenNullable({ ...rest[0], ...parent });
    } else {
      node = { ...parent, [key]: rest };
    }
  }
  if (nullable) node[NULLABLE_KEY] = true;
  return node;
}

/** 2020-12 tuples (`prefixItems` + `items`) as the draft-07 form the form library understands. */
function tupleItems(node: JsonSchema): JsonSchema {
  if (!Array.isArray(node.prefixItems)) return node;
  const { prefixItems, items, ...rest } = node;
  const out: JsonSchema = { ...rest, items: prefixItems };
  if (items !== undefined) out.additionalItems = items;
  else if (!('additionalItems' in rest)) out.additionalItems = false;
  return out;
}

function normalize(input: unknown): unknown {
  if (!isSchemaObject(input)) return input;
  const node = tupleItems(flattenNullable(input));
  for (const k of SUBSCHEMA_MAPS) {
    const m = node[k];
    if (isSchemaObject(m)) node[k] = Object.fromEntries(Object.entries(m).map(([name, s]) => [name, normalize(s)]));
  }
  for (const k of SUBSCHEMA_ONE) {
    if (k in node) node[k] = Array.isArray(node[k]) ? (node[k] as unknown[]).map(normalize) : normalize(node[k]);
  }
  for (const k of SUBSCHEMA_LISTS) {
    if (Array.isArray(node[k])) node[k] = (node[k] as unknown[]).map(normalize);
  }
  return node;
}

/**
 * Turn a tool's input schema, whatever generated it (pydantic, zod 3, zod 4, hand-written), into
 * something a form renders well. The original is kept for validation.
 */
export function prepareToolSchema(inputSchema: unknown): PreparedSchema {
  const validation: JsonSchema = isSchemaObject(inputSchema) ? inputSchema : {};
  const { schema: resolved, warnings } = resolveLocalRefs(validation);
  const form = normalize(resolved) as JsonSchema;
  // The console header already shows the tool's name and description.
  delete form.title;
  delete form.description;
  if (form.type === undefined && (isSchemaObject(form.properties) || !('anyOf' in form || 'oneOf' in form))) form.type = 'object';
  return { form, validation, warnings };
}
