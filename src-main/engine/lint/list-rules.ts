import type { DeprecatedFeatureId } from '../../../src-shared/api/schemas/deprecation';
import type { LintFinding } from '../../../src-shared/api/schemas/lint';
import type { PromptInfo } from '../../../src-shared/api/schemas/prompt';
import type { ResourceInfo, ResourceTemplateInfo } from '../../../src-shared/api/schemas/resource';
import type { ToolInfo } from '../../../src-shared/api/schemas/tool';
import { deref, withoutNull } from '../../../src-shared/json-schema/refs';
import { primaryType } from '../../../src-shared/json-schema/schema-node';

type Json = Record<string, unknown>;
/** A finding before the linter adds the rule's severity, category and rationale. */
/** `feature`: a use of a deprecated feature found in the source (goes to the report's deprecations, not its findings). */
export type RawFinding = Pick<LintFinding, 'ruleId' | 'message'> &
  Partial<Pick<LintFinding, 'target' | 'location'>> & { feature?: DeprecatedFeatureId };

const MIN_DESCRIPTION = 20;
const HUGE_SCHEMA_BYTES = 16 * 1024;
const HUGE_SCHEMA_PROPERTIES = 40;
/** Parameter names that are counts, limits, sizes or durations: ranges are natural for them. */
const COUNT_WORDS = new Set([
  'limit',
  'count',
  'max',
  'min',
  'size',
  'page',
  'pages',
  'topk',
  'k',
  'num',
  'results',
  'retries',
  'attempts',
  'timeout',
  'seconds',
  'secs',
  'minutes',
  'hours',
  'days',
  'ms',
  'offset',
  'depth',
  'width',
  'height',
  'length',
  'n',
  'quantity',
  'batch',
  'items',
  'level',
]);
function countLike(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/top_k/g, 'topk')
    .split(/[_\-\s]+/);
  return words.some((w) => COUNT_WORDS.has(w));
}
const CATCH_ALL_NAME =
  /^(do|run|execute|exec|handle|process|perform|invoke|dispatch)([_-]?(it|all|anything|everything|action|command|request|task|query))?$|everything|anything|^generic[_-]|^universal[_-]/i;
const ACTION_PARAM = /^(action|operation|op|command|cmd|method|mode|kind)$/i;

function style(name: string): 'snake' | 'camel' | 'kebab' | 'lower' | 'other' {
  if (/^[a-z0-9]+$/.test(name)) return 'lower';
  if (/^[a-z0-9]+(_[a-z0-9]+)+$/.test(name)) return 'snake';
  if (/^[a-z][a-z0-9]*([A-Z][a-z0-9]*)+$/.test(name)) return 'camel';
  if (/^[a-z0-9]+(-[a-z0-9]+)+$/.test(name)) return 'kebab';
  return 'other';
}

function hasAnyType(s: Json): boolean {
  return ['type', 'enum', 'const', '$ref', 'anyOf', 'oneOf', 'allOf', 'properties', 'items'].some((k) => k in s);
}

function weak(description: string, name: string): boolean {
  const d = description.trim();
  const words = name
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return d.length < MIN_DESCRIPTION || d.toLowerCase().replace(/[.!]$/, '') === words;
}

/** Rules that read only what the server lists: descriptions, schemas, names. */
export function lintLists(
  tools: ToolInfo[],
  resources: ResourceInfo[],
  templates: ResourceTemplateInfo[],
  prompts: PromptInfo[],
): RawFinding[] {
  const out: RawFinding[] = [];
  const paramStyles = new Map<string, string[]>();
  for (const tool of tools) {
    const t = { kind: 'tool' as const, name: tool.name };
    const desc = tool.description?.trim() ?? '';
    if (!desc) out.push({ ruleId: 'tool-description-missing', message: `tool "${tool.name}" has no description`, target: t });
    else if (weak(desc, tool.name))
      out.push({
        ruleId: 'tool-description-weak',
        message: `tool "${tool.name}": "${desc}" says too little (${desc.length} characters)`,
        target: t,
      });

    const root = tool.inputSchema;
    const size = JSON.stringify(root).length;
    const props = (deref(root, root).properties ?? {}) as Record<string, Json>;
    const names = Object.keys(props);
    if (size > HUGE_SCHEMA_BYTES || names.length > HUGE_SCHEMA_PROPERTIES) {
      out.push({
        ruleId: 'schema-huge',
        message: `tool "${tool.name}" has an input schema of ${Math.round(size / 1024)} KiB with ${names.length} parameters`,
        target: t,
      });
    }
    let freeForm = false;
    for (const [name, raw] of Object.entries(props)) {
      if (typeof raw !== 'object' || raw === null) continue;
      const p = { ...t, param: name };
      const s = withoutNull(root, raw);
      for (const st of [style(name)])
        if (st !== 'lower' && st !== 'other') (paramStyles.get(st) ?? paramStyles.set(st, []).get(st)!).push(`${tool.name}.${name}`);
      if (!(s.description ?? raw.description))
        out.push({
          ruleId: 'param-description-missing',
          message: `parameter "${name}" of tool "${tool.name}" has no description`,
          target: p,
        });
      if (!hasAnyType(s)) {
        out.push({
          ruleId: 'param-type-missing',
          message: `parameter "${name}" of tool "${tool.name}" has no type: it accepts anything`,
          target: p,
        });
        continue;
      }
      const type = primaryType(s);
      if (
        type === 'string' &&
        !('enum' in s) &&
        !('const' in s) &&
        s.format === undefined &&
        s.pattern === undefined &&
        s.maxLength === undefined
      ) {
        out.push({
          ruleId: 'string-unconstrained',
          message: `string parameter "${name}" of tool "${tool.name}" has no maxLength (nor enum, format or pattern)`,
          target: p,
        });
      }
      if ((type === 'integer' || type === 'number') && countLike(name) && !('enum' in s)) {
        const lo = s.minimum !== undefined || s.exclusiveMinimum !== undefined;
        const hi = s.maximum !== undefined || s.exclusiveMaximum !== undefined;
        if (!lo || !hi)
          out.push({
            ruleId: 'number-unconstrained',
            message: `"${name}" of tool "${tool.name}" looks like a count or size but has no ${!lo && !hi ? 'minimum or maximum' : !lo ? 'minimum' : 'maximum'}`,
            target: p,
          });
      }
      if (type === 'object' && !s.properties && !s.$ref && !s.anyOf && !s.oneOf && !s.allOf) {
        freeForm = true;
        out.push({
          ruleId: 'object-free-form',
          message: `parameter "${name}" of tool "${tool.name}" is an object with no declared properties`,
          target: p,
        });
      }
      if (type === 'string' && ACTION_PARAM.test(name) && !('enum' in s) && !('const' in s)) freeForm = true;
    }
    if (
      CATCH_ALL_NAME.test(tool.name) ||
      (freeForm &&
        names.length <= 2 &&
        names.some((n) => ACTION_PARAM.test(n) || /^(data|payload|params|args|input|options|kwargs)$/i.test(n)))
    ) {
      out.push({
        ruleId: 'tool-catch-all',
        message: `tool "${tool.name}" looks like a catch-all (one tool, many unrelated actions behind a free-form input)`,
        target: t,
      });
    }
  }

  const toolStyles = new Map<string, string[]>();
  for (const tool of tools) {
    const st = style(tool.name);
    if (st !== 'lower' && st !== 'other') (toolStyles.get(st) ?? toolStyles.set(st, []).get(st)!).push(tool.name);
  }
  if (toolStyles.size > 1) out.push({ ruleId: 'naming-inconsistent', message: `tool names mix ${describeStyles(toolStyles)}` });
  if (paramStyles.size > 1) out.push({ ruleId: 'naming-inconsistent', message: `parameter names mix ${describeStyles(paramStyles)}` });

  for (const pr of prompts) {
    if (!pr.description?.trim())
      out.push({
        ruleId: 'prompt-description-missing',
        message: `prompt "${pr.name}" has no description`,
        target: { kind: 'prompt', name: pr.name },
      });
    for (const a of pr.arguments ?? []) {
      if (!a.description?.trim())
        out.push({
          ruleId: 'prompt-description-missing',
          message: `argument "${a.name}" of prompt "${pr.name}" has no description`,
          target: { kind: 'prompt', name: pr.name, param: a.name },
        });
    }
  }
  for (const r of resources) {
    if (!r.title?.trim() && !r.description?.trim())
      out.push({
        ruleId: 'resource-description-missing',
        message: `resource "${r.name}" (${r.uri}) has neither a title nor a description`,
        target: { kind: 'resource', name: r.name },
      });
  }
  for (const r of templates) {
    if (!r.title?.trim() && !r.description?.trim())
      out.push({
        ruleId: 'resource-description-missing',
        message: `resource template "${r.name}" (${r.uriTemplate}) has neither a title nor a description`,
        target: { kind: 'template', name: r.name },
      });
  }
  return out;
}

function describeStyles(m: Map<string, string[]>): string {
  return [...m.entries()]
    .map(([st, names]) =>
      `${st}_case (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''})`
        .replace('snake_case', 'snake_case')
        .replace('camel_case', 'camelCase')
        .replace('kebab_case', 'kebab-case'),
    )
    .join(' and ');
}
