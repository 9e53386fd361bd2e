/**
 * Tools whose input refers to itself — a pydantic tree and linked list on FastMCP, the same with
 * `z.lazy` on the TypeScript SDK — through the real engine: a nested call gets the right answer
 * and passes MCP Lab's validator; the form stops at a bounded depth; load runs generate arguments
 * the server itself accepts; the fuzzer and the linter finish.
 *
 * FastMCP 2.14 cannot serve recursive models (its tools/list fails with "Circular reference
 * detected"), so the Python side runs on FastMCP 3.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ToolCallOutcome, ToolInfo } from '../../../src-shared/api/schemas/tool';
import type { JsonSchema } from '../../../src-shared/json-schema/schema-node';
import { validateValue } from '../../../src-shared/json-schema/validate';
import { JSON_FIELD_KEY, prepareToolSchema } from '../../../src-renderer/features/tools/schema/prepare-schema';
import { FIXTURES, fixtureServer } from '../../helpers/fixtures';
import { ensureFastmcpVenv } from '../../helpers/fastmcp-venv';
import { addAndStart, startHarness, type Harness } from '../../helpers/harness';

const FASTMCP_VERSION = '3.4.11';
const SETUP_TIMEOUT_MS = 15 * 60_000;

const TREE = { value: 1, children: [{ value: 2, children: [{ value: 3, children: [{ value: 4 }] }] }, { value: 5 }] };
const LIST = { value: 'a', next: { value: 'b', next: { value: 'c', next: { value: 'd' } } } };

function answer(o: ToolCallOutcome): { text: string; structured: unknown } {
  if (o.status !== 'ok') throw new Error(`expected ok, got ${o.status}: ${JSON.stringify(o)}`);
  return { text: (o.result.content ?? []).map((c) => (c.type === 'text' ? c.text : '')).join(''), structured: o.result.structuredContent };
}

/** How deep the form schema nests objects along `key`, and what stands at the bottom. */
function formDepth(form: JsonSchema, first: string, key: string, viaItems: boolean): { levels: number; bottom: JsonSchema } {
  let node = (form.properties as Record<string, JsonSchema>)[first]!;
  let levels = 0;
  while (node.properties) {
    levels++;
    const next = (node.properties as Record<string, JsonSchema>)[key]!;
    node = viaItems ? (next.items as JsonSchema) : next;
  }
  return { levels, bottom: node };
}

const SERVERS = [
  { label: 'TypeScript SDK (z.lazy)', config: async () => fixtureServer('recursive-server.ts') },
  {
    label: `FastMCP ${FASTMCP_VERSION} (pydantic)`,
    config: async () => {
      const venv = await ensureFastmcpVenv(FASTMCP_VERSION);
      return {
        name: 'recursive-py',
        transport: 'stdio' as const,
        command: venv.python,
        args: [path.join(FIXTURES, 'fastmcp_recursive_server.py')],
      };
    },
  },
];

describe.each(SERVERS)('recursive input schemas: $label', ({ config }) => {
  let h: Harness;
  let id: string;
  let tools: Record<string, ToolInfo>;
  beforeAll(async () => {
    const input = await config();
    h = await startHarness({ handshakeTimeoutMs: 60_000 });
    const s = await addAndStart(h, input);
    expect(s.status.state).toBe('ready');
    id = s.config.id;
    tools = Object.fromEntries((await h.api.call('tools.list', { serverId: id })).tools.map((t) => [t.name, t]));
  }, SETUP_TIMEOUT_MS);
  afterAll(() => h?.dispose());

  const call = (toolName: string, args: Record<string, unknown>) => h.api.call('tools.call', { serverId: id, toolName, arguments: args });

  it('a four-level tree and a four-cell list: valid by our validator, and the server agrees', async () => {
    expect(validateValue(tools.tree_sum!.inputSchema, { root: TREE })).toEqual([]);
    expect(validateValue(tools.join_list!.inputSchema, { head: LIST })).toEqual([]);
    const tree = answer(await call('tree_sum', { root: TREE }));
    expect(tree.structured).toEqual({ total: 15, nodes: 5, depth: 4 });
    expect(validateValue(tools.tree_sum!.outputSchema, tree.structured)).toEqual([]);
    expect(answer(await call('join_list', { head: LIST, separator: '+' })).text).toBe('a+b+c+d');
    // A value the schema refuses deep down is named by its path.
    const bad = { root: { value: 1, children: [{ value: 2, children: [{ value: 'three' }] }] } };
    expect(validateValue(tools.tree_sum!.inputSchema, bad)).toEqual([
      expect.objectContaining({ path: ['root', 'children', '0', 'children', '0', 'value'], message: 'must be an integer' }),
    ]);
  });

  it('the form shows three levels of each recursive type, then a JSON field with a valid example', () => {
    const tree = prepareToolSchema(tools.tree_sum!.inputSchema);
    const t = formDepth(tree.form, 'root', 'children', true);
    expect(t.levels).toBe(3);
    expect(t.bottom[JSON_FIELD_KEY]).toMatchObject({ reason: 'recursion', example: { value: 0 } });
    const list = prepareToolSchema(tools.join_list!.inputSchema);
    const l = formDepth(list.form, 'head', 'next', false);
    expect(l.levels).toBe(3);
    expect(l.bottom[JSON_FIELD_KEY]).toMatchObject({ reason: 'recursion', example: { value: '' } });
    expect(tree.warnings).toEqual([]);
    expect(list.warnings).toEqual([]);
  });

  it('a load run with generated arguments: every call is accepted by the server', async () => {
    for (const toolName of ['tree_sum', 'join_list']) {
      const run = await h.api.call('load.start', {
        serverId: id,
        toolName,
        args: { mode: 'generated', seed: 11 },
        calls: 60,
        concurrency: 2,
      });
      const done = await h.engine.load.finished(run.runId);
      expect({ toolName, byStatus: done.byStatus }).toEqual({ toolName, byStatus: { ok: 60 } });
    }
  });

  it('the fuzzer finishes, and every input it calls valid is valid', async () => {
    for (const toolName of ['tree_sum', 'join_list']) {
      const started = await h.api.call('fuzz.start', { serverId: id, toolName, seed: 5, runs: 40, timeoutMs: 3000 });
      const run = await h.engine.testing.fuzz.finished(started.runId);
      expect(run.state).toBe('done');
      expect(run.findings.filter((f) => f.kind === 'protocolErrorOnValidInput' || f.kind === 'crash' || f.kind === 'hang')).toEqual([]);
    }
  });

  it('the linter finishes and does not mistake a recursive parameter for an untyped one', async () => {
    const report = await h.api.call('lint.run', { serverId: id });
    const params = report.findings.filter((f) => f.target?.param === 'root' || f.target?.param === 'head').map((f) => f.ruleId);
    expect(params).not.toContain('param-type-missing');
    expect(params).not.toContain('object-free-form');
  });
});
