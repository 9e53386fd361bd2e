import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import type { SetupJob } from '../../../src-shared/api/schemas/project';
import type { ToolCallOutcome } from '../../../src-shared/api/schemas/tool';
import type { ReloadEvent } from '../../../src-shared/api/schemas/reload';
import { waitForEvent, type Harness } from '../../helpers/harness';

/** Wait for a setup job to end; fails with the failed step's output when it did not succeed. */
export async function finishedJob(h: Harness, jobId: string): Promise<SetupJob> {
  const job = await h.engine.projects.wait(jobId);
  if (job.state !== 'succeeded') {
    const failed = job.steps.find((s) => s.state === 'failed');
    expect.fail(`setup ${job.state} at "${failed?.title}": ${failed?.detail}\n${failed?.output.slice(-40).join('\n')}`);
  }
  return job;
}

export function nextReload(h: Harness, serverId: string, pred: (e: ReloadEvent) => boolean, timeoutMs = 60_000): Promise<ReloadEvent> {
  return waitForEvent<ReloadEvent[]>(
    (cb) => h.api.subscribe('servers.reloaded', { serverId }, cb),
    (batch) => batch.some(pred),
    timeoutMs,
  ).then((batch) => batch.find(pred)!);
}

export async function edit(file: string, from: string | RegExp, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit of ${path.basename(file)} changed nothing (${String(from)})`);
  await writeFile(file, next);
}

export const text = (o: ToolCallOutcome) =>
  o.status === 'ok' || o.status === 'toolError' ? o.result.content.map((c) => ('text' in c ? c.text : '')).join('') : '';

/** Every generated tool, called through the engine as a user would; language-specific argument names. */
export async function callEveryTool(
  h: Harness,
  serverId: string,
  names: { inStock: string; maxResults: string; itemId: string; delay: string },
) {
  const call = (toolName: string, args: Record<string, unknown>) => h.api.call('tools.call', { serverId, toolName, arguments: args });
  expect(text(await call('greet', { name: 'Ada' }))).toBe('Hello, Ada!');
  const calc = await call('calculate', { operation: 'multiply', a: 6, b: 7 });
  expect(calc.status).toBe('ok');
  expect(calc.status === 'ok' && calc.result.structuredContent).toMatchObject({ result: 42 });
  expect((await call('calculate', { operation: 'add', a: 5_000_000, b: 1 })).status).toBe('toolError');
  const div = await call('calculate', { operation: 'divide', a: 1, b: 0 });
  expect(div.status).toBe('toolError');
  expect(text(div)).toMatch(/divide by zero/);
  const search = await call('search_items', { query: 'set', category: 'tools', [names.inStock]: true, [names.maxResults]: 5 });
  expect(search.status === 'ok' && search.result.structuredContent).toMatchObject({ total: 1, items: [{ id: 'item-5' }] });
  const missing = await call('get_item', { [names.itemId]: 'item-42' });
  expect(missing.status).toBe('toolError');
  expect(text(missing)).toMatch(/No item with id item-42/);
  const slow = await call('slow_task', { steps: 2, [names.delay]: 0 });
  expect(slow.status === 'ok' && slow.result.structuredContent).toMatchObject({ steps: 2 });
  const health = await call('health_check', {});
  expect(health.status === 'ok' && health.result.structuredContent).toMatchObject({ status: 'ok' });
  const tpl = await h.api.call('resources.templates', { serverId });
  expect(tpl.status === 'ok' && tpl.result.resourceTemplates.map((t) => t.uriTemplate)).toEqual(['items://{item_id}']);
  const prompts = await h.api.call('prompts.list', { serverId });
  expect(prompts.status === 'ok' && prompts.result.prompts.map((p) => p.name)).toEqual(['describe_item']);
}
