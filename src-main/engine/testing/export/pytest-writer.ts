import type { Assertion, TestCase } from '../../../../src-shared/api/schemas/testing';
import { withoutPointers } from '../json-values';
import { pyLiteral, str } from './code-literals';
import { expectedEnd, headerLines, type ExportInput, type ExportOutput } from './export-model';

/** Helpers a case may use, emitted once each, in this order, only when used. */
const HELPERS: Record<string, string[]> = {
  MISSING: ['MISSING = object()'],
  dump: ['def dump(items):', '    return [item.model_dump(mode="json", by_alias=True, exclude_none=True) for item in items]'],
  tool_document: [
    'def tool_document(result):',
    '    """The call\'s answer as MCP Lab\'s pointers and snapshots see it."""',
    '    document = {"content": dump(result.content), "isError": result.is_error}',
    '    if result.structured_content is not None:',
    '        document["structuredContent"] = result.structured_content',
    '    return document',
  ],
  resource_document: ['def resource_document(contents):', '    return {"contents": dump(contents)}'],
  tool_text: ['def tool_text(result):', '    return "\\n".join(block.text for block in result.content if getattr(block, "text", None))'],
  resource_text: ['def resource_text(contents):', '    return "\\n".join(item.text for item in contents if getattr(item, "text", None))'],
  prompt_document: [
    'def prompt_document(prompt):',
    '    document = {"messages": dump(prompt.messages)}',
    '    if prompt.description is not None:',
    '        document["description"] = prompt.description',
    '    return document',
  ],
  prompt_text: [
    'def prompt_text(prompt):',
    '    texts = [prompt.description or ""] + [getattr(m.content, "text", "") for m in prompt.messages]',
    '    return "\\n".join(t for t in texts if t)',
  ],
  at: [
    'def at(value, pointer):',
    '    """The value at a JSON pointer (RFC 6901), or MISSING."""',
    '    for raw in pointer.split("/")[1:]:',
    '        key = raw.replace("~1", "/").replace("~0", "~")',
    '        if isinstance(value, list) and key.isdigit() and int(key) < len(value):',
    '            value = value[int(key)]',
    '        elif isinstance(value, dict) and key in value:',
    '            value = value[key]',
    '        else:',
    '            return MISSING',
    '    return value',
  ],
  contains: [
    'def contains(expected, actual):',
    '    """Whether actual has every key of expected (nested); arrays item by item, of the same length."""',
    '    if isinstance(expected, dict):',
    '        return isinstance(actual, dict) and all(k in actual and contains(v, actual[k]) for k, v in expected.items())',
    '    if isinstance(expected, list):',
    '        return isinstance(actual, list) and len(actual) == len(expected) and all(contains(e, a) for e, a in zip(expected, actual))',
    '    return expected == actual',
  ],
  without: [
    'def without(value, pointers):',
    '    """A copy without the values at these pointers (the fields the snapshot ignores)."""',
    '    value = json.loads(json.dumps(value))',
    '    for pointer in pointers:',
    '        *parents, last = [k.replace("~1", "/").replace("~0", "~") for k in pointer.split("/")[1:]]',
    '        parent = at(value, "".join("/" + k.replace("~", "~0").replace("/", "~1") for k in parents))',
    '        if isinstance(parent, dict):',
    '            parent.pop(last, None)',
    '        elif isinstance(parent, list) and last.isdigit() and int(last) < len(parent):',
    '            del parent[int(last)]',
    '    return value',
  ],
  as_text: ['def as_text(value):', '    return value if isinstance(value, str) else json.dumps(value, separators=(",", ":"))'],
};
const NEEDS: Record<string, string[]> = {
  tool_document: ['dump'],
  prompt_document: ['dump'],
  at: ['MISSING'],
  without: ['at', 'MISSING'],
  resource_document: ['dump'],
};

/**
 * A pytest file for a FastMCP server: FastMCP's in-memory `Client(mcp)`, as the FastMCP guide
 * tests. One session for the module (setup once, cases in order, as MCP Lab runs a suite), one
 * test function per case; the asserts are plain `assert`s.
 */
export function writePytest(input: ExportInput): ExportOutput {
  const warnings: string[] = [];
  const used = new Set<string>();
  const imports = new Set<string>(['pytest', 'fastmcp']);
  const names = new Set<string>();
  const tests = input.suite.cases.map((c, i) => testFunction(c, i, { input, used, imports, names, warnings }));
  for (const h of [...used]) for (const n of NEEDS[h] ?? []) used.add(n);
  if (used.has('without') || used.has('as_text')) imports.add('json');

  const lines: string[] = headerLines(input, 'pytest and FastMCP').map((l) => `# ${l}`.trimEnd());
  if (!input.serverImport.ok)
    lines.push('#', `# TODO: ${input.serverImport.reason}.`, '# Import your FastMCP server object below as `mcp`, then run pytest.');
  if (warnings.length) lines.push('#', '# Not exported:', ...warnings.map((w) => `#   ${w}`));
  lines.push('');
  if (imports.has('json')) lines.push('import json');
  if (imports.has('re')) lines.push('import re');
  if (imports.has('json') || imports.has('re')) lines.push('');
  if (imports.has('jsonschema')) lines.push('import jsonschema');
  lines.push('import pytest', 'from fastmcp import Client');
  if (imports.has('McpError')) lines.push('from mcp.shared.exceptions import McpError');
  lines.push('');
  lines.push(...(input.serverImport.ok ? input.serverImport.lines : ['from server import mcp  # TODO: see the top of this file']));
  const server = input.serverImport.ok ? input.serverImport.server : 'mcp';
  lines.push('', 'pytestmark = pytest.mark.anyio', '', '');
  lines.push('@pytest.fixture(scope="module")', 'def anyio_backend():', '    return "asyncio"', '', '');
  lines.push('@pytest.fixture(scope="module")', 'async def client():');
  lines.push('    """One session for the whole suite, as MCP Lab runs it: the setup steps first, then the cases in order."""');
  lines.push(`    async with Client(${server}) as client:`);
  for (const step of input.suite.setup) lines.push(`        ${setupCall(step)}`);
  lines.push('        yield client', '');
  for (const name of Object.keys(HELPERS)) if (used.has(name)) lines.push('', ...HELPERS[name]!, '');
  for (const t of tests) lines.push('', ...t, '');
  return {
    text:
      lines
        .join('\n')
        .replace(/\n{3,}/g, '\n\n\n')
        .trimEnd() + '\n',
    warnings,
  };
}

interface Ctx {
  input: ExportInput;
  used: Set<string>;
  imports: Set<string>;
  names: Set<string>;
  warnings: string[];
}

function setupCall(step: {
  tool?: string | undefined;
  resource?: string | undefined;
  prompt?: string | undefined;
  arguments?: Record<string, unknown> | undefined;
}): string {
  if (step.tool !== undefined) return `await client.call_tool(${str(step.tool, 'python')}, ${pyLiteral(step.arguments ?? {}, 8)})`;
  if (step.resource !== undefined) return `await client.read_resource(${str(step.resource, 'python')})`;
  return `await client.get_prompt(${str(step.prompt!, 'python')}, ${pyLiteral(promptArgs(step.arguments), 8)})`;
}

/** Prompt arguments are strings in MCP: MCP Lab sends a number written in the suite as its text. */
function promptArgs(args: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(args ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
}

function functionName(name: string, names: Set<string>): string {
  const base = `test_${
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'case'
  }`.slice(0, 80);
  let n = base;
  for (let i = 2; names.has(n); i++) n = `${base}_${i}`;
  names.add(n);
  return n;
}

function testFunction(c: TestCase, index: number, ctx: Ctx): string[] {
  const out: string[] = [];
  const fn = functionName(c.name, ctx.names);
  const end = expectedEnd(c);
  if (c.skip) out.push('@pytest.mark.skip(reason="skipped in the suite")');
  else if (end.kind === 'unsupported') {
    ctx.warnings.push(`case ${index + 1} "${c.name}" ${end.why} (skipped)`);
    out.push(`@pytest.mark.skip(reason=${str(`not exported: ${end.why}`, 'python')})`);
  }
  out.push(`async def ${fn}(client):`);
  out.push(`    """${c.name.replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"')}"""`);
  const kind = c.tool !== undefined ? 'tool' : c.resource !== undefined ? 'resource' : 'prompt';
  const variable = kind === 'tool' ? 'result' : kind === 'resource' ? 'contents' : 'prompt';
  const call =
    kind === 'tool'
      ? `await client.call_tool(${str(c.tool!, 'python')}, ${pyLiteral(c.arguments ?? {}, 4)}, raise_on_error=False)`
      : kind === 'resource'
        ? `await client.read_resource(${str(c.resource!, 'python')})`
        : `await client.get_prompt(${str(c.prompt!, 'python')}, ${pyLiteral(promptArgs(c.arguments), 4)})`;
  let doc: string;
  let text: string;
  let status: string;
  if (end.kind === 'protocolError') {
    ctx.imports.add('McpError');
    out.push('    with pytest.raises(McpError) as raised:', `        ${call}`);
    if (end.code !== undefined) out.push(`    assert raised.value.error.code == ${end.code}`);
    doc = '{"code": raised.value.error.code, "message": raised.value.error.message}';
    text = 'raised.value.error.message';
    status = '"protocolError"';
  } else {
    out.push(`    ${variable} = ${call}`);
    doc = `${kind}_document(${variable})`;
    text = `${kind}_text(${variable})`;
    status = kind === 'tool' ? '"toolError" if result.is_error else "ok"' : '"ok"';
    if (end.kind === 'answer' && kind === 'tool' && end.isError !== undefined) {
      ctx.used.add('tool_text');
      out.push(end.isError ? '    assert result.is_error' : '    assert not result.is_error, tool_text(result)');
    }
  }
  const useDoc = () => (end.kind !== 'protocolError' && ctx.used.add(`${kind}_document`), doc);
  const useText = () => (end.kind !== 'protocolError' && ctx.used.add(`${kind}_text`), text);
  for (const a of c.expect) {
    const line = assertion(a, c, { ...ctx, doc: useDoc, text: useText, status, protocolError: end.kind === 'protocolError' }, index);
    out.push(...line.map((l) => `    ${l}`));
  }
  return out;
}

function assertion(
  a: Assertion,
  c: TestCase,
  x: Ctx & { doc: () => string; text: () => string; status: string; protocolError: boolean },
  index: number,
): string[] {
  if ('status' in a) return [];
  if ('structuredContent' in a) {
    if (c.tool === undefined || x.protocolError) return [`# structuredContent: not exported (no tool answer to read it from)`];
    if (a.match === 'subset') {
      x.used.add('contains');
      return [`assert contains(${pyLiteral(a.structuredContent, 4)}, result.structured_content)`];
    }
    return [`assert result.structured_content == ${pyLiteral(a.structuredContent, 4)}`];
  }
  if ('textContains' in a) return [`assert ${str(a.textContains, 'python')} in ${x.text()}`];
  if ('textMatches' in a) {
    x.imports.add('re');
    return [`assert re.search(${pattern(a.textMatches)}, ${x.text()}${pyFlags(a.flags)})`];
  }
  if ('pointer' in a) {
    x.used.add('at');
    const got = `at(${x.doc()}, ${str(a.pointer, 'python')})`;
    if (a.exists === false) return [`assert ${got} is MISSING`];
    if (a.equals !== undefined) return [`assert ${got} == ${pyLiteral(a.equals, 4)}`];
    if (a.subset !== undefined) {
      x.used.add('contains');
      return [`assert contains(${pyLiteral(a.subset, 4)}, ${got})`];
    }
    if (a.matches !== undefined) {
      x.used.add('as_text');
      x.imports.add('re');
      return [`assert re.search(${pattern(a.matches)}, as_text(${got}))`];
    }
    return [`assert ${got} is not MISSING`];
  }
  if ('outputSchema' in a) {
    if (c.tool === undefined || x.protocolError) return ['# outputSchema: not exported (no tool answer)'];
    x.imports.add('jsonschema');
    return [
      `tool = next(t for t in await client.list_tools() if t.name == ${str(c.tool, 'python')})`,
      'jsonschema.validate(result.structured_content, tool.outputSchema)',
    ];
  }
  if ('maxLatencyMs' in a) {
    x.warnings.push(
      `case ${index + 1} "${c.name}": the latency bound (${a.maxLatencyMs} ms) measures the transport, which an in-memory client does not have`,
    );
    return [`# maxLatencyMs ${a.maxLatencyMs}: not exported (an in-memory call does not measure the transport)`];
  }
  const key = a.snapshot === true ? c.name : a.snapshot;
  const stored = x.input.snapshot(key);
  if (stored === undefined) {
    x.warnings.push(
      `case ${index + 1} "${c.name}": snapshot "${key}" has no stored value yet (run the suite once in MCP Lab, then export again)`,
    );
    return [`# TODO: snapshot ${str(key, 'python')} had no stored value when this file was exported`];
  }
  const ignore = a.ignore ?? [];
  let actual = `{"status": ${x.status}, **${x.doc()}}`;
  if (x.protocolError) actual = `{"status": "protocolError", **${x.doc()}}`;
  if (ignore.length) {
    x.used.add('without');
    actual = `without(${actual}, ${pyLiteral(ignore, 4)})`;
  }
  return [`# snapshot ${str(key, 'python')}, inline`, `assert ${actual} == ${pyLiteral(withoutPointers(stored, ignore), 4)}`];
}

/** A regular expression as a Python string: raw when that reads the same. */
function pattern(p: string): string {
  return /["\n\r]|\\$/.test(p) ? JSON.stringify(p) : `r"${p}"`;
}

function pyFlags(flags: string | undefined): string {
  const f = [...(flags ?? '')].flatMap((c) =>
    c === 'i' ? ['re.IGNORECASE'] : c === 'm' ? ['re.MULTILINE'] : c === 's' ? ['re.DOTALL'] : [],
  );
  return f.length ? `, ${f.join(' | ')}` : '';
}
