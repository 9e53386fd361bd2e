import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SuiteSchema, type Suite } from '../../../../../../src-shared/api/schemas/testing';
import type { ExportInput } from '../../../../../../src-main/engine/testing/export/export-model';
import { writePytest } from '../../../../../../src-main/engine/testing/export/pytest-writer';
import { pythonImport, typescriptImport } from '../../../../../../src-main/engine/testing/export/server-import';
import { writeVitest } from '../../../../../../src-main/engine/testing/export/vitest-writer';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-export-unit-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const suite = (cases: unknown[], setup: unknown[] = []): Suite => SuiteSchema.parse({ name: 'Shop', server: 'shop', setup, cases });

function input(s: Suite, snapshots: Record<string, unknown> = {}, ok = true): ExportInput {
  return {
    suite: s,
    suiteName: s.name ?? 'shop',
    suiteFile: '.mcp-lab/tests/shop.test.json',
    reexport: 'mcp-lab test .mcp-lab/tests/shop.test.json --export pytest --out tests/test_shop.py',
    serverImport: ok
      ? { ok: true, lines: ['from server import mcp'], server: 'mcp', from: 'server.py' }
      : { ok: false, reason: 'server.py assigns no FastMCP object' },
    snapshot: (k) => snapshots[k],
  };
}

const cases = [
  { name: 'Greets Ada!', tool: 'greet', arguments: { name: 'Ada' }, expect: [{ status: 'ok' }, { textContains: 'Hello' }] },
  { name: 'greets ada', tool: 'greet', arguments: { name: 'ada' }, expect: [{ snapshot: true }] },
  { name: 'unknown tool', tool: 'nope', expect: [{ status: 'protocolError', code: -32602 }, { textContains: 'nope' }] },
  { name: 'hangs', tool: 'slow', expect: [{ status: 'timeout' }] },
  { name: 'skipped one', tool: 'greet', skip: true },
  { name: 'fast', tool: 'greet', arguments: { name: 'x' }, expect: [{ maxLatencyMs: 50 }] },
];

describe('pytest export', () => {
  it('is deterministic: one function per case, named from it, duplicates numbered; the header marks the file', () => {
    const s = suite(cases, [{ tool: 'reset', arguments: { hard: true } }]);
    const snap = { 'greets ada': { status: 'ok', content: [{ type: 'text', text: 'Hello, ada!' }], isError: false } };
    const a = writePytest(input(s, snap));
    expect(writePytest(input(s, snap)).text).toBe(a.text);
    expect(a.text.split('\n')[0]).toBe('# Exported by MCP Lab from .mcp-lab/tests/shop.test.json (suite "Shop").');
    expect([...a.text.matchAll(/^async def (\w+)\(client\):$/gm)].map((m) => m[1])).toEqual([
      'test_greets_ada',
      'test_greets_ada_2',
      'test_unknown_tool',
      'test_hangs',
      'test_skipped_one',
      'test_fast',
    ]);
    // Setup steps are kept, inside the one session.
    expect(a.text).toContain(
      '    async with Client(mcp) as client:\n        await client.call_tool("reset", {"hard": True})\n        yield client\n',
    );
    // The snapshot is an inline value.
    expect(a.text).toContain(
      'assert {"status": "toolError" if result.is_error else "ok", **tool_document(result)} == {"status": "ok", "content": [{"type": "text", "text": "Hello, ada!"}], "isError": False}',
    );
    // A protocol error is the exception the client raises.
    expect(a.text).toContain(
      '    with pytest.raises(McpError) as raised:\n        await client.call_tool("nope", {}, raise_on_error=False)\n    assert raised.value.error.code == -32602\n    assert "nope" in raised.value.error.message',
    );
    expect(a.text).toContain('from mcp.shared.exceptions import McpError');
    expect(a.text).toMatch(/@pytest\.mark\.skip\(reason="not exported: expects status timeout: .*"\)\nasync def test_hangs/);
    expect(a.text).toMatch(/@pytest\.mark\.skip\(reason="skipped in the suite"\)\nasync def test_skipped_one/);
    expect(a.warnings).toEqual([
      'case 4 "hangs" expects status timeout: an in-memory client has no timeout or crash to observe (skipped)',
      'case 6 "fast": the latency bound (50 ms) measures the transport, which an in-memory client does not have',
    ]);
    // Only the helpers used are written.
    expect(a.text).not.toContain('def contains(');
    expect(a.text).not.toContain('import re');
  });

  it('starts with a TODO when the server object could not be found', () => {
    const out = writePytest(input(suite(cases.slice(0, 1)), {}, false));
    expect(out.text).toMatch(
      /^# Exported by MCP Lab.*\n(#.*\n)*# TODO: server\.py assigns no FastMCP object\.\n# Import your FastMCP server object below as `mcp`/,
    );
  });

  it('warns about a snapshot that has no stored value instead of inventing one', () => {
    const out = writePytest(input(suite([cases[1]])));
    expect(out.warnings).toEqual([
      'case 1 "greets ada": snapshot "greets ada" has no stored value yet (run the suite once in MCP Lab, then export again)',
    ]);
    expect(out.text).toContain('# TODO: snapshot "greets ada" had no stored value when this file was exported');
  });
});

describe('vitest export', () => {
  it('is deterministic: one it() per case named as the case, expects of vitest, McpError for protocol errors', () => {
    const s = suite(cases);
    const a = writeVitest(input(s));
    expect(writeVitest(input(s)).text).toBe(a.text);
    expect(a.text.split('\n')[0]).toBe('// Exported by MCP Lab from .mcp-lab/tests/shop.test.json (suite "Shop").');
    expect([...a.text.matchAll(/^ {2}(it(?:\.skip)?)\('([^']+)'/gm)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      'it Greets Ada!',
      'it greets ada',
      'it unknown tool',
      'it.skip hangs',
      'it.skip skipped one',
      'it fast',
    ]);
    expect(a.text).toContain("expect(toolText(result)).toContain('Hello');");
    expect(a.text).toContain('expect(error).toBeInstanceOf(McpError);');
    expect(a.text).toContain('expect(error.code).toBe(-32602);');
    expect(a.text).toContain("import { McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';");
  });
});

describe('finding the server object', () => {
  it('Python: the template layout imports the module plainly; a file elsewhere puts the folder on sys.path first', async () => {
    const dir = path.join(root, 'py');
    await mkdir(path.join(dir, 'tests'), { recursive: true });
    await writeFile(path.join(dir, 'server.py'), 'from fastmcp import FastMCP\n\napp: FastMCP = FastMCP("x")\n');
    await writeFile(path.join(dir, 'pyproject.toml'), '[tool.pytest.ini_options]\npythonpath = ["."]\n');
    const loc = { cwd: dir, command: '.venv/bin/python', args: ['server.py'] };
    expect(pythonImport(loc, path.join(dir, 'tests', 'test_x.py'))).toMatchObject({
      ok: true,
      lines: ['from server import app'],
      server: 'app',
    });
    const elsewhere = pythonImport(loc, path.join(root, 'other', 'test_x.py'));
    expect(elsewhere).toMatchObject({ ok: true, server: 'app' });
    expect(elsewhere.ok && elsewhere.lines.join('\n')).toContain(
      'sys.path.insert(0, str((Path(__file__).resolve().parent / "../py").resolve()))\nfrom server import app',
    );
    expect(pythonImport({ ...loc, args: ['-m', 'thing'] }, path.join(dir, 'tests', 'x.py'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/names no \.py file/),
    });
    await writeFile(path.join(dir, 'plain.py'), 'print(1)\n');
    expect(pythonImport({ ...loc, args: ['plain.py'] }, path.join(dir, 'tests', 'x.py'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/plain\.py assigns no FastMCP object/),
    });
  });

  it('TypeScript: the factory the entry file imports (the template), an exported instance, an async factory', async () => {
    const dir = path.join(root, 'ts');
    await mkdir(path.join(dir, 'src'), { recursive: true });
    await writeFile(path.join(dir, 'src', 'main.ts'), "import { createServer } from './server.js';\nawait createServer().connect(t);\n");
    await writeFile(
      path.join(dir, 'src', 'server.ts'),
      "export function createServer(): McpServer {\n  return new McpServer({ name: 'x', version: '1' });\n}\n",
    );
    const loc = { cwd: dir, command: 'node', args: ['--import', 'tsx', 'src/main.ts'] };
    expect(typescriptImport(loc, path.join(dir, 'test', 'a.test.ts'))).toMatchObject({
      ok: true,
      lines: ["import { createServer } from '../src/server.js';"],
      server: 'createServer()',
    });
    await writeFile(
      path.join(dir, 'src', 'server.ts'),
      "export async function makeServer() {\n  return new McpServer({ name: 'x', version: '1' });\n}\n",
    );
    expect(typescriptImport(loc, path.join(dir, 'a.test.ts'))).toMatchObject({
      ok: true,
      lines: ["import { makeServer } from './src/server.js';"],
      server: 'await makeServer()',
    });
    await writeFile(path.join(dir, 'src', 'server.ts'), "export const server = new McpServer({ name: 'x', version: '1' });\n");
    expect(typescriptImport(loc, path.join(dir, 'test', 'a.test.ts'))).toMatchObject({ ok: true, server: 'server' });
    await writeFile(path.join(dir, 'src', 'server.ts'), 'const x = 1;\n');
    expect(typescriptImport(loc, path.join(dir, 'test', 'a.test.ts'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/found no exported McpServer in main\.ts/),
    });
  });
});
