/**
 * The official reference server, `@modelcontextprotocol/server-everything`, as a client meets it:
 * resources, templates, subscriptions, prompts, completions, logging level and ping.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/fixtures';
import { addAndStart, startHarness, waitForEvent, waitForLog, type Harness } from '../../helpers/harness';
import type { ResourceUpdate } from '../../../src-shared/api/schemas/resource';

const EVERYTHING = path.join(REPO_ROOT, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js');

let h: Harness;
let id: string;
beforeAll(async () => {
  h = await startHarness();
  const s = await addAndStart(h, { name: 'everything', transport: 'stdio', command: process.execPath, args: [EVERYTHING, 'stdio'] });
  expect(s.status.state).toBe('ready');
  id = s.config.id;
});
afterAll(async () => {
  await h.dispose();
});

describe('server-everything', () => {
  it('advertises resources with subscribe, prompts, completions and logging', async () => {
    const [s] = await h.api.call('servers.list', {});
    expect(s!.info).toMatchObject({ name: 'mcp-servers/everything', protocolVersion: '2025-11-25' });
    expect(s!.info!.capabilities).toMatchObject({
      resources: { subscribe: true, listChanged: true },
      prompts: { listChanged: true },
      completions: {},
      logging: {},
    });
  });

  it('lists its static documents (one page) and its two dynamic templates', async () => {
    const list = await h.api.call('resources.list', { serverId: id });
    expect(list.status).toBe('ok');
    if (list.status !== 'ok') return;
    expect(list.result.pages).toBe(1);
    expect(list.result.resources.length).toBeGreaterThanOrEqual(5);
    expect(list.result.resources.every((r) => r.uri.startsWith('demo://resource/static/document/'))).toBe(true);
    const templates = await h.api.call('resources.templates', { serverId: id });
    expect(templates.status === 'ok' && templates.result.resourceTemplates.map((t) => t.uriTemplate).sort()).toEqual([
      'demo://resource/dynamic/blob/{resourceId}',
      'demo://resource/dynamic/text/{resourceId}',
    ]);
  });

  it('reads a static document, a dynamic text and a dynamic blob', async () => {
    const doc = await h.api.call('resources.read', { serverId: id, uri: 'demo://resource/static/document/features.md' });
    expect(doc.status === 'ok' && doc.result.contents[0]).toMatchObject({
      mimeType: 'text/markdown',
      text: expect.stringContaining('# Everything Server'),
    });
    const text = await h.api.call('resources.read', { serverId: id, uri: 'demo://resource/dynamic/text/1' });
    expect(text.status === 'ok' && text.result.contents[0]).toMatchObject({
      text: expect.stringMatching(/^Resource 1: This is a plaintext resource/),
    });
    const blob = await h.api.call('resources.read', { serverId: id, uri: 'demo://resource/dynamic/blob/2' });
    expect(blob.status).toBe('ok');
    if (blob.status !== 'ok') return;
    const c = blob.result.contents[0]!;
    expect('blob' in c && Buffer.from(c.blob, 'base64').toString()).toMatch(/^Resource 2: This is a base64 blob/);
  });

  it('answers unknown resources with JSON-RPC errors (-32602 for no match, -32603 for a bad id)', async () => {
    expect(await h.api.call('resources.read', { serverId: id, uri: 'nope://x' })).toMatchObject({ status: 'protocolError', code: -32602 });
    expect(await h.api.call('resources.read', { serverId: id, uri: 'demo://resource/dynamic/text/0' })).toMatchObject({
      status: 'protocolError',
      code: -32603,
    });
  });

  it('sends resource updates for a subscribed URI once asked to simulate them', async () => {
    const uri = 'demo://resource/dynamic/text/1';
    expect((await h.api.call('resources.subscribe', { serverId: id, uri })).status).toBe('ok');
    const updated = waitForEvent<ResourceUpdate>(
      (cb) => h.api.subscribe('resources.updated', {}, cb),
      (u) => u.uri === uri,
    );
    await h.api.call('tools.call', { serverId: id, toolName: 'toggle-subscriber-updates', arguments: {} });
    expect(await updated).toMatchObject({ serverId: id, uri });
    await h.api.call('tools.call', { serverId: id, toolName: 'toggle-subscriber-updates', arguments: {} });
    expect((await h.api.call('resources.unsubscribe', { serverId: id, uri })).status).toBe('ok');
  });

  it('lists its prompts and gets one with arguments', async () => {
    const list = await h.api.call('prompts.list', { serverId: id });
    expect(list.status === 'ok' && list.result.prompts.map((p) => p.name)).toEqual(
      expect.arrayContaining(['simple-prompt', 'args-prompt', 'completable-prompt', 'resource-prompt']),
    );
    const got = await h.api.call('prompts.get', { serverId: id, name: 'args-prompt', arguments: { city: 'Paris', state: 'TX' } });
    expect(got.status === 'ok' && got.result.messages[0]!.content).toEqual({ type: 'text', text: "What's weather in Paris, TX?" });
    const embedded = await h.api.call('prompts.get', {
      serverId: id,
      name: 'resource-prompt',
      arguments: { resourceType: 'Text', resourceId: '3' },
    });
    expect(embedded.status === 'ok' && embedded.result.messages[1]!.content).toMatchObject({
      type: 'resource',
      resource: { uri: 'demo://resource/dynamic/text/3' },
    });
    expect(await h.api.call('prompts.get', { serverId: id, name: 'nope' })).toMatchObject({ status: 'protocolError', code: -32602 });
  });

  it('completes prompt arguments (narrowed by context) and template variables', async () => {
    const ref = { type: 'ref/prompt' as const, name: 'completable-prompt' };
    const dept = await h.api.call('completion.complete', { serverId: id, ref, argument: { name: 'department', value: 'E' } });
    expect(dept.status === 'ok' && dept.result.values).toEqual(['Engineering']);
    const names = await h.api.call('completion.complete', {
      serverId: id,
      ref,
      argument: { name: 'name', value: '' },
      context: { arguments: { department: 'Sales' } },
    });
    expect(names.status === 'ok' && names.result).toEqual({ values: ['David', 'Eve', 'Frank'], total: 3, hasMore: false });
    const ids = await h.api.call('completion.complete', {
      serverId: id,
      ref: { type: 'ref/resource', uri: 'demo://resource/dynamic/text/{resourceId}' },
      argument: { name: 'resourceId', value: '12' },
    });
    expect(ids.status === 'ok' && ids.result.values).toEqual(['12']);
  });

  it('sets the logging level, and its log messages arrive as notification entries', async () => {
    expect((await h.api.call('logging.setLevel', { serverId: id, level: 'debug' })).status).toBe('ok');
    // Subscribing makes it log an info message about the request.
    await h.api.call('resources.subscribe', { serverId: id, uri: 'demo://resource/dynamic/text/9' });
    const log = await waitForLog(h, id, (e) => e.source === 'notification' && e.text.includes('Received Subscribe Resource request'));
    expect(log.at(-1)!.level).toBe('info');
  });

  it('answers ping', async () => {
    const pong = await h.api.call('servers.ping', { serverId: id });
    expect(pong).toMatchObject({ status: 'ok', method: 'ping' });
  });
});
