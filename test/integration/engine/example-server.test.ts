/**
 * The example server every new workspace starts with: started through the engine like any user
 * server, every tool called with good and bad input.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, TSX_IMPORT } from '../../helpers/fixtures';
import { addAndStart, startHarness, waitForEvent, waitForLog, type Harness } from '../../helpers/harness';
import type { ActiveCall, ToolCallOutcome } from '../../../src-shared/api/schemas/tool';
import type { JsonObject } from '../../../src-shared/api/schemas/common';

const EXAMPLE = path.join(REPO_ROOT, 'src-main/examples/example-server.ts');
const command = { command: process.execPath, args: ['--import', TSX_IMPORT, EXAMPLE] };

let h: Harness;
let id: string;
beforeAll(async () => {
  h = await startHarness();
  const s = await addAndStart(h, { name: 'Example server', transport: 'stdio', ...command });
  expect(s.status.state).toBe('ready');
  id = s.config.id;
});
afterAll(async () => {
  await h.dispose();
});

const call = (toolName: string, args: JsonObject = {}, extra: { callId?: string } = {}) =>
  h.api.call('tools.call', { serverId: id, toolName, arguments: args, ...extra });

function text(o: ToolCallOutcome): string {
  if (o.status !== 'ok' && o.status !== 'toolError') throw new Error(`expected a result, got ${o.status}`);
  return (o.result.content as { type: string; text?: string }[]).map((c) => c.text ?? '').join('\n');
}

function structured(o: ToolCallOutcome): Record<string, unknown> {
  expect(o.status).toBe('ok');
  if (o.status !== 'ok') throw new Error(o.status);
  return o.result.structuredContent as Record<string, unknown>;
}

/** Schema violations: this SDK answers them as tool errors; others use JSON-RPC -32602. Either way the field is named. */
function expectRejected(o: ToolCallOutcome, field: string) {
  expect(['toolError', 'protocolError']).toContain(o.status);
  const message = o.status === 'protocolError' ? o.message : text(o);
  expect(message).toMatch(new RegExp(`\\b${field}\\b`));
}

describe('the example server, as a user meets it', () => {
  it('declares tools, resources, prompts and logging, with a startup line on stderr', async () => {
    const [s] = await h.api.call('servers.list', {});
    expect(s!.info?.name).toBe('mcp-lab-example');
    expect(Object.keys(s!.info!.capabilities)).toEqual(expect.arrayContaining(['tools', 'resources', 'prompts', 'logging']));
    const list = await h.api.call('tools.list', { serverId: id });
    expect(list.tools.map((t) => t.name).sort()).toEqual([
      'compound_interest',
      'divide',
      'greet',
      'health_check',
      'search_notes',
      'slow_task',
    ]);
    for (const t of list.tools) {
      expect(t.title, t.name).toBeTruthy();
      expect(t.description, t.name).toBeTruthy();
      expect(t.annotations?.readOnlyHint, t.name).toBe(true);
    }
    const log = await waitForLog(h, id, (e) => e.source === 'stderr' && e.text.includes('ready on stdio'));
    expect(log.some((e) => e.source === 'stdout')).toBe(false);
  });

  it('greet: constrained, described inputs with an enum default', async () => {
    const greet = (await h.api.call('tools.list', { serverId: id })).tools.find((t) => t.name === 'greet')!;
    const props = greet.inputSchema.properties as Record<string, Record<string, unknown>>;
    expect(props.name).toMatchObject({ type: 'string', minLength: 1, maxLength: 100 });
    expect(props.name!.description).toBeTruthy();
    expect(props.style).toMatchObject({ enum: ['formal', 'casual', 'pirate'], default: 'casual' });
    expect(greet.annotations).toMatchObject({ readOnlyHint: true, idempotentHint: true });

    expect(text(await call('greet', { name: 'Ada' }))).toContain('Ada');
    expect(text(await call('greet', { name: 'Ada', style: 'pirate' }))).toMatch(/^Ahoy, Ada/);
    expectRejected(await call('greet', { name: '' }), 'name');
    expectRejected(await call('greet', { name: 'Ada', style: 'shouty' }), 'style');
  });

  it('compound_interest: structured output matching its outputSchema, plus text', async () => {
    const out = await call('compound_interest', { principal: 1000, annual_rate_percent: 5, years: 10, compounding: 'monthly' });
    const s = structured(out);
    expect(s.final_amount).toBeCloseTo(1647.01, 2);
    expect(s.interest_earned).toBeCloseTo(647.01, 2);
    expect(s.inputs).toEqual({ principal: 1000, annual_rate_percent: 5, years: 10, compounding: 'monthly' });
    expect(text(out)).toContain('1,647.01');
    // Defaults are applied and echoed.
    expect(structured(await call('compound_interest', { principal: 100, annual_rate_percent: 10, years: 1 })).inputs).toMatchObject({
      compounding: 'yearly',
    });
    const tool = (await h.api.call('tools.list', { serverId: id })).tools.find((t) => t.name === 'compound_interest')!;
    expect(Object.keys((tool.outputSchema!.properties ?? {}) as object)).toEqual(['final_amount', 'interest_earned', 'inputs']);

    expectRejected(await call('compound_interest', { principal: 0, annual_rate_percent: 5, years: 10 }), 'principal');
    expectRejected(await call('compound_interest', { principal: 100, annual_rate_percent: 101, years: 10 }), 'annual_rate_percent');
    expectRejected(await call('compound_interest', { principal: 100, annual_rate_percent: 5, years: 2.5 }), 'years');
  });

  it('search_notes: filters, a total count, and "no match" as an answer', async () => {
    const all = structured(await call('search_notes', { query: 'the', limit: 2, include_archived: true }));
    expect((all.results as unknown[]).length).toBe(2);
    expect(all.total_count as number).toBeGreaterThan(2);

    const tagged = structured(await call('search_notes', { query: 'the', tags: ['ops'], since: '2025-06-01' }));
    for (const r of tagged.results as { tags: string[]; created: string }[]) {
      expect(r.tags).toContain('ops');
      expect(r.created >= '2025-06-01').toBe(true);
    }

    const archivedHidden = structured(await call('search_notes', { query: 'pin' }));
    expect(archivedHidden.total_count).toBe(0);
    const archivedShown = structured(await call('search_notes', { query: 'pin', include_archived: true }));
    expect(archivedShown.total_count).toBe(1);

    const none = await call('search_notes', { query: 'zzz-not-there' });
    expect(structured(none)).toMatchObject({ results: [], total_count: 0 });
    expect(text(none)).toContain('No notes match');

    expectRejected(await call('search_notes', { query: 'x', since: 'last tuesday' }), 'since');
    expectRejected(await call('search_notes', { query: 'x', tags: ['cooking'] }), 'tags');
    expectRejected(await call('search_notes', { query: 'x', limit: 51 }), 'limit');
  });

  it('slow_task: reports progress to calls.active and finishes ok', async () => {
    const callId = 'slow-progress';
    const progressed = waitForEvent<ActiveCall[]>(
      (cb) => h.api.subscribe('calls.active', {}, cb),
      (calls) => calls.some((c) => c.callId === callId && (c.progress?.progress ?? 0) >= 1),
    );
    const pending = call('slow_task', { seconds: 1 }, { callId });
    const active = (await progressed).find((c) => c.callId === callId)!;
    expect(active.progress).toMatchObject({ total: 2 });
    expect(active.progress!.message).toMatch(/step \d of 2/);
    const out = await pending;
    expect(out.status).toBe('ok');
    expect(text(out)).toContain('1 s');
    // It logged through MCP, not only stderr.
    const log = await waitForLog(
      h,
      id,
      (e) => e.source === 'notification' && e.logger === 'slow_task' && String(e.data).includes('finished'),
    );
    expect(log.at(-1)!.level).toBe('info');
  });

  it('slow_task: stops when cancelled', async () => {
    const ac = new AbortController();
    const pending = h.api.call('tools.call', { serverId: id, toolName: 'slow_task', arguments: { seconds: 30 } }, { signal: ac.signal });
    // Cancel once the work has begun (it says so in its log).
    await waitForLog(h, id, (e) => e.source === 'notification' && e.logger === 'slow_task' && String(e.data).includes('starting'));
    ac.abort();
    const out = await pending;
    expect(out.status).toBe('cancelled');
    const log = await waitForLog(h, id, (e) => e.source === 'stderr' && e.text.includes('cancelled by the client'));
    expect(log.at(-1)!.level).toBe('warning');
  });

  it('divide: division by zero is a tool error saying what to do, and the server keeps serving', async () => {
    const out = await call('divide', { a: 1, b: 0 });
    expect(out.status).toBe('toolError');
    expect(text(out)).toMatch(/divide by zero/i);
    expect(text(out)).toMatch(/another value for b/);
    expect(structured(await call('divide', { a: 1, b: 4 }))).toEqual({ quotient: 0.25 });
    expectRejected(await call('divide', { a: 'one', b: 2 }), 'a');
  });

  it('health_check: status, version, uptime and memory as structured output', async () => {
    const s = structured(await call('health_check'));
    expect(s).toMatchObject({ status: 'ok', version: '1.0.0' });
    expect(s.uptime_seconds as number).toBeGreaterThanOrEqual(0);
    const mem = s.memory as { rss_bytes: number; heap_used_bytes: number };
    expect(mem.rss_bytes).toBeGreaterThan(mem.heap_used_bytes);
    expect(mem.heap_used_bytes).toBeGreaterThan(0);
  });
});

describe('the example server’s resources and prompt, through the engine', () => {
  it('lists the notes:// template and every note, and reads one as JSON', async () => {
    const templates = await h.api.call('resources.templates', { serverId: id });
    expect(templates.status === 'ok' && templates.result.resourceTemplates).toEqual([
      expect.objectContaining({ uriTemplate: 'notes://{id}', mimeType: 'application/json' }),
    ]);
    const list = await h.api.call('resources.list', { serverId: id });
    if (list.status !== 'ok') throw new Error(list.status);
    const { resources } = list.result;
    expect(resources.length).toBeGreaterThanOrEqual(5);
    expect(resources[0]!.uri).toMatch(/^notes:\/\//);
    const read = await h.api.call('resources.read', { serverId: id, uri: resources[0]!.uri });
    if (read.status !== 'ok') throw new Error(read.status);
    const note = JSON.parse((read.result.contents[0] as { text: string }).text) as { id: string; title: string };
    expect(note.id).toBe(resources[0]!.name);
    const missing = await h.api.call('resources.read', { serverId: id, uri: 'notes://nope' });
    expect(missing).toMatchObject({ status: 'protocolError', code: -32002 });
    if (missing.status === 'protocolError') expect(missing.message).toMatch(/No note "nope"/);
  });

  it('completes a note id from the template', async () => {
    const out = await h.api.call('completion.complete', {
      serverId: id,
      ref: { type: 'ref/resource', uri: 'notes://{id}' },
      argument: { name: 'id', value: 'n' },
    });
    expect(out.status === 'ok' && out.result.values.length).toBeGreaterThanOrEqual(5);
  });

  it('offers summarize_notes with a topic argument', async () => {
    const list = await h.api.call('prompts.list', { serverId: id });
    expect(list.status === 'ok' && list.result.prompts).toEqual([
      expect.objectContaining({ name: 'summarize_notes', arguments: [expect.objectContaining({ name: 'topic', required: true })] }),
    ]);
    const got = await h.api.call('prompts.get', { serverId: id, name: 'summarize_notes', arguments: { topic: 'stderr' } });
    if (got.status !== 'ok') throw new Error(got.status);
    expect(got.result.messages[0]!.role).toBe('user');
    expect((got.result.messages[0]!.content as { text: string }).text).toContain('Logs go to stderr');
  });
});
