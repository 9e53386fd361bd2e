import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeTool, type ToolModel } from '../../../../../src-shared/tool-builder/tool-model';
import { readPythonTools } from '../../../../../src-main/engine/tool-builder/source-tools';
import { applyToolChange } from '../../../../../src-main/engine/tool-builder/tool-plan';
import { readTypeScriptTools } from '../../../../../src-main/engine/tool-builder/typescript-reader';
import { ROUND_TRIP_TOOLS } from './tool-models';

const PY_BASE = `"""A server."""

from fastmcp import FastMCP

mcp = FastMCP("test")


if __name__ == "__main__":
    mcp.run()
`;

const TS_BASE = `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

export function createServer(): McpServer {
  const server = new McpServer({ name: 'test', version: '0.0.0' });
  return server;
}
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-roundtrip-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const python = process.env.MCP_LAB_TEST_PYTHON ?? 'python3';
async function readPy(source: string) {
  const file = path.join(dir, `s${Math.random().toString(36).slice(2)}.py`);
  await writeFile(file, source);
  return readPythonTools(python, file, dir);
}

const byName = (tools: { model: ToolModel }[], name: string) => tools.find((t) => t.model.name === name)?.model;

describe('Python: model → FastMCP code → ast → model', () => {
  it('reads back every tool it wrote, the same, and the file compiles', async () => {
    let source = PY_BASE;
    for (const tool of ROUND_TRIP_TOOLS) source = applyToolChange(source, await readPy(source), tool);
    execFileSync(python, ['-c', 'import ast,sys; compile(sys.stdin.read(), "server.py", "exec")'], { input: source });
    const parsed = await readPy(source);
    expect(parsed.unreadable).toEqual([]);
    for (const tool of ROUND_TRIP_TOOLS) expect(normalizeTool(byName(parsed.tools, tool.name)!), tool.name).toEqual(normalizeTool(tool));
    // New tools go above the __main__ block.
    expect(source.indexOf('if __name__')).toBeGreaterThan(source.indexOf('def create_order'));
  });

  it('rewrites a tool in place and keeps its body, then reads the change back', async () => {
    let source = PY_BASE;
    const order = ROUND_TRIP_TOOLS.find((t) => t.name === 'create_order')!;
    source = applyToolChange(source, await readPy(source), order);
    source = source.replace(
      '    # TODO: implement create_order. The arguments arrive validated and typed.\n',
      '    # hand-written\n    total = 42.0\n',
    );
    const changed: ToolModel = {
      ...order,
      description: 'Changed.',
      params: [...order.params, { name: 'urgent', kind: 'boolean', description: '', required: false, default: false }],
    };
    source = applyToolChange(source, await readPy(source), changed, 'create_order');
    expect(source).toContain('    # hand-written\n    total = 42.0\n');
    expect(source.match(/class CreateOrderResult/g)).toHaveLength(1);
    const parsed = await readPy(source);
    expect(normalizeTool(byName(parsed.tools, 'create_order')!)).toEqual(normalizeTool(changed));
  });

  it('lists tools it cannot read with the reason and leaves them out of the model', async () => {
    const source = `${PY_BASE.replace(
      '\n\nif __name__',
      `

@mcp.tool
def odd(payload: dict) -> str:
    return "x"


@mcp.tool
async def ok(a: int) -> str:
    return "y"


if __name__`,
    )}`;
    const parsed = await readPy(source);
    expect(parsed.tools.map((t) => t.model.name)).toEqual(['ok']);
    expect(parsed.unreadable).toEqual([{ name: 'odd', line: expect.any(Number), reason: expect.stringMatching(/payload.*dict/) }]);
  });

  it('reports a syntax error with its line instead of tools', async () => {
    const parsed = await readPy('mcp = FastMCP("x")\n\ndef broken(:\n');
    expect(parsed.syntaxError).toMatchObject({ line: 3 });
  });
});

describe('TypeScript: model → registerTool + zod → compiler API → model', () => {
  it('reads back every tool it wrote, the same', () => {
    let source = TS_BASE;
    for (const tool of ROUND_TRIP_TOOLS) source = applyToolChange(source, readTypeScriptTools(source), tool);
    expect(source).toContain("import { z } from 'zod';");
    const parsed = readTypeScriptTools(source);
    expect(parsed.unreadable).toEqual([]);
    for (const tool of ROUND_TRIP_TOOLS) expect(normalizeTool(byName(parsed.tools, tool.name)!), tool.name).toEqual(normalizeTool(tool));
    // Added in order, above `return server`.
    expect(source.indexOf('return server')).toBeGreaterThan(source.indexOf("'create_order'"));
  });

  it('rewrites a tool in place and keeps its handler', () => {
    const numbers = ROUND_TRIP_TOOLS.find((t) => t.name === 'numbers')!;
    let source = applyToolChange(TS_BASE, readTypeScriptTools(TS_BASE), numbers);
    source = source.replace('// TODO: implement numbers. The arguments arrive validated and typed.', '// hand-written handler');
    const changed: ToolModel = { ...numbers, title: 'Numbers!', params: numbers.params.slice(1) };
    source = applyToolChange(source, readTypeScriptTools(source), changed, 'numbers');
    expect(source).toContain('// hand-written handler');
    expect(normalizeTool(byName(readTypeScriptTools(source).tools, 'numbers')!)).toEqual(normalizeTool(changed));
  });

  it('lists tools it cannot read and why', () => {
    const source = TS_BASE.replace(
      '  return server;',
      `  server.registerTool('odd', { description: 'x', inputSchema: shared }, async () => ({ content: [] }));
  server.registerTool('weird', { description: 'x', inputSchema: { a: z.string().transform((s) => s.trim()) } }, async () => ({ content: [] }));
  return server;`,
    );
    const parsed = readTypeScriptTools(source);
    expect(parsed.tools).toEqual([]);
    expect(parsed.unreadable.map((u) => [u.name, u.reason])).toEqual([
      ['odd', expect.stringMatching(/inputSchema is not an object literal/)],
      ['weird', expect.stringMatching(/\.transform\(\)/)],
    ]);
  });
});
