/**
 * Cache hints (`ttlMs`, `cacheScope`) on 2026-07-28 list results, against a real HTTP server that
 * sets them: kept with each list, and honoured when a remote server connects again (the lists are
 * not asked for while fresh); a list_changed notification or Refresh asks anyway. Time moves only
 * through the TestClock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startModernHttp, type ModernHttpServer } from '../../fixtures/remote/modern-http';
import { startHarness, waitForEvent, waitForLog, type Harness } from '../../helpers/harness';
import { TestClock } from '../../helpers/test-clock';
import type { ToolList } from '../../../src-shared/api/schemas/tool';

const TTL = 60_000;

let h: Harness | undefined;
let modern: ModernHttpServer | undefined;
afterEach(async () => {
  await h?.dispose();
  await modern?.close();
  h = modern = undefined;
});

async function setup(listHint?: { ttlMs: number; cacheScope: 'public' | 'private' }) {
  modern = await startModernHttp(listHint ? { listHint } : {});
  const clock = new TestClock();
  const harness = await startHarness({ clock });
  h = harness;
  await harness.api.call('servers.add', { id: 'cached', name: 'cached', transport: 'http', url: modern.url });
  const s = await harness.api.call('servers.start', { serverId: 'cached' });
  expect(s.status.state, JSON.stringify(s.status)).toBe('ready');
  return { harness, clock, server: modern };
}

describe('cache hints on list results', () => {
  it('are kept with each list, with when the list stops being fresh', async () => {
    const { harness } = await setup({ ttlMs: TTL, cacheScope: 'public' });
    const tools = await harness.api.call('tools.list', { serverId: 'cached' });
    expect(tools.cache).toEqual({ ttlMs: TTL, cacheScope: 'public', freshUntil: tools.listedAt + TTL });
    const prompts = await waitForEvent<{ cache?: unknown; listedAt: number }>(
      (cb) => harness.api.subscribe('prompts.changed', { serverId: 'cached' }, cb),
      () => true,
    );
    expect(prompts.cache).toEqual({ ttlMs: TTL, cacheScope: 'public', freshUntil: prompts.listedAt + TTL });
    const resources = await waitForEvent<{ cache?: unknown; listedAt: number }>(
      (cb) => harness.api.subscribe('resources.changed', { serverId: 'cached' }, cb),
      () => true,
    );
    expect(resources.cache).toMatchObject({ ttlMs: TTL, cacheScope: 'public' });
  });

  it('a reconnect keeps fresh lists without asking; once the TTL has passed it asks again', async () => {
    const { harness, clock, server } = await setup({ ttlMs: TTL, cacheScope: 'public' });
    expect(server.listCalls('tools/list')).toBe(1);
    expect(server.listCalls('prompts/list')).toBe(1);

    await harness.api.call('servers.restart', { serverId: 'cached' });
    expect(server.listCalls('tools/list')).toBe(1);
    expect(server.listCalls('prompts/list')).toBe(1);
    expect(server.listCalls('resources/list')).toBe(1);
    await waitForLog(harness, 'cached', (e) => e.text.startsWith('tools/list: the last list is fresh for another'));
    expect((await harness.api.call('tools.list', { serverId: 'cached' })).tools.map((t) => t.name)).toContain('echo');

    clock.advance(TTL);
    await harness.api.call('servers.restart', { serverId: 'cached' });
    expect(server.listCalls('tools/list')).toBe(2);
    expect(server.listCalls('prompts/list')).toBe(2);
  });

  it('a list_changed notification and Refresh ask while the list is fresh', async () => {
    const { harness, server } = await setup({ ttlMs: TTL, cacheScope: 'public' });
    const relisted = waitForEvent<ToolList>(
      (cb) => harness.api.subscribe('tools.changed', { serverId: 'cached' }, cb),
      () => server.listCalls('tools/list') === 2,
    );
    server.toolsChanged();
    await relisted;
    expect(server.listCalls('tools/list')).toBe(2);
    expect((await harness.api.call('prompts.list', { serverId: 'cached' })).status).toBe('ok');
    expect(server.listCalls('prompts/list')).toBe(2);
  });

  it('a TTL of 0 (the default) keeps nothing: a reconnect asks again', async () => {
    const { harness, server } = await setup();
    expect((await harness.api.call('tools.list', { serverId: 'cached' })).cache).toMatchObject({ ttlMs: 0, cacheScope: 'private' });
    await harness.api.call('servers.restart', { serverId: 'cached' });
    expect(server.listCalls('tools/list')).toBe(2);
  });
});
