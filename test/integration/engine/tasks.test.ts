/**
 * Tools that run as tasks, on the official reference server: `simulate-research-query` declares
 * `execution.taskSupport: "required"` and goes through working → (input_required →) completed.
 */
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/fixtures';
import { readyServerId, startHarness, waitForEvent, type Harness } from '../../helpers/harness';
import type { PendingClientRequest } from '../../../src-shared/api/schemas/client-request';
import type { TaskRecord } from '../../../src-shared/api/schemas/task';
import type { ToolCallOutcome } from '../../../src-shared/api/schemas/tool';

const EVERYTHING = path.join(REPO_ROOT, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js');

let h: Harness;
let id: string;
async function start() {
  h = await startHarness();
  id = await readyServerId(h, { name: 'everything', transport: 'stdio', command: process.execPath, args: [EVERYTHING, 'stdio'] });
}
afterEach(async () => {
  await h?.dispose();
});

const text = (o: ToolCallOutcome) =>
  o.status === 'ok' ? (o.result.content ?? []).map((c) => (c.type === 'text' ? c.text : '')).join('\n') : JSON.stringify(o);
const tasksUntil = (pred: (l: TaskRecord[]) => boolean) =>
  waitForEvent<TaskRecord[]>((cb) => h.api.subscribe('tasks.changed', { serverId: id }, ({ tasks }) => cb(tasks)), pred, 20_000);

it('a required-task tool runs as a task to its result; the registry keeps its statuses', async () => {
  await start();
  const o = await h.api.call('tools.call', { serverId: id, toolName: 'simulate-research-query', arguments: { topic: 'tides' } });
  expect(o.status, JSON.stringify(o)).toBe('ok');
  expect(text(o)).toContain('Research Report: tides');
  expect(o.task).toMatchObject({ status: 'completed', toolName: 'simulate-research-query', ttlMs: expect.any(Number) });
  const steps = o.task!.history.map((s) => s.statusMessage ?? s.status);
  expect(steps).toEqual(expect.arrayContaining(['Gathering sources...', 'Generating report...']));
  expect(o.task!.history.at(-1)!.status).toBe('completed');
  const listed = await tasksUntil((l) => l.length === 1 && l[0]!.status === 'completed');
  expect(listed[0]!.taskId).toBe(o.task!.taskId);
});

it('an input_required task asks through the elicitation dialog and goes on with the answer', async () => {
  await start();
  const call = h.api.call('tools.call', {
    serverId: id,
    toolName: 'simulate-research-query',
    arguments: { topic: 'python', ambiguous: true },
  });
  const req = await waitForEvent<PendingClientRequest[]>(
    (cb) => h.api.subscribe('requests.pending', { serverId: id }, cb),
    (l) => l.length > 0,
    20_000,
  ).then((l) => l[0]!);
  expect(req.kind).toBe('elicitation');
  expect(String(req.params.message)).toContain('multiple interpretations');
  const [task] = await tasksUntil((l) => l[0]?.status === 'input_required');
  expect(task!.statusMessage).toContain('Requesting clarification');
  const choice = (req.params.requestedSchema as { properties: { interpretation: { oneOf: { const: string }[] } } }).properties
    .interpretation.oneOf[0]!.const;
  await h.api.call('requests.respond', { requestId: req.id, response: { action: 'accept', content: { interpretation: choice } } });
  const o = await call;
  expect(o.status, JSON.stringify(o)).toBe('ok');
  expect(text(o)).toContain(`Clarification**: ${choice}`);
  expect(o.task!.history.map((s) => s.status)).toEqual(expect.arrayContaining(['working', 'input_required', 'completed']));
});

it('cancelling a task (tasks.cancel) ends its call as cancelled, and the server says cancelled', async () => {
  await start();
  const call = h.api.call('tools.call', { serverId: id, toolName: 'simulate-research-query', arguments: { topic: 'moss' } });
  const [running] = await tasksUntil((l) => l[0]?.status === 'working');
  expect(await h.api.call('tasks.cancel', { serverId: id, taskId: running!.taskId })).toEqual({ cancelled: true });
  const o = await call;
  expect(o.status).toBe('cancelled');
  expect(o.task?.status).toBe('cancelled');
  expect(await h.api.call('tasks.cancel', { serverId: id, taskId: running!.taskId })).toEqual({ cancelled: false });
});

it('asTask on a tool without task support is refused with what to do', async () => {
  await start();
  await expect(h.api.call('tools.call', { serverId: id, toolName: 'echo', arguments: { message: 'x' }, asTask: true })).rejects.toThrow(
    /does not declare task support.*without asTask/,
  );
});

it('abandoning the call (Cancel in the console, Ctrl+C in the CLI) cancels the task on the server', async () => {
  await start();
  const ac = new AbortController();
  const call = h.api.call(
    'tools.call',
    { serverId: id, toolName: 'simulate-research-query', arguments: { topic: 'fog' } },
    { signal: ac.signal },
  );
  call.catch(() => undefined);
  await tasksUntil((l) => l[0]?.status === 'working');
  ac.abort();
  const [ended] = await tasksUntil((l) => l[0]?.status === 'cancelled');
  expect(ended!.history.at(-1)!.status).toBe('cancelled');
});
