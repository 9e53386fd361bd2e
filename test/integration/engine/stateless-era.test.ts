/**
 * A 2026-07-28 server (the SDK's 2.x server package) through the engine: the era probe picks the
 * stateless era on the first try, every request carries the `_meta` envelope, `input_required`
 * asks are answered through the same pending-request machinery as server→client requests of the
 * initialize era, and changes arrive on `subscriptions/listen`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { errorCodeMeaning } from '../../../src-shared/mcp/error-codes';
import { fixtureServer } from '../../helpers/fixtures';
import { addAndStart, startHarness, waitForEvent, waitForLog, type Harness } from '../../helpers/harness';
import type { EndedClientRequest, PendingClientRequest } from '../../../src-shared/api/schemas/client-request';
import type { ClientFeaturesInput } from '../../../src-shared/api/schemas/client-features';
import type { ActiveCall, ToolCallOutcome } from '../../../src-shared/api/schemas/tool';
import type { JsonObject } from '../../../src-shared/api/schemas/common';
import type { LogEntry } from '../../../src-shared/api/schemas/log';
import type { ResourceUpdate } from '../../../src-shared/api/schemas/resource';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';

let h: Harness;
let id: string;

async function start(clientFeatures?: ClientFeaturesInput, options: Parameters<typeof startHarness>[0] = {}) {
  h = await startHarness(options);
  const s = await addAndStart(h, fixtureServer('modern-server.ts', clientFeatures ? { clientFeatures } : {}));
  expect(s.status.state, JSON.stringify(s.status)).toBe('ready');
  id = s.config.id;
  return s;
}
afterEach(async () => {
  await h?.dispose();
});

const call = (toolName: string, args: JsonObject = {}, opts: { signal?: AbortSignal } = {}) =>
  h.api.call('tools.call', { serverId: id, toolName, arguments: args }, opts);

function text(o: ToolCallOutcome): string {
  if (o.status !== 'ok' && o.status !== 'toolError') throw new Error(`expected a result, got ${JSON.stringify(o)}`);
  return (o.result.content ?? []).map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}

const nextPending = (kind?: string) =>
  waitForEvent<PendingClientRequest[]>(
    (cb) => h.api.subscribe('requests.pending', { serverId: id }, cb),
    (list) => list.some((r) => kind === undefined || r.kind === kind),
  ).then((list) => list.find((r) => kind === undefined || r.kind === kind)!);

const protocolLog = async (): Promise<LogEntry[]> => {
  h.engine.logs.flush();
  return h.engine.logs.since(id, 0).entries;
};

describe('a 2026-07-28 server', () => {
  it('is detected by server/discover on one process, with its version and era in the summary', async () => {
    const s = await start();
    expect(s.info).toMatchObject({
      name: 'modern-fixture',
      title: 'Modern fixture',
      version: '2.0.0',
      protocolVersion: '2026-07-28',
      era: 'stateless',
      instructions: 'A 2026-07-28 server for MCP Lab tests.',
    });
    expect(s.info?.eraReason).toContain('server/discover offers 2026-07-28');
    const log = await protocolLog();
    const sent = log.filter((e) => e.source === 'protocol' && e.protocol?.dir === 'out').map((e) => e.protocol?.method);
    expect(sent[0]).toBe('server/discover');
    expect(sent).not.toContain('initialize');
    expect(log.filter((e) => e.source === 'lifecycle' && e.text.startsWith('starting:'))).toHaveLength(1);
    expect(s.toolCount).toBeGreaterThan(5);
  });

  it('calls tools, reads resources, gets prompts and completes, each request carrying the envelope', async () => {
    await start();
    expect(text(await call('echo', { text: 'hi' }))).toBe('hi');
    const add = await call('add', { a: 2, b: 3 });
    expect(add.status === 'ok' && add.result.structuredContent).toEqual({ sum: 5 });
    const read = await h.api.call('resources.read', { serverId: id, uri: 'notes://n1' });
    expect(read.status === 'ok' && read.result.contents[0]).toMatchObject({ uri: 'notes://n1', text: expect.stringContaining('stderr') });
    const resources = await h.api.call('resources.list', { serverId: id });
    expect(resources.status === 'ok' && resources.result.resources.map((r) => r.uri)).toEqual(['notes://n1']);
    const templates = await h.api.call('resources.templates', { serverId: id });
    expect(templates.status === 'ok' && templates.result.resourceTemplates.map((t) => t.uriTemplate)).toEqual(['notes://{id}']);
    const prompt = await h.api.call('prompts.get', { serverId: id, name: 'greet', arguments: { name: 'Bo' } });
    expect(prompt.status === 'ok' && prompt.result.messages[0]?.content).toEqual({ type: 'text', text: 'Please greet Bo warmly.' });
    const done = await h.api.call('completion.complete', {
      serverId: id,
      ref: { type: 'ref/resource', uri: 'notes://{id}' },
      argument: { name: 'id', value: 'n' },
    });
    expect(done.status === 'ok' && done.result.values).toEqual(['n1', 'n2']);
    const log = await protocolLog();
    const echo = log.find((e) => e.protocol?.dir === 'out' && e.protocol.method === 'tools/call')!;
    const meta = (echo.data as { params: { _meta: Record<string, unknown> } }).params._meta;
    expect(meta['io.modelcontextprotocol/protocolVersion']).toBe('2026-07-28');
    expect(meta['io.modelcontextprotocol/clientInfo']).toMatchObject({ name: 'mcp-lab' });
    expect(meta['io.modelcontextprotocol/clientCapabilities']).toEqual({
      sampling: {},
      elicitation: { form: {}, url: {} },
      roots: { listChanged: true },
    });
  });

  it('an unknown resource is answered with -32602, which the app names as a resource that does not exist', async () => {
    await start();
    const read = await h.api.call('resources.read', { serverId: id, uri: 'nowhere://x' });
    expect(read).toMatchObject({ status: 'protocolError', code: -32602, method: 'resources/read' });
    expect(read.status === 'protocolError' && errorCodeMeaning(read.code, read.method)?.note).toContain('the resource does not exist');
  });

  it('answers an input_required elicitation through requests.respond and returns the final result', async () => {
    await start();
    const pending = call('ask_name');
    const req = await nextPending('elicitation');
    expect(req).toMatchObject({
      method: 'elicitation/create',
      kind: 'elicitation',
      params: { message: 'What is your name?', mode: 'form' },
    });
    expect(String(req.jsonRpcId)).toMatch(/\/name$/);
    expect(req.inputRequired).toEqual({ method: 'tools/call', key: 'name', round: 1 });
    await h.api.call('requests.respond', { requestId: req.id, response: { action: 'accept', content: { name: 'Ada' } } });
    const o = await pending;
    expect(text(o)).toBe('Hello, Ada!');
    const calls = (await protocolLog()).filter((e) => e.source === 'protocol' && e.protocol?.method === 'tools/call');
    // Two rounds on the wire: the first answered input_required, the second the greeting.
    expect(calls.filter((e) => e.protocol?.dir === 'out')).toHaveLength(2);
    const second = calls.filter((e) => e.protocol?.dir === 'out')[1]!;
    expect((second.data as { params: JsonObject }).params.inputResponses).toEqual({ name: { action: 'accept', content: { name: 'Ada' } } });
  });

  it('answers sampling and elicitation by auto-reply rules, and keeps requestState across two rounds', async () => {
    await start({
      sampling: { enabled: true, rules: [{ text: 'short', model: 'rule-model' }] },
      elicitation: {
        enabled: true,
        rules: [
          { match: 'First', action: 'accept', content: { a: 'one' } },
          { match: 'Second', action: 'accept', content: { b: 'two' } },
        ],
      },
    });
    expect(text(await call('summarize', { text: 'a long text' }))).toBe('summary (rule-model): short');
    expect(text(await call('two_questions'))).toBe('one then two');
  });

  it('answers roots from the config, and a declined elicitation is sent as declined', async () => {
    await start({
      roots: { enabled: true, folders: [{ uri: 'file:///tmp/project', name: 'project' }] },
      elicitation: { enabled: true, rules: [{ action: 'decline' }] },
    });
    expect(text(await call('roots'))).toBe('file:///tmp/project');
    expect(text(await call('ask_name'))).toBe('no name given (decline)');
  });

  it('a URL-mode elicitation (no elicitationId in 2026-07-28) waits for consent like any other', async () => {
    await start();
    const pending = call('open_docs');
    const req = await nextPending('elicitation');
    expect(req.params).toEqual({ mode: 'url', message: 'Read the setup guide', url: 'https://example.com/setup' });
    await h.api.call('requests.respond', { requestId: req.id, response: { action: 'accept' } });
    expect(text(await pending)).toBe('url elicitation: accept');
  });

  it('a call cancelled while a person is asked ends as cancelled, and the ask is withdrawn', async () => {
    await start();
    const ac = new AbortController();
    const ended = waitForEvent<EndedClientRequest>(
      (cb) => h.api.subscribe('requests.ended', {}, cb),
      () => true,
    );
    const pending = call('ask_name', {}, { signal: ac.signal });
    await nextPending('elicitation');
    ac.abort();
    expect(await pending).toMatchObject({ status: 'cancelled' });
    expect(await ended).toMatchObject({ kind: 'elicitation', reason: 'withdrawn' });
    // Nothing was sent again.
    expect((await protocolLog()).filter((e) => e.protocol?.method === 'tools/call' && e.protocol.dir === 'out')).toHaveLength(1);
  });

  it('a rejected sampling ask stops the exchange with the rejection (2026-07-28 has no error answer)', async () => {
    await start();
    const pending = call('summarize', { text: 'x' });
    const req = await nextPending('sampling');
    await h.api.call('requests.respond', { requestId: req.id, response: { action: 'reject' } });
    const o = await pending;
    expect(o).toMatchObject({ status: 'protocolError', code: -1, message: expect.stringContaining('User rejected sampling request') });
    expect(o.status === 'protocolError' && o.message).toContain('did not send tools/call again');
  });

  it('with elicitation turned off: not declared, and the server refuses with -32021 (the 2026-07-28 answer)', async () => {
    await start({ elicitation: { enabled: false } });
    const o = await call('ask_name');
    expect(o).toMatchObject({ status: 'protocolError', code: -32021 });
  });

  it('delivers resource updates and list changes through subscriptions/listen', async () => {
    await start();
    const sub = await h.api.call('resources.subscribe', { serverId: id, uri: 'notes://n1' });
    expect(sub).toMatchObject({ status: 'ok', method: 'subscriptions/listen' });
    const updated = waitForEvent<ResourceUpdate>(
      (cb) => h.api.subscribe('resources.updated', { serverId: id }, cb),
      (u) => u.uri === 'notes://n1',
    );
    await call('touch', { id: 'n1', text: 'changed' });
    expect((await updated).serverId).toBe(id);
    const changed = waitForEvent<{ tools: { name: string }[] }>(
      (cb) => h.api.subscribe('tools.changed', { serverId: id }, cb),
      (l) => l.tools.some((t) => t.name === 'extra'),
    );
    await call('add_tool', { name: 'extra' });
    await changed;
    const log = await protocolLog();
    expect(log.filter((e) => e.protocol?.method === 'notifications/resources/updated')).toHaveLength(1);
  });

  it('reports progress of a call to calls.active, and the server log lines it sends at the envelope level', async () => {
    await start();
    const callId = 'modern-progress';
    const progressed = waitForEvent<ActiveCall[]>(
      (cb) => h.api.subscribe('calls.active', {}, cb),
      (calls) => calls.some((c) => c.callId === callId && (c.progress?.progress ?? 0) >= 1),
    );
    const pending = h.api.call('tools.call', { serverId: id, toolName: 'slow', arguments: { ms: 600, steps: 3 }, callId });
    expect((await progressed).find((c) => c.callId === callId)!.progress).toMatchObject({
      total: 3,
      message: expect.stringMatching(/^step \d of 3$/),
    });
    expect(text(await pending)).toBe('waited 600 ms');
    expect((await protocolLog()).filter((e) => e.source === 'notification' && e.logger === 'slow')).toHaveLength(3);
    // logging.setLevel has no wire request in 2026-07-28: the level rides in the envelope from then on.
    expect(await h.api.call('logging.setLevel', { serverId: id, level: 'error' })).toMatchObject({
      status: 'ok',
      method: 'logging/setLevel',
      requestBytes: 0,
    });
    await call('slow', { ms: 30, steps: 3 });
    expect((await protocolLog()).filter((e) => e.source === 'notification' && e.logger === 'slow')).toHaveLength(3);
  });

  it('cancels a slow call: notifications/cancelled goes out and the outcome is cancelled', async () => {
    await start();
    const ac = new AbortController();
    const pending = call('slow', { ms: 5000, steps: 50 }, { signal: ac.signal });
    await waitForLog(h, id, (e) => e.source === 'notification' && e.text.includes('step 1'));
    ac.abort();
    expect(await pending).toMatchObject({ status: 'cancelled', toolName: 'slow' });
    await waitForLog(h, id, (e) => e.protocol?.method === 'notifications/cancelled');
    // The server's handler saw the abort (the SDK 2.x server turns notifications/cancelled into its signal).
    await waitForLog(h, id, (e) => e.source === 'stderr' && e.text.includes('slow was cancelled'));
  });

  it('has no ping: servers.ping and the health check ask server/discover', async () => {
    await start(undefined, { health: { intervalMs: 200, timeoutMs: 2000 } });
    const o = await h.api.call('servers.ping', { serverId: id });
    expect(o).toMatchObject({ status: 'ok', method: 'server/discover' });
    const s = await waitForEvent<ServerSummary[]>(
      (cb) => h.api.subscribe('servers.changed', {}, cb),
      (l) => l[0]?.health?.state === 'ok',
    );
    expect(s[0]!.health).toMatchObject({ state: 'ok', method: 'server/discover' });
    const log = await protocolLog();
    expect(log.some((e) => e.protocol?.method === 'ping')).toBe(false);
  });
});
