/**
 * Resources, prompts, completions, logging level and ping through the engine, against a fixture
 * server that paginates, answers with big contents and misbehaves on request.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureServer } from '../../helpers/fixtures';
import { addAndStart, startHarness, waitForEvent, waitForLog, type Harness } from '../../helpers/harness';
import type { PromptList } from '../../../src-shared/api/schemas/prompt';
import type { ResourceList, ResourceUpdate } from '../../../src-shared/api/schemas/resource';

const MiB = 1024 * 1024;
let h: Harness;
let id: string;

beforeAll(async () => {
  // Big enough for the 20 MB blob below (27 MB of base64 on one line).
  h = await startHarness({ maxMessageBytes: 64 * MiB });
  const s = await addAndStart(h, fixtureServer('resource-server.ts'));
  expect(s.status.state).toBe('ready');
  id = s.config.id;
});
afterAll(async () => {
  await h.dispose();
});

const read = (uri: string, timeoutMs?: number) => h.api.call('resources.read', { serverId: id, uri, ...(timeoutMs ? { timeoutMs } : {}) });

describe('resources', () => {
  it('lists every page of resources and the templates, and keeps the snapshot', async () => {
    const list = await h.api.call('resources.list', { serverId: id });
    expect(list).toMatchObject({ status: 'ok', method: 'resources/list', serverId: id });
    if (list.status !== 'ok') return;
    expect(list.result.pages).toBe(3);
    expect(list.result.resources).toHaveLength(25);
    expect(list.result.resources[24]).toMatchObject({ uri: 'item://25', name: 'item-25', mimeType: 'text/plain' });
    expect(list.requestBytes).toBeGreaterThan(0);
    expect(list.responseBytes).toBeGreaterThan(0);

    const templates = await h.api.call('resources.templates', { serverId: id });
    expect(templates.status).toBe('ok');
    if (templates.status === 'ok')
      expect(templates.result.resourceTemplates.map((t) => t.uriTemplate)).toEqual(['big://blob/{bytes}', 'big://text/{chars}']);

    // Listed at start already: the stream's first snapshot has everything.
    const snap = await waitForEvent<ResourceList>(
      (cb) => h.api.subscribe('resources.changed', { serverId: id }, cb),
      () => true,
    );
    expect(snap).toMatchObject({ serverId: id, pages: 3, templatePages: 1 });
    expect(snap.resources).toHaveLength(25);
    expect(snap.resourceTemplates).toHaveLength(2);
  });

  it('reads small text and blob contents inline, several parts included', async () => {
    const text = await read('item://7');
    expect(text.status).toBe('ok');
    if (text.status === 'ok') expect(text.result.contents).toEqual([{ uri: 'item://7', mimeType: 'text/plain', text: 'item 7' }]);
    const multi = await read('multi://two');
    expect(multi.status).toBe('ok');
    if (multi.status !== 'ok') return;
    expect(multi.result.contents).toHaveLength(2);
    expect(multi.result.contents[1]).toMatchObject({ blob: Buffer.from(Array.from({ length: 16 }, (_, i) => i)).toString('base64') });
    // Under the limits: 3 MB of bytes is 4,000,000 base64 characters, under 4 MiB.
    const blob = await read('big://blob/3000000');
    expect(blob.status === 'ok' && 'blob' in blob.result.contents[0]!).toBe(true);
  });

  it('saves a big blob to the downloads folder and replies with where, not with the data', async () => {
    const bytes = 20_000_000;
    const out = await read(`big://blob/${bytes}`);
    expect(out.status).toBe('ok');
    if (out.status !== 'ok') return;
    expect(JSON.stringify(out).length).toBeLessThan(4096);
    const c = out.result.contents[0]!;
    expect(c).toMatchObject({ uri: `big://blob/${bytes}`, kind: 'blob', bytes, mimeType: 'application/octet-stream' });
    if (!('savedTo' in c)) return;
    expect(path.dirname(c.savedTo)).toBe(path.join(path.dirname(h.workspaceDir), 'app', 'downloads'));
    expect(path.basename(c.savedTo)).toMatch(/^20000000-[0-9a-f]{10}\.bin$/);
    expect((await stat(c.savedTo)).size).toBe(bytes);
    const expected = Buffer.alloc(bytes);
    for (let i = 0; i < bytes; i++) expected[i] = i % 251;
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(sha(await readFile(c.savedTo))).toBe(sha(expected));
    // The protocol log keeps a preview of such a message, not the message.
    const log = await waitForLog(
      h,
      id,
      (e) => e.protocol?.method === 'resources/read' && e.protocol.dir === 'in' && e.protocol.bytes > bytes,
    );
    expect(JSON.stringify(log.at(-1)!.data).length).toBeLessThan(10_000);
  });

  it('saves a text over 1 MiB with a preview, and keeps a smaller one inline', async () => {
    const big = await read('big://text/2000000');
    expect(big.status).toBe('ok');
    if (big.status !== 'ok') return;
    const c = big.result.contents[0]!;
    expect(c).toMatchObject({ kind: 'text', bytes: 2_000_000 });
    if (!('savedTo' in c)) return;
    expect(c.preview).toMatch(/^abcdefghij/);
    expect(c.savedTo.endsWith('.txt')).toBe(true);
    expect((await readFile(c.savedTo, 'utf8')).length).toBe(2_000_000);
    const small = await read(`big://text/${MiB}`);
    expect(small.status === 'ok' && 'text' in small.result.contents[0]!).toBe(true);
  });

  it('reports an unknown resource as a protocol error and keeps the connection', async () => {
    const out = await read('nope://x');
    expect(out).toMatchObject({ status: 'protocolError', code: -32002, method: 'resources/read' });
    if (out.status === 'protocolError') expect(out.message).toContain('nope://x');
    expect((await h.api.call('servers.ping', { serverId: id })).status).toBe('ok');
  });

  it('reports a result of the wrong shape as an invalid result, with what came and what is wrong', async () => {
    const out = await read('bad://shape');
    expect(out.status).toBe('protocolError');
    if (out.status !== 'protocolError') return;
    expect(out.code).toBe(-32603);
    expect(out.message).toMatch(/^the server answered with an invalid resources\/read result/);
    expect(out.data).toMatchObject({ raw: { contents: 'not a list' } });
    expect((out.data as { issues: unknown[] }).issues.length).toBeGreaterThan(0);
    expect(out.responseBytes).toBeGreaterThan(0);
    expect((await read('item://1')).status).toBe('ok');
  });

  it('times out and cancels like a tool call', async () => {
    const timedOut = await read('hang://forever', 300);
    expect(timedOut).toMatchObject({ status: 'timeout', timeoutMs: 300 });
    const ac = new AbortController();
    const after = h.engine.logs.since(id, 0).entries.at(-1)?.seq ?? 0;
    const pending = h.api.call('resources.read', { serverId: id, uri: 'hang://forever' }, { signal: ac.signal });
    // Cancel once the request is with the server.
    await waitForLog(h, id, (e) => e.seq > after && e.protocol?.dir === 'out' && e.protocol.method === 'resources/read');
    ac.abort();
    expect((await pending).status).toBe('cancelled');
  });

  it('delivers resource updates for subscribed URIs only, and shows the subscriptions', async () => {
    const sub = await h.api.call('resources.subscribe', { serverId: id, uri: 'item://3' });
    expect(sub).toMatchObject({ status: 'ok', method: 'resources/subscribe', result: {} });
    const snap = await waitForEvent<ResourceList>(
      (cb) => h.api.subscribe('resources.changed', { serverId: id }, cb),
      (l) => l.subscriptions.includes('item://3'),
    );
    expect(snap.subscriptions).toEqual(['item://3']);

    const updated = waitForEvent<ResourceUpdate>(
      (cb) => h.api.subscribe('resources.updated', { serverId: id }, cb),
      (u) => u.uri === 'item://3',
    );
    await h.api.call('tools.call', { serverId: id, toolName: 'touch', arguments: { value: 'item://3' } });
    expect(await updated).toMatchObject({ serverId: id, uri: 'item://3' });

    expect((await h.api.call('resources.unsubscribe', { serverId: id, uri: 'item://3' })).status).toBe('ok');
    const after = await h.api.call('tools.call', { serverId: id, toolName: 'touch', arguments: { value: 'item://3' } });
    expect(after.status === 'ok' && after.result.content?.[0]).toMatchObject({ text: 'not subscribed to item://3' });
  });

  it('refreshes the resource and prompt snapshots on list_changed', async () => {
    const resources = waitForEvent<ResourceList>(
      (cb) => h.api.subscribe('resources.changed', { serverId: id }, cb),
      (l) => l.resources.length === 26,
    );
    const prompts = waitForEvent<PromptList>(
      (cb) => h.api.subscribe('prompts.changed', { serverId: id }, cb),
      (l) => l.prompts.some((p) => p.name === 'farewell'),
    );
    await h.api.call('tools.call', { serverId: id, toolName: 'add_resource', arguments: {} });
    await h.api.call('tools.call', { serverId: id, toolName: 'add_prompt', arguments: { value: 'farewell' } });
    expect((await resources).pages).toBe(3);
    expect((await prompts).prompts.map((p) => p.name)).toEqual(['greet', 'farewell']);
    await waitForLog(h, id, (e) => e.source === 'lifecycle' && e.text.startsWith('prompt list changed: 2 prompts'));
  });
});

describe('prompts, completions, logging level, ping', () => {
  it('lists prompts and gets one with arguments; an unknown prompt is a protocol error', async () => {
    const list = await h.api.call('prompts.list', { serverId: id });
    expect(list.status).toBe('ok');
    if (list.status === 'ok')
      expect(list.result.prompts[0]).toMatchObject({ name: 'greet', arguments: [{ name: 'name', required: true }] });
    const got = await h.api.call('prompts.get', { serverId: id, name: 'greet', arguments: { name: 'Ada' } });
    expect(got.status).toBe('ok');
    if (got.status === 'ok') expect(got.result.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(await h.api.call('prompts.get', { serverId: id, name: 'nope' })).toMatchObject({ status: 'protocolError', code: -32602 });
  });

  it('completes a prompt argument and a template variable', async () => {
    const names = await h.api.call('completion.complete', {
      serverId: id,
      ref: { type: 'ref/prompt', name: 'greet' },
      argument: { name: 'name', value: 'A' },
    });
    expect(names).toMatchObject({
      status: 'ok',
      method: 'completion/complete',
      result: { values: ['Ada', 'Alan'], total: 2, hasMore: false },
    });
    const sizes = await h.api.call('completion.complete', {
      serverId: id,
      ref: { type: 'ref/resource', uri: 'big://blob/{bytes}' },
      argument: { name: 'bytes', value: '10' },
      context: { arguments: {} },
    });
    expect(sizes.status === 'ok' && sizes.result.values).toEqual(['1024', '1048576']);
  });

  it('sets the logging level', async () => {
    expect(await h.api.call('logging.setLevel', { serverId: id, level: 'error' })).toMatchObject({
      status: 'ok',
      method: 'logging/setLevel',
    });
    const level = await h.api.call('tools.call', { serverId: id, toolName: 'level', arguments: {} });
    expect(level.status === 'ok' && level.result.content?.[0]).toMatchObject({ text: 'error' });
  });

  it('pings, with the round trip as the duration', async () => {
    const pong = await h.api.call('servers.ping', { serverId: id });
    expect(pong).toMatchObject({ status: 'ok', method: 'ping', result: {} });
    expect(pong.durationMs).toBeGreaterThanOrEqual(0);
  });
});

describe('servers that are not ready, crash, or paginate badly', () => {
  it('refuses requests to a stopped server with ServerNotReady', async () => {
    const s = await h.api.call('servers.add', fixtureServer('resource-server.ts', { name: 'stopped' }));
    for (const call of [
      () => h.api.call('resources.list', { serverId: s.config.id }),
      () => h.api.call('resources.read', { serverId: s.config.id, uri: 'item://1' }),
      () => h.api.call('prompts.get', { serverId: s.config.id, name: 'greet' }),
      () => h.api.call('servers.ping', { serverId: s.config.id }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'ServerNotReady' });
    }
    await h.api.call('servers.remove', { serverId: s.config.id });
  });

  it('stops paging a cursor that repeats, and still starts the server', async () => {
    const s = await addAndStart(
      h,
      fixtureServer('resource-server.ts', { name: 'looping', args: [...fixtureServer('resource-server.ts').args!, '--loop-cursor'] }),
    );
    expect(s.status.state).toBe('ready');
    const out = await h.api.call('resources.list', { serverId: s.config.id });
    expect(out).toMatchObject({ status: 'protocolError', code: -32603 });
    if (out.status === 'protocolError')
      expect(out.message).toBe('resources/list returned the cursor "again" twice; stopped paging after 2 pages');
    await waitForLog(
      h,
      s.config.id,
      (e) => e.source === 'lifecycle' && e.text.startsWith('resources/list failed: resources/list returned the cursor'),
    );
    await h.api.call('servers.remove', { serverId: s.config.id });
  });

  it('reports a crash during a request with the exit code and stderr tail', async () => {
    const s = await addAndStart(h, fixtureServer('resource-server.ts', { name: 'crashing' }));
    const out = await h.api.call('resources.read', { serverId: s.config.id, uri: 'crash://now' });
    expect(out).toMatchObject({ status: 'crashed', exitCode: 5, method: 'resources/read' });
    if (out.status === 'crashed') expect(out.stderrTail.join('\n')).toContain('fatal: reading crash://now');
    await h.api.call('servers.remove', { serverId: s.config.id });
  });

  it('refuses logging/setLevel to a server that does not advertise logging, unless forced', async () => {
    const s = await addAndStart(h, fixtureServer('py_stdlib_server.py'));
    const refused = await h.api.call('logging.setLevel', { serverId: s.config.id, level: 'debug' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'Conflict' });
    expect((refused as Error).message).toContain('does not advertise logging');
    const forced = await h.api.call('logging.setLevel', { serverId: s.config.id, level: 'debug', force: true });
    expect(forced).toMatchObject({ status: 'protocolError', code: -32601 });
    await h.api.call('servers.remove', { serverId: s.config.id });
  });
});
