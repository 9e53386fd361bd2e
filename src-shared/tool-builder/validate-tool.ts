import type { ParamModel, ToolModel } from './tool-model';

export type ToolLanguage = 'python' | 'typescript';

/** A mistake in the form, at a path the form can point at ("params.2.default"). */
export interface ToolIssue {
  path: string;
  message: string;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PY_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case type'.split(
    ' ',
  ),
);
const TS_RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await'.split(
    ' ',
  ),
);
/** MCP tool names: letters, digits, "_", "-", "." (1–128 characters). */
const TOOL_NAME = /^[A-Za-z0-9_.-]{1,128}$/;

/**
 * Catch what would make bad code or a bad schema before anything is written: invalid identifiers,
 * duplicate names, a default outside its range or not in the enum, min above max.
 */
export function validateTool(tool: ToolModel, language: ToolLanguage, otherToolNames: string[] = []): ToolIssue[] {
  const issues: ToolIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  if (!tool.name) add('name', 'A tool needs a name.');
  else if (language === 'python' && !IDENT.test(tool.name))
    add('name', `"${tool.name}" is not a valid Python function name: use letters, digits and _, not starting with a digit.`);
  else if (language === 'python' && PY_KEYWORDS.has(tool.name)) add('name', `"${tool.name}" is a Python keyword: pick another name.`);
  else if (!TOOL_NAME.test(tool.name)) add('name', `"${tool.name}" is not a valid tool name: use letters, digits, _, - and . only.`);
  if (otherToolNames.includes(tool.name)) add('name', `This server already has a tool named "${tool.name}".`);
  checkFields(tool.params, 'params', language, add, 'parameter');
  if (tool.output.kind === 'object') {
    if (tool.output.properties.length === 0) add('output', 'A structured result needs at least one field (or choose text).');
    checkFields(tool.output.properties, 'output.properties', language, add, 'field');
  }
  return issues;
}

function checkFields(params: ParamModel[], base: string, language: ToolLanguage, add: (p: string, m: string) => void, noun: string): void {
  const seen = new Set<string>();
  params.forEach((p, i) => {
    const at = `${base}.${i}`;
    if (!p.name) add(`${at}.name`, `Every ${noun} needs a name.`);
    else if (!IDENT.test(p.name))
      add(`${at}.name`, `"${p.name}" is not a valid identifier: use letters, digits and _, not starting with a digit.`);
    else if ((language === 'python' ? PY_KEYWORDS : TS_RESERVED).has(p.name))
      add(`${at}.name`, `"${p.name}" is a reserved word in ${language === 'python' ? 'Python' : 'TypeScript'}.`);
    else if (language === 'python' && p.name === 'ctx')
      add(`${at}.name`, '"ctx" is reserved for the FastMCP Context in tools: pick another name.');
    if (p.name && seen.has(p.name)) add(`${at}.name`, `There are two ${noun}s named "${p.name}".`);
    seen.add(p.name);
    checkParam(p, at, language, add);
  });
}

function checkParam(p: ParamModel, at: string, language: ToolLanguage, add: (path: string, m: string) => void): void {
  if (p.minimum !== undefined && p.maximum !== undefined && p.minimum > p.maximum)
    add(`${at}.maximum`, `The maximum (${p.maximum}) is below the minimum (${p.minimum}).`);
  if (p.minLength !== undefined && p.maxLength !== undefined && p.minLength > p.maxLength)
    add(`${at}.maxLength`, `The maximum length (${p.maxLength}) is below the minimum length (${p.minLength}).`);
  for (const k of ['minLength', 'maxLength'] as const)
    if (p[k] !== undefined && (!Number.isInteger(p[k]) || p[k]! < 0)) add(`${at}.${k}`, 'A length is a whole number, 0 or more.');
  for (const k of ['minimum', 'maximum'] as const) {
    if (p[k] !== undefined && !Number.isFinite(p[k])) add(`${at}.${k}`, 'Enter a finite number.');
    else if (p[k] !== undefined && p.kind === 'integer' && !Number.isInteger(p[k]))
      add(`${at}.${k}`, 'An integer parameter needs whole-number bounds.');
  }
  let regex: RegExp | undefined;
  if (p.pattern) {
    try {
      regex = new RegExp(p.pattern, 'u');
    } catch (e) {
      add(`${at}.pattern`, `The pattern is not a valid regular expression: ${(e as Error).message}`);
    }
  }
  if (p.kind === 'enum') {
    const values = p.enumValues ?? [];
    if (values.length === 0) add(`${at}.enumValues`, 'An enum needs at least one value.');
    if (new Set(values).size !== values.length) add(`${at}.enumValues`, 'The enum lists a value twice.');
    if (values.some((v) => v === '')) add(`${at}.enumValues`, 'An enum value cannot be empty.');
  }
  if (p.kind === 'array') {
    if (!p.items) add(`${at}.items`, 'Choose what the list holds.');
    else checkParam(p.items, `${at}.items`, language, add);
  }
  if (p.kind === 'object') {
    if (!p.properties?.length) add(`${at}.properties`, 'An object needs at least one field.');
    else checkFields(p.properties, `${at}.properties`, language, add, 'field');
    if (p.default !== undefined) add(`${at}.default`, 'An object parameter cannot have a default: make it optional instead.');
  }
  if (p.default !== undefined) {
    const problem = defaultProblem(p, p.default, regex);
    if (problem) add(`${at}.default`, problem);
  }
}

function defaultProblem(p: ParamModel, v: unknown, regex: RegExp | undefined): string | undefined {
  switch (p.kind) {
    case 'string':
      if (typeof v !== 'string') return 'The default must be text.';
      if (p.minLength !== undefined && v.length < p.minLength) return `The default is shorter than the minimum length (${p.minLength}).`;
      if (p.maxLength !== undefined && v.length > p.maxLength) return `The default is longer than the maximum length (${p.maxLength}).`;
      if (regex && !regex.test(v)) return `The default does not match the pattern ${p.pattern}.`;
      if (p.format) return 'A formatted string (date, URI, UUID) cannot have a default here: make it optional instead.';
      return undefined;
    case 'number':
    case 'integer':
      if (typeof v !== 'number' || !Number.isFinite(v)) return 'The default must be a number.';
      if (p.kind === 'integer' && !Number.isInteger(v)) return 'The default must be a whole number.';
      if (p.minimum !== undefined && v < p.minimum) return `The default ${v} is below the minimum (${p.minimum}).`;
      if (p.maximum !== undefined && v > p.maximum) return `The default ${v} is above the maximum (${p.maximum}).`;
      return undefined;
    case 'boolean':
      return typeof v === 'boolean' ? undefined : 'The default must be true or false.';
    case 'enum':
      return typeof v === 'string' && (p.enumValues ?? []).includes(v)
        ? undefined
        : `The default must be one of the enum values (${(p.enumValues ?? []).join(', ')}).`;
    case 'array': {
      if (!Array.isArray(v)) return 'The default must be a list.';
      if (!p.items || p.items.kind === 'object' || p.items.kind === 'array')
        return v.length ? 'Only an empty list can be the default of a list of objects or lists.' : undefined;
      for (const el of v) {
        const pr = defaultProblem(p.items, el, p.items.pattern ? safeRegex(p.items.pattern) : undefined);
        if (pr) return `An element of the default list is wrong: ${pr}`;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

function safeRegex(p: string): RegExp | undefined {
  try {
    return new RegExp(p, 'u');
  } catch {
    return undefined;
  }
}
