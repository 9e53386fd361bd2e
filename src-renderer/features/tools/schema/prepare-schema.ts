import { type CutReason, expandRefs } from '../../../../src-shared/json-schema/refs';
import { sampleValue } from '../../../../src-shared/json-schema/sample-values';
import {
  type JsonSchema,
  SUBSCHEMA_LISTS,
  SUBSCHEMA_MAPS,
  SUBSCHEMA_ONE,
  isNullSchema,
  isSchemaObject,
} from '../../../../src-shared/json-schema/schema-node';

/** Marks a field that also accepts null: the form shows the field plus a "null" toggle. */
export const NULLABLE_KEY = 'x-mcplab-nullable';

/**
 * Marks where the form stops expanding (a recursive type past its first levels, a reference it
 * cannot follow): that part is edited as JSON. The value says why and gives a starting example.
 */
export const JSON_FIELD_KEY = 'x-mcplab-json';

export interface JsonFieldMark {
  reason: CutReason;
  /** A small valid value of the shape, when one can be made (a starting point, never filled in by itself). */
  example?: unknown;
}

/** How many levels of a recursive type the form shows before the deeper part becomes a JSON field. */
export const FORM_RECURSION_LEVELS = 3;

export interface PreparedSchema {
  /** What the form renders: refs inlined, nullables flattened, `prefixItems` as tuple `items`. */
  form: JsonSchema;
  /** What arguments are checked against: the server's own schema, untouched. */
  validation: JsonSchema;
  warnings: string[];
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

/** A new list item starts as the example (the form library would otherwise add an empty slot). */
function itemWithExample(item: unknown): unknown {
  if (!isSchemaObject(item) || item.default !== undefined) return item;
  const mark = item[JSON_FIELD_KEY] as JsonFieldMark | undefined;
  return mark?.example !== undefined ? { ...item, default: mark.example } : item;
}

/**
 * `{description, allOf: [X]}` as X with the description: how zod (draft-07, where keywords beside a
 * `$ref` do not count) describes a reference. One shape is easier to show than an intersection.
 */
function singleAllOf(node: JsonSchema): JsonSchema {
  if (!Array.isArray(node.allOf) || node.allOf.length !== 1 || !isSchemaObject(node.allOf[0])) return node;
  const { allOf, ...outer } = node;
  return singleAllOf({ ...(allOf as JsonSchema[])[0], ...outer });
}

function normalize(input: unknown): unknown {
  if (!isSchemaObject(input)) return input;
  // Twice: `{anyOf: [{allOf: [X]}, null]}` (a described, nullable reference) becomes `{allOf: [X]}` + null first.
  const node = tupleItems(singleAllOf(flattenNullable(singleAllOf(input))));
  if (isSchemaObject(node.items)) node.items = itemWithExample(node.items);
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

/** Keywords a JSON field keeps from the node it replaces: what labels it. */
const LABEL_KEYWORDS = ['title', 'description', 'default'];

/**
 * Turn a tool's input schema, whatever generated it (pydantic, zod 3, zod 4, hand-written), into
 * something a form renders well: references inlined, and finite. A recursive type (a tree, a
 * linked list) is shown for FORM_RECURSION_LEVELS levels; below them a JSON field takes the rest,
 * so the form never grows without end. The original is kept for validation.
 */
export function prepareToolSchema(inputSchema: unknown): PreparedSchema {
  const validation: JsonSchema = isSchemaObject(inputSchema) ? inputSchema : {};
  const example = (node: JsonSchema, reason: CutReason): unknown =>
    node.default !== undefined
      ? node.default
      : reason === 'remote'
        ? undefined
        : sampleValue(validation, node, { random: () => 0, minimal: true });
  const { schema: resolved, warnings } = expandRefs(validation, {
    maxRecursion: FORM_RECURSION_LEVELS,
    keepDefinitions: false,
    cut: (node, reason) => {
      const mark: JsonFieldMark = { reason };
      const ex = example(node, reason);
      if (ex !== undefined) mark.example = ex;
      const kept = Object.fromEntries(LABEL_KEYWORDS.filter((k) => node[k] !== undefined).map((k) => [k, node[k]]));
      return { ...kept, [JSON_FIELD_KEY]: mark };
    },
  });
  const form = normalize(resolved) as JsonSchema;
  // The console header already shows the tool's name and description.
  delete form.title;
  delete form.description;
  if (form.type === undefined && (isSchemaObject(form.properties) || !('anyOf' in form || 'oneOf' in form))) form.type = 'object';
  return { form, validation, warnings };
}
