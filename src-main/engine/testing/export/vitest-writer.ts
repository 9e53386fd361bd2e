import type { Assertion, TestCase } from '../../../../src-shared/api/schemas/testing';
import { withoutPointers } from '../json-values';
import { str, tsLiteral } from './code-literals';
import { expectedEnd, headerLines, type ExportInput, type ExportOutput } from './export-model';

/** Helpers a case may use, emitted once each, in this order, only when used. */
const HELPERS: Record<string, string[]> = {
  MISSING: ["const MISSING = Symbol('missing');"],
  toolDocument: [
    "/** The call's answer as MCP Lab's pointers and snapshots see it. */",
    'const toolDocument = (r: CallToolResult) => ({ content: r.content, ...(r.structuredContent !== undefined ? { structuredContent: r.structuredContent } : {}), isError: r.isError === true });',
  ],
  toolText: [
    "const toolText = (r: CallToolResult) => r.content.map((b) => (b.type === 'text' ? b.text : '')).filter(Boolean).join('\\n');",
  ],
  resourceDocument: ['const resourceDocument = (r: ReadResourceResult) => ({ contents: r.contents });'],
  resourceText: [
    "const resourceText = (r: ReadResourceResult) => r.contents.map((c) => ('text' in c ? c.text : '')).filter(Boolean).join('\\n');",
  ],
  promptDocument: [
    'const promptDocument = (r: GetPromptResult) => ({ ...(r.description !== undefined ? { description: r.description } : {}), messages: r.messages });',
  ],
  promptText: [
    'const promptText = (r: GetPromptResult) =>',
    "  [r.description ?? '', ...r.messages.map((m) => (m.content.type === 'text' ? m.content.text : ''))].filter(Boolean).join('\\n');",
  ],
  at: [
    '/** The value at a JSON pointer (RFC 6901), or MISSING. */',
    'function at(value: unknown, pointer: string): unknown {',
    "  for (const raw of pointer.split('/').slice(1)) {",
    "    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');",
    "    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return MISSING;",
    '    value = (value as Record<string, unknown>)[key];',
    '  }',
    '  return value;',
    '}',
  ],
  without: [
    '/** A copy without the values at these pointers (the fields the snapshot ignores). */',
    'function without(value: unknown, pointers: string[]): unknown {',
    '  const copy: unknown = JSON.parse(JSON.stringify(value));',
    '  for (const pointer of pointers) {',
    "    const parts = pointer.split('/');",
    "    const last = parts.pop()!.replace(/~1/g, '/').replace(/~0/g, '~');",
    "    const parent = at(copy, parts.join('/'));",
    '    if (Array.isArray(parent)) parent.splice(Number(last), 1);',
    "    else if (typeof parent === 'object' && parent !== null) delete (parent as Record<string, unknown>)[last];",
    '  }',
    '  return copy;',
    '}',
  ],
  asText: ["const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));"],
};
const NEEDS: Record<string, string[]> = { at: ['MISSING'], without: ['at', 'MISSING'] };

/**
 * A vitest file for a server on the MCP TypeScript SDK: the SDK's in-memory transport pair and
 * the server object the project exports. One session for the file (setup once, cases in order,
 * as MCP Lab runs a suite), one `it` per case; the checks are vitest's own `expect`s.
 */
export function writeVitest(input: ExportInput): ExportOutput {
  const warnings: string[] = [];
  const used = new Set<string>();
  const types = new Set<string>();
  const sdk = { McpError: false, listTools: false };
  const tests = input.suite.cases.map((c, i) => testCase(c, i, { input, used, types, sdk, warnings }));
  for (const h of [...used]) for (const n of NEEDS[h] ?? []) used.add(n);

  const lines: string[] = headerLines(input, 'vitest and the MCP TypeScript SDK').map((l) => `// ${l}`.trimEnd());
  if (!input.serverImport.ok)
    lines.push(
      '//',
      `// TODO: ${input.serverImport.reason}.`,
      '// Import your server below (an McpServer, or a function that makes one), then run vitest.',
    );
  if (warnings.length) lines.push('//', '// Not exported:', ...warnings.map((w) => `//   ${w}`));
  lines.push(
    "import { Client } from '@modelcontextprotocol/sdk/client/index.js';",
    "import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';",
  );
  const typeNames = [...types].sort();
  if (sdk.McpError)
    lines.push(`import { McpError${typeNames.map((t) => `, type ${t}`).join('')} } from '@modelcontextprotocol/sdk/types.js';`);
  else if (typeNames.length) lines.push(`import type { ${typeNames.join(', ')} } from '@modelcontextprotocol/sdk/types.js';`);
  lines.push("import { afterAll, beforeAll, describe, expect, it } from 'vitest';");
  lines.push(
    ...(input.serverImport.ok
      ? input.serverImport.lines
      : ["import { createServer } from '../src/server.js'; // TODO: see the top of this file"]),
  );
  const server = input.serverImport.ok ? input.serverImport.server : 'createServer()';
  lines.push(
    '',
    'let client: Client;',
    '',
    '// One session for the whole suite, as MCP Lab runs it: the setup steps first, then the cases in order.',
    'beforeAll(async () => {',
  );
  lines.push('  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();', `  await ${server}.connect(serverSide);`);
  lines.push("  client = new Client({ name: 'mcp-lab-export', version: '1.0.0' });", '  await client.connect(clientSide);');
  if (sdk.listTools)
    lines.push(
      "  // Listing the tools lets the SDK's client check structuredContent against each outputSchema.",
      '  await client.listTools();',
    );
  input.suite.setup.forEach((step, i) => {
    if (step.tool !== undefined) {
      lines.push(
        `  const setup${i + 1} = await client.callTool({ name: ${str(step.tool, 'typescript')}, arguments: ${tsLiteral(step.arguments ?? {}, 2)} });`,
      );
      lines.push(
        `  if (setup${i + 1}.isError) throw new Error(${str(`setup step ${i + 1} (tool ${step.tool}) answered with a tool error`, 'typescript')});`,
      );
    } else if (step.resource !== undefined) lines.push(`  await client.readResource({ uri: ${str(step.resource, 'typescript')} });`);
    else
      lines.push(
        `  await client.getPrompt({ name: ${str(step.prompt!, 'typescript')}, arguments: ${tsLiteral(promptArgs(step.arguments), 2)} });`,
      );
  });
  lines.push('});', '', 'afterAll(async () => {', '  await client.close();', '});');
  for (const name of Object.keys(HELPERS)) if (used.has(name)) lines.push('', ...HELPERS[name]!);
  lines.push('', `describe(${str(input.suiteName, 'typescript')}, () => {`);
  tests.forEach((t, i) => lines.push(...(i ? [''] : []), ...t.map((l) => (l ? `  ${l}` : l))));
  lines.push('});');
  return { text: lines.join('\n') + '\n', warnings };
}

interface Ctx {
  input: ExportInput;
  used: Set<string>;
  types: Set<string>;
  sdk: { McpError: boolean; listTools: boolean };
  warnings: string[];
}

function promptArgs(args: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(args ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
}

function testCase(c: TestCase, index: number, ctx: Ctx): string[] {
  const end = expectedEnd(c);
  let it = 'it';
  if (c.skip) it = 'it.skip';
  else if (end.kind === 'unsupported') {
    ctx.warnings.push(`case ${index + 1} "${c.name}" ${end.why} (skipped)`);
    it = 'it.skip';
  }
  const out: string[] = [];
  if (end.kind === 'unsupported' && !c.skip) out.push(`// not exported: ${end.why}`);
  out.push(`${it}(${str(c.name, 'typescript')}, async () => {`);
  const kind = c.tool !== undefined ? 'tool' : c.resource !== undefined ? 'resource' : 'prompt';
  const call =
    kind === 'tool'
      ? `client.callTool({ name: ${str(c.tool!, 'typescript')}, arguments: ${tsLiteral(c.arguments ?? {}, 4)} })`
      : kind === 'resource'
        ? `client.readResource({ uri: ${str(c.resource!, 'typescript')} })`
        : `client.getPrompt({ name: ${str(c.prompt!, 'typescript')}, arguments: ${tsLiteral(promptArgs(c.arguments), 4)} })`;
  const typeName = kind === 'tool' ? 'CallToolResult' : kind === 'resource' ? 'ReadResourceResult' : 'GetPromptResult';
  let doc: () => string;
  let text: () => string;
  let status: string;
  const body: string[] = [];
  if (end.kind === 'protocolError') {
    ctx.sdk.McpError = true;
    body.push(
      `const error = await ${call}.then(`,
      '  () => undefined,',
      '  (e: unknown) => e,',
      ');',
      'expect(error).toBeInstanceOf(McpError);',
    );
    body.push('if (!(error instanceof McpError)) return;');
    if (end.code !== undefined) body.push(`expect(error.code).toBe(${end.code});`);
    doc = () => '{ code: error.code, message: error.message }';
    text = () => 'error.message';
    status = "'protocolError'";
  } else {
    if (kind === 'tool') ctx.types.add('CallToolResult');
    body.push(kind === 'tool' ? `const result = (await ${call}) as CallToolResult;` : `const result = await ${call};`);
    doc = () => (ctx.used.add(`${kind}Document`), ctx.types.add(typeName), `${kind}Document(result)`);
    text = () => (ctx.used.add(`${kind}Text`), ctx.types.add(typeName), `${kind}Text(result)`);
    status = kind === 'tool' ? "result.isError ? 'toolError' : 'ok'" : "'ok'";
    if (end.kind === 'answer' && kind === 'tool' && end.isError !== undefined) {
      body.push(end.isError ? 'expect(result.isError).toBe(true);' : `expect(result.isError ?? false, ${text()}).toBe(false);`);
    }
  }
  for (const a of c.expect)
    body.push(...assertion(a, c, index, { ...ctx, doc, text, status, protocolError: end.kind === 'protocolError' }));
  out.push(...body.map((l) => `  ${l}`), '});');
  return out;
}

function assertion(
  a: Assertion,
  c: TestCase,
  index: number,
  x: Ctx & { doc: () => string; text: () => string; status: string; protocolError: boolean },
): string[] {
  if ('status' in a) return [];
  if ('structuredContent' in a) {
    if (c.tool === undefined || x.protocolError) return ['// structuredContent: not exported (no tool answer to read it from)'];
    return [
      `expect(result.structuredContent).${a.match === 'subset' && isObject(a.structuredContent) ? 'toMatchObject' : 'toEqual'}(${tsLiteral(a.structuredContent, 4)});`,
    ];
  }
  if ('textContains' in a) return [`expect(${x.text()}).toContain(${str(a.textContains, 'typescript')});`];
  if ('textMatches' in a) return [`expect(${x.text()}).toMatch(${regex(a.textMatches, a.flags)});`];
  if ('pointer' in a) {
    x.used.add('at');
    const got = `at(${x.doc()}, ${str(a.pointer, 'typescript')})`;
    if (a.exists === false) return [`expect(${got}).toBe(MISSING);`];
    if (a.equals !== undefined) return [`expect(${got}).toEqual(${tsLiteral(a.equals, 4)});`];
    if (a.subset !== undefined) return [`expect(${got}).${isObject(a.subset) ? 'toMatchObject' : 'toEqual'}(${tsLiteral(a.subset, 4)});`];
    if (a.matches !== undefined) {
      x.used.add('asText');
      return [`expect(asText(${got})).toMatch(${regex(a.matches, undefined)});`];
    }
    return [`expect(${got}).not.toBe(MISSING);`];
  }
  if ('outputSchema' in a) {
    if (c.tool === undefined || x.protocolError) return ['// outputSchema: not exported (no tool answer)'];
    x.sdk.listTools = true;
    return [
      "// The SDK's client has checked it against the tool's outputSchema (see beforeAll).",
      'expect(result.structuredContent).toBeDefined();',
    ];
  }
  if ('maxLatencyMs' in a) {
    x.warnings.push(
      `case ${index + 1} "${c.name}": the latency bound (${a.maxLatencyMs} ms) measures the transport, which an in-memory client does not have`,
    );
    return [`// maxLatencyMs ${a.maxLatencyMs}: not exported (an in-memory call does not measure the transport)`];
  }
  const key = a.snapshot === true ? c.name : a.snapshot;
  const stored = x.input.snapshot(key);
  if (stored === undefined) {
    x.warnings.push(
      `case ${index + 1} "${c.name}": snapshot "${key}" has no stored value yet (run the suite once in MCP Lab, then export again)`,
    );
    return [`// TODO: snapshot ${str(key, 'typescript')} had no stored value when this file was exported`];
  }
  const ignore = a.ignore ?? [];
  let actual = `{ status: ${x.status}, ...${x.doc()} }`;
  if (ignore.length) {
    x.used.add('without');
    actual = `without(${actual}, ${tsLiteral(ignore, 4)})`;
  }
  return [`// snapshot ${str(key, 'typescript')}, inline`, `expect(${actual}).toEqual(${tsLiteral(withoutPointers(stored, ignore), 4)});`];
}

function isObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null;
}

/** A regular expression literal, or `new RegExp` when the pattern would need rewriting to be one. */
function regex(p: string, flags: string | undefined): string {
  const f = flags ?? '';
  return /[/\n\r]/.test(p) || p === '' ? `new RegExp(${str(p, 'typescript')}${f ? `, ${str(f, 'typescript')}` : ''})` : `/${p}/${f}`;
}
