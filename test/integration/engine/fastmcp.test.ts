/**
 * Real FastMCP servers from PyPI (the last 2.x and a current 3.x, in cached virtual environments)
 * running the seed server built from the guide. What each version does differently is asserted
 * here, so a FastMCP upgrade that changes it shows up as a failing line, not as a surprise in the UI.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../helpers/fixtures';
import { ensureFastmcpVenv, FASTMCP_VERSIONS } from '../../helpers/fastmcp-venv';
import { addAndStart, startHarness, waitForEvent, waitForLog, type Harness } from '../../helpers/harness';
import type { ActiveCall, ToolCallOutcome, ToolList } from '../../../src-shared/api/schemas/tool';
import type { JsonObject } from '../../../src-shared/api/schemas/common';

const SEED = path.join(FIXTURES, 'fastmcp_seed_server.py');
/** First run creates the environments (pip install); later runs reuse them. */
const SETUP_TIMEOUT_MS = 15 * 60_000;

function text(o: ToolCallOutcome): string {
  if (o.status !== 'ok' && o.status !== 'toolError') throw new Error(`expected a result, got ${o.status}: ${JSON.stringify(o)}`);
  return (o.result.content ?? []).map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}

describe.each(FASTMCP_VERSIONS)('FastMCP %s', (version) => {
  const v3 = version.startsWith('3.');
  let h: Harness;
  let id: string;
  beforeAll(async () => {
    const venv = await ensureFastmcpVenv(version);
    h = await startHarness({ handshakeTimeoutMs: 60_000 });
    const s = await addAndStart(h, { name: `fastmcp-${version}`, transport: 'stdio', command: venv.python, args: [SEED] });
    expect(s.status, JSON.stringify(s.status)).toMatchObject({ state: 'ready' });
    id = s.config.id;
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await h?.dispose();
  });

  const call = (toolName: string, args: JsonObject = {}, extra: { callId?: string } = {}) =>
    h.api.call('tools.call', { serverId: id, toolName, arguments: args, ...extra });

  it('advertises tools, resources and prompts; logging only from 3.x', async () => {
    const [s] = await h.api.call('servers.list', {});
    expect(s!.info).toMatchObject({ name: 'fastmcp-seed', protocolVersion: '2025-11-25' });
    const caps = s!.info!.capabilities;
    expect(caps).toMatchObject({
      tools: { listChanged: true },
      resources: { subscribe: false, listChanged: false },
      prompts: { listChanged: false },
    });
    expect('logging' in caps).toBe(v3);
    expect('completions' in caps).toBe(false);
  });

  it('lists its tools with pydantic schemas: constraints, anyOf with null, $defs (3.x) and wrapped outputs', async () => {
    const { tools } = await h.api.call('tools.list', { serverId: id });
    const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
    expect(Object.keys(byName)).toEqual(
      expect.arrayContaining(['search_notes', 'divide', 'process_batch', 'count_slowly', 'register_tool']),
    );
    const props = byName.search_notes!.inputSchema.properties as Record<string, JsonObject>;
    expect(props.query).toMatchObject({ type: 'string', minLength: 1, maxLength: 200, description: 'Words to look for' });
    expect(props.max_results).toMatchObject({ type: 'integer', minimum: 1, maximum: 100, default: 10 });
    expect(props.since).toMatchObject({ anyOf: [{ type: 'string', format: 'date' }, { type: 'null' }], default: null });
    // A pydantic model as output: its JSON schema is the outputSchema.
    expect((byName.process_batch!.outputSchema!.properties as Record<string, JsonObject>).status).toMatchObject({
      enum: ['success', 'partial', 'failed'],
    });
    // A non-object return is wrapped as {"result": …} and the schema says so.
    expect(byName.divide!.outputSchema).toMatchObject({ properties: { result: { type: 'number' } }, 'x-fastmcp-wrap-result': true });
    // 2.x inlines every $ref (a self-referencing model breaks it, so the seed server skips one there); 3.x keeps $defs.
    if (v3) {
      expect(byName.count_sections!.inputSchema).toMatchObject({
        properties: { outline: { $ref: '#/$defs/Section' } },
        $defs: { Section: { type: 'object' } },
      });
    } else {
      expect(byName.count_sections).toBeUndefined();
      expect(JSON.stringify(tools)).not.toContain('$defs');
    }
    expect(byName.search_notes!.inputSchema.additionalProperties).toBe(v3 ? false : undefined);
  });

  it('reports violated constraints as a tool error naming each field (pydantic text)', async () => {
    const out = await call('search_notes', { query: '', max_results: 500 });
    expect(out.status).toBe('toolError');
    expect(text(out)).toMatch(/^2 validation errors for call\[search_notes\]/);
    expect(text(out)).toContain('query\n  String should have at least 1 character');
    expect(text(out)).toContain('max_results\n  Input should be less than or equal to 100');
    expect(text(await call('divide', { a: 'x', b: 1 }))).toContain('Input should be a valid number');
  });

  it('turns ToolError into a tool error with its message, and keeps serving', async () => {
    const out = await call('divide', { a: 1, b: 0 });
    expect(out.status).toBe('toolError');
    expect(text(out)).toBe('Cannot divide by zero: pass a non-zero b.');
    const ok = await call('divide', { a: 1, b: 4 });
    expect(ok.status === 'ok' && ok.result.structuredContent).toEqual({ result: 0.25 });
  });

  it('returns structured output from a pydantic model, with the same JSON as text', async () => {
    const out = await call('process_batch', {
      items: [
        { name: 'a', quantity: 1 },
        { name: 'b', quantity: 0 },
      ],
    });
    expect(out.status).toBe('ok');
    if (out.status !== 'ok') return;
    expect(out.result.structuredContent).toMatchObject({
      status: 'partial',
      processed_items: 1,
      total_items: 2,
      errors: ['item 1: b has quantity 0'],
    });
    expect(JSON.parse(text(out))).toEqual(out.result.structuredContent);
  });

  it('sends log messages through Context as notification entries, whether or not it advertises logging', async () => {
    await call('count_slowly', { steps: 1, delay_ms: 0 });
    const seen = await waitForLog(h, id, (e) => e.source === 'notification' && e.level === 'warning');
    const info = seen.find((e) => e.source === 'notification' && e.level === 'info')!;
    // FastMCP sends {msg, extra} as the data, not a string.
    expect(info.data).toEqual({ msg: 'counting to 1', extra: null });
    expect(info.text).toBe('counting to 1'); // the message is the line a person reads
    expect(seen.at(-1)!.data).toMatchObject({ msg: 'done counting' });
  });

  it('reports progress to calls.active when the call carries a progress token', async () => {
    const callId = `fastmcp-progress-${version}`;
    const progressed = waitForEvent<ActiveCall[]>(
      (cb) => h.api.subscribe('calls.active', {}, cb),
      (calls) => calls.some((c) => c.callId === callId && (c.progress?.progress ?? 0) >= 1),
    );
    const pending = call('count_slowly', { steps: 4, delay_ms: 300 }, { callId });
    const active = (await progressed).find((c) => c.callId === callId)!;
    expect(active.progress).toMatchObject({ total: 4, message: expect.stringMatching(/^step \d of 4$/) });
    expect(text(await pending)).toBe('counted to 4');
  });

  it('announces a tool registered at runtime with tools/list_changed', async () => {
    const changed = waitForEvent<ToolList>(
      (cb) => h.api.subscribe('tools.changed', { serverId: id }, cb),
      (l) => l.tools.some((t) => t.name === 'late_tool'),
    );
    expect(text(await call('register_tool', { name: 'late_tool' }))).toBe('registered late_tool');
    await changed;
    expect(text(await call('late_tool'))).toBe('I am late_tool, added at runtime');
  });

  it('lists a static resource and templates with a wildcard and a query form, and reads them', async () => {
    const list = await h.api.call('resources.list', { serverId: id });
    expect(list.status === 'ok' && list.result.resources.map((r) => r.uri)).toEqual(['config://app']);
    const templates = await h.api.call('resources.templates', { serverId: id });
    expect(templates.status === 'ok' && templates.result.resourceTemplates.map((t) => t.uriTemplate)).toEqual([
      'data://{id}',
      'files://{path*}',
      'search://notes{?q,limit}',
    ]);

    const readText = async (uri: string) => {
      const o = await h.api.call('resources.read', { serverId: id, uri });
      if (o.status !== 'ok') throw new Error(`${uri}: ${JSON.stringify(o)}`);
      return (o.result.contents[0] as { text: string }).text;
    };
    expect(JSON.parse(await readText('config://app'))).toEqual({ name: 'fastmcp-seed', features: ['notes', 'batches'] });
    expect(JSON.parse(await readText('data://n1'))).toMatchObject({ id: 'n1', title: 'Logging' });
    expect(await readText('files://docs/guide/intro.md')).toBe('Start here.');
    expect(JSON.parse(await readText('search://notes?q=logs&limit=2'))).toEqual({ q: 'logs', ids: ['n1'] });
  });

  it('answers unknown resources with error code 0 (2.x) or -32002 (3.x), and template errors with 0', async () => {
    const unknown = await h.api.call('resources.read', { serverId: id, uri: 'nope://x' });
    expect(unknown).toMatchObject({ status: 'protocolError', code: v3 ? -32002 : 0 });
    const missing = await h.api.call('resources.read', { serverId: id, uri: 'data://zz' });
    expect(missing).toMatchObject({ status: 'protocolError', code: 0 });
    if (missing.status === 'protocolError') expect(missing.message).toContain("No note 'zz'");
  });

  it('gets a prompt with an argument; an unknown prompt is error code 0', async () => {
    const list = await h.api.call('prompts.list', { serverId: id });
    expect(list.status === 'ok' && list.result.prompts[0]).toMatchObject({
      name: 'summarize_notes',
      arguments: [{ name: 'topic', required: true }],
    });
    const got = await h.api.call('prompts.get', { serverId: id, name: 'summarize_notes', arguments: { topic: 'errors' } });
    expect(got.status === 'ok' && got.result.messages[0]).toMatchObject({
      role: 'user',
      content: { type: 'text', text: expect.stringContaining("'errors'") },
    });
    expect(await h.api.call('prompts.get', { serverId: id, name: 'nope' })).toMatchObject({ status: 'protocolError', code: 0 });
  });

  it('has no completions or subscriptions (Method not found), and a logging level only on 3.x', async () => {
    const ref = { type: 'ref/prompt' as const, name: 'summarize_notes' };
    expect(await h.api.call('completion.complete', { serverId: id, ref, argument: { name: 'topic', value: 'e' } })).toMatchObject({
      status: 'protocolError',
      code: -32601,
    });
    expect(await h.api.call('resources.subscribe', { serverId: id, uri: 'config://app' })).toMatchObject({
      status: 'protocolError',
      code: -32601,
    });
    if (v3) {
      expect((await h.api.call('logging.setLevel', { serverId: id, level: 'error' })).status).toBe('ok');
    } else {
      await expect(h.api.call('logging.setLevel', { serverId: id, level: 'error' })).rejects.toMatchObject({ code: 'Conflict' });
      expect(await h.api.call('logging.setLevel', { serverId: id, level: 'error', force: true })).toMatchObject({
        status: 'protocolError',
        code: -32601,
      });
    }
    expect((await h.api.call('servers.ping', { serverId: id })).status).toBe('ok');
  });
});
