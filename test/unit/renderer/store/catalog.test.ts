import { describe, expect, it, vi } from 'vitest';
import { createLogStore } from '../../../../src-renderer/store/log-store';
import { MAX_KEPT_READS, resourceKey } from '../../../../src-renderer/store/slices/resources-slice';
import { bindApiEvents } from '../../../../src-renderer/store/sync/bind-api-events';
import { createWorkbenchStore } from '../../../../src-renderer/store/workbench-store';
import { createFakeApi } from '../helpers/fake-api';
import { serverSummary } from '../helpers/fixtures';

const base = { serverId: 's', method: 'resources/read', startedAt: 1_000, durationMs: 3, requestBytes: 50 };
const readOk = (uri: string, text = 'hello') => ({ ...base, status: 'ok', responseBytes: 80, result: { contents: [{ uri, text }] } });
const list = (serverId: string, extra = {}) => ({
  serverId,
  resources: [],
  resourceTemplates: [],
  pages: 1,
  templatePages: 1,
  listedAt: 1,
  subscriptions: [],
  ...extra,
});

describe('catalog sync', () => {
  it('one resources and one prompts stream per server; updates land per URI; a removed server is forgotten', () => {
    const fake = createFakeApi({
      'app.info': () => ({ name: 'MCP Lab', version: '0', host: 'test', workspaceDir: '/ws', platform: 'linux' }),
    });
    const wb = createWorkbenchStore(fake.api);
    const d = bindApiEvents(fake.api, wb, createLogStore());
    const subs = (stream: string) =>
      (fake.api.subscribe as unknown as { mock: { calls: unknown[][] } }).mock.calls.filter((c) => c[0] === stream).map((c) => c[1]);
    fake.emit('servers.changed', [serverSummary('a'), serverSummary('b')]);
    fake.emit('servers.changed', [serverSummary('a'), serverSummary('b')]);
    expect(subs('resources.changed')).toEqual([{ serverId: 'a' }, { serverId: 'b' }]);
    expect(subs('prompts.changed')).toEqual([{ serverId: 'a' }, { serverId: 'b' }]);
    expect(subs('resources.updated')).toEqual([{}]);

    fake.emit('resources.changed', list('a', { resources: [{ uri: 'notes://n1', name: 'n1' }], subscriptions: ['notes://n1'] }));
    fake.emit('prompts.changed', { serverId: 'a', prompts: [{ name: 'p' }], pages: 1, listedAt: 1 });
    fake.emit('resources.updated', { serverId: 'a', uri: 'notes://n1', at: 5 });
    fake.emit('resources.updated', { serverId: 'a', uri: 'notes://n1', at: 9 });
    const s = wb.getState();
    expect(s.resourcesByServer.a?.subscriptions).toEqual(['notes://n1']);
    expect(s.promptsByServer.a?.prompts).toHaveLength(1);
    expect(s.resourceUpdates.a).toEqual({ 'notes://n1': 9 });

    fake.emit('servers.changed', [serverSummary('b')]);
    expect(wb.getState().resourcesByServer.a).toBeUndefined();
    expect(wb.getState().resourceUpdates.a).toBeUndefined();
    d.dispose();
  });
});

describe('resources slice', () => {
  it('openResource switches to the Resources tab, selects the URI and reads it', async () => {
    const fake = createFakeApi({ 'resources.read': (p) => readOk((p as { uri: string }).uri) });
    const wb = createWorkbenchStore(fake.api);
    wb.getState().openResource('s', 'demo://resource/dynamic/text/2');
    expect(wb.getState().activeTab).toBe('resources');
    expect(wb.getState().resourceSelection.s).toEqual({ kind: 'resource', uri: 'demo://resource/dynamic/text/2' });
    expect(fake.call).toHaveBeenCalledWith('resources.read', { serverId: 's', uri: 'demo://resource/dynamic/text/2' }, expect.anything());
    await vi.waitFor(() =>
      expect(wb.getState().resourceReads[resourceKey('s', 'demo://resource/dynamic/text/2')]?.outcome?.status).toBe('ok'),
    );
  });

  it('embedded contents are shown without asking the server', () => {
    const fake = createFakeApi({});
    const wb = createWorkbenchStore(fake.api);
    wb.getState().openResource('s', 'x://e', { uri: 'x://e', text: 'inline' });
    expect(fake.call).not.toHaveBeenCalled();
    expect(wb.getState().resourceReads[resourceKey('s', 'x://e')]).toMatchObject({ embedded: [{ text: 'inline' }], reading: false });
  });

  it('readTemplate asks the engine to expand (non-empty values only), then reads that URI', async () => {
    const fake = createFakeApi({
      'resources.expandTemplate': () => ({ uri: 'search://notes?q=logs' }),
      'resources.read': (p) => readOk((p as { uri: string }).uri, '{"ids":["n1"]}'),
    });
    const wb = createWorkbenchStore(fake.api);
    wb.getState().setTemplateValue('s', 'search://notes{?q,limit}', 'q', 'logs');
    wb.getState().setTemplateValue('s', 'search://notes{?q,limit}', 'limit', '');
    await wb.getState().readTemplate('s', 'search://notes{?q,limit}');
    expect(fake.call.mock.calls[0]!.slice(0, 2)).toEqual([
      'resources.expandTemplate',
      { uriTemplate: 'search://notes{?q,limit}', variables: { q: 'logs' } },
    ]);
    expect(fake.call.mock.calls[1]![1]).toEqual({ serverId: 's', uri: 'search://notes?q=logs' });
    expect(wb.getState().templateLastUri[resourceKey('s', 'search://notes{?q,limit}')]).toBe('search://notes?q=logs');
    expect(wb.getState().resourceReads[resourceKey('s', 'search://notes?q=logs')]?.outcome?.status).toBe('ok');
  });

  it('a template the engine cannot expand is an error on the template, and nothing is read', async () => {
    const fake = createFakeApi({
      'resources.expandTemplate': () => {
        throw new Error('"x://{a" is not a valid URI template: Unclosed template expression');
      },
    });
    const wb = createWorkbenchStore(fake.api);
    await wb.getState().readTemplate('s', 'x://{a');
    expect(wb.getState().templateErrors[resourceKey('s', 'x://{a')]).toMatch(/Unclosed/);
    expect(fake.call).toHaveBeenCalledTimes(1);
  });

  it('a refused subscription says why; unsubscribing turns auto re-read off', async () => {
    const refused = { ...base, method: 'resources/subscribe', status: 'protocolError', code: -32601, message: 'Method not found' };
    const fake = createFakeApi({
      'resources.subscribe': () => refused,
      'resources.unsubscribe': () => ({ ...base, status: 'ok', responseBytes: 30, result: {} }),
    });
    const wb = createWorkbenchStore(fake.api);
    await wb.getState().setSubscribed('s', 'x://a', true);
    expect(wb.getState().subscriptionOps[resourceKey('s', 'x://a')]).toEqual({
      pending: false,
      error: 'resources/subscribe failed: Method not found (JSON-RPC error -32601)',
    });
    wb.getState().setAutoReread('s', 'x://a', true);
    await wb.getState().setSubscribed('s', 'x://a', false);
    expect(wb.getState().autoReread).toEqual({});
    expect(wb.getState().subscriptionOps[resourceKey('s', 'x://a')]).toEqual({ pending: false });
  });

  it('keeps at most MAX_KEPT_READS reads, dropping the oldest', async () => {
    const fake = createFakeApi({ 'resources.read': (p) => readOk((p as { uri: string }).uri) });
    const wb = createWorkbenchStore(fake.api);
    for (let i = 0; i < MAX_KEPT_READS + 5; i++) await wb.getState().readResource('s', `item://${i}`);
    const keys = Object.keys(wb.getState().resourceReads);
    expect(keys).toHaveLength(MAX_KEPT_READS);
    expect(keys[0]).toBe(resourceKey('s', 'item://5'));
    expect(keys.at(-1)).toBe(resourceKey('s', `item://${MAX_KEPT_READS + 4}`));
  });
});
