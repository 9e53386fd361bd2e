/**
 * FastMCP's own task support (`@mcp.tool(task=...)`, FastMCP 3 with the `tasks` extra: Docket in
 * memory): a required-task tool runs to its result with progress, an optional one runs as a task
 * only when asked.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../helpers/fixtures';
import { ensureFastmcpVenv, type FastmcpVenv } from '../../helpers/fastmcp-venv';
import { readyServerId, startHarness, type Harness } from '../../helpers/harness';
import type { ToolCallOutcome } from '../../../src-shared/api/schemas/tool';

const FASTMCP_TASKS_VERSION = '3.4.11';

let venv: FastmcpVenv;
let h: Harness;
let id: string;
beforeAll(async () => {
  venv = await ensureFastmcpVenv(FASTMCP_TASKS_VERSION, ['tasks']);
  h = await startHarness({ handshakeTimeoutMs: 60_000 }); // Python with Docket imports slowly on a busy machine
  id = await readyServerId(h, {
    name: 'fastmcp-tasks',
    transport: 'stdio',
    command: venv.python,
    args: [path.join(FIXTURES, 'fastmcp_tasks_server.py')],
  });
}, 600_000);
afterAll(async () => {
  await h?.dispose();
});

const text = (o: ToolCallOutcome) =>
  o.status === 'ok' ? (o.result.content ?? []).map((c) => (c.type === 'text' ? c.text : '')).join('\n') : JSON.stringify(o);

it('lists the task support FastMCP declares', async () => {
  const tools = (await h.api.call('tools.list', { serverId: id })).tools;
  expect(tools.find((t) => t.name === 'brew')?.execution).toEqual({ taskSupport: 'required' });
  expect(tools.find((t) => t.name === 'add')?.execution).toEqual({ taskSupport: 'optional' });
});

it('a required-task tool runs as a task to its result', async () => {
  const o = await h.api.call('tools.call', { serverId: id, toolName: 'brew', arguments: { cups: 2 } });
  expect(o.status, JSON.stringify(o)).toBe('ok');
  expect(text(o)).toContain('brewed 2 cups');
  expect(o.task).toMatchObject({ status: 'completed', toolName: 'brew' });
  expect(o.task!.history.at(-1)!.status).toBe('completed');
});

it('an optional-task tool runs as a task only when asked', async () => {
  const plain = await h.api.call('tools.call', { serverId: id, toolName: 'add', arguments: { a: 2, b: 3 } });
  expect(plain.status).toBe('ok');
  expect(plain.task).toBeUndefined();
  const asTask = await h.api.call('tools.call', { serverId: id, toolName: 'add', arguments: { a: 2, b: 3 }, asTask: true });
  expect(asTask.status, JSON.stringify(asTask)).toBe('ok');
  expect(text(asTask)).toContain('5');
  expect(asTask.task?.status).toBe('completed');
});

describe('FastMCP 2.14 (an early draft of tasks)', () => {
  let old: Harness;
  let oldId: string;
  beforeAll(async () => {
    const v = await ensureFastmcpVenv('2.14.7');
    old = await startHarness({ handshakeTimeoutMs: 60_000 });
    oldId = await readyServerId(old, {
      name: 'fastmcp-2-tasks',
      transport: 'stdio',
      command: v.python,
      args: [path.join(FIXTURES, 'fastmcp_tasks_server.py')],
    });
  }, 600_000);
  afterAll(async () => {
    await old?.dispose();
  });

  it('answers a task call without the task object: a protocol error that says which answer and what the spec wants', async () => {
    const o = await old.api.call('tools.call', { serverId: oldId, toolName: 'add', arguments: { a: 1, b: 2 }, asTask: true });
    expect(o.status).toBe('protocolError');
    if (o.status !== 'protocolError') return;
    expect(o.message).toMatch(/answer to tools\/call is not a valid task answer .*\{"task": \{"taskId"/);
    expect(o.data).toMatchObject({ method: 'tools/call', answer: { _meta: expect.anything() } });
  });
});
