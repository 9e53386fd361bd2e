/**
 * The Network view's engine half against a real HTTP server: every request of a remote server's
 * run is kept (across runs, numbered), streamed to subscribers, masked like the sign-in debugger's,
 * and exported as a structurally valid HAR 1.2 document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkBatch, NetworkEntry } from '../../../src-shared/api/schemas/network';
import { toHar, type Har } from '../../../src-shared/network/har';
import { bearerOnly, startFixture, type FixtureServer } from '../../fixtures/remote/mcp-http';
import { startHarness, waitForEvent, type Harness } from '../../helpers/harness';

const TOKEN = 'Bearer network-view-secret-0123456789';

/** The fields and types HAR 1.2 requires of a log and each entry (what HAR viewers read). */
function harProblems(har: Har): string[] {
  const p: string[] = [];
  const is = (v: unknown, t: string, where: string) => typeof v !== t && p.push(`${where} is not a ${t}`);
  const nv = (list: unknown, where: string) =>
    Array.isArray(list)
      ? list.forEach((x, i) => (is(x?.name, 'string', `${where}[${i}].name`), is(x?.value, 'string', `${where}[${i}].value`)))
      : p.push(`${where} is not an array`);
  if (har.log.version !== '1.2') p.push('log.version is not 1.2');
  is(har.log.creator?.name, 'string', 'log.creator.name');
  is(har.log.creator?.version, 'string', 'log.creator.version');
  har.log.entries.forEach((e, i) => {
    const w = `entries[${i}]`;
    if (Number.isNaN(Date.parse(e.startedDateTime)) || !e.startedDateTime.endsWith('Z')) p.push(`${w}.startedDateTime is not ISO 8601`);
    is(e.time, 'number', `${w}.time`);
    for (const k of ['method', 'url', 'httpVersion'] as const) is(e.request[k], 'string', `${w}.request.${k}`);
    for (const k of ['cookies', 'headers', 'queryString'] as const) nv(e.request[k], `${w}.request.${k}`);
    for (const k of ['headersSize', 'bodySize'] as const) is(e.request[k], 'number', `${w}.request.${k}`);
    if (e.request.postData) is(e.request.postData.mimeType, 'string', `${w}.request.postData.mimeType`);
    for (const k of ['status', 'headersSize', 'bodySize'] as const) is(e.response[k], 'number', `${w}.response.${k}`);
    for (const k of ['statusText', 'httpVersion', 'redirectURL'] as const) is(e.response[k], 'string', `${w}.response.${k}`);
    for (const k of ['cookies', 'headers'] as const) nv(e.response[k], `${w}.response.${k}`);
    is(e.response.content?.size, 'number', `${w}.response.content.size`);
    is(e.response.content?.mimeType, 'string', `${w}.response.content.mimeType`);
    if (typeof e.cache !== 'object') p.push(`${w}.cache is not an object`);
    for (const k of ['send', 'wait', 'receive'] as const) is(e.timings?.[k], 'number', `${w}.timings.${k}`);
  });
  return p;
}

describe('the Network view (engine)', () => {
  let remote: FixtureServer;
  let h: Harness;
  beforeAll(async () => {
    remote = await startFixture(bearerOnly(TOKEN));
    h = await startHarness();
    await h.api.call('servers.add', {
      id: 'api',
      name: 'api',
      transport: 'http',
      url: `${remote.base}/mcp`,
      headers: [{ key: 'Authorization', value: TOKEN, secret: true }],
    });
  });
  afterAll(async () => {
    await h?.dispose();
    await remote?.close();
  });

  it('keeps every request of a run with status, headers, sizes and timing, streams them, masks the secret header, and exports HAR 1.2', async () => {
    const seen: NetworkEntry[] = [];
    const sub = h.api.subscribe('network.recorded', { serverId: 'api' }, (b: NetworkBatch) => seen.push(...b.entries));
    expect((await h.api.call('servers.start', { serverId: 'api' })).status.state).toBe('ready');
    const call = await h.api.call('tools.call', { serverId: 'api', toolName: 'echo', arguments: { text: 'over the wire' } });
    expect(call.status).toBe('ok');
    await waitForEvent<NetworkBatch>(
      (cb) => h.api.subscribe('network.recorded', { serverId: 'api' }, cb),
      (b) => b.entries.some((e) => e.requestBody?.text.includes('over the wire') && e.responseBody !== undefined),
    );
    const kept = h.engine.network.list('api');
    const posts = kept.filter((e) => e.method === 'POST');
    expect(posts.map((e) => (JSON.parse(e.requestBody!.text) as { method?: string }).method)).toEqual(
      expect.arrayContaining(['initialize', 'notifications/initialized', 'tools/list', 'tools/call']),
    );
    const toolCall = posts.find((e) => e.requestBody!.text.includes('over the wire'))!;
    expect(toolCall).toMatchObject({ url: `${remote.base}/mcp`, status: 200 });
    expect(toolCall.durationMs).toBeGreaterThanOrEqual(0);
    expect(toolCall.requestBody!.size).toBeGreaterThan(0);
    expect(toolCall.responseHeaders!.find(([k]) => k === 'content-type')?.[1]).toMatch(/json|event-stream/);
    expect(new Set(kept.map((e) => e.id)).size).toBe(kept.length);
    // Subscribers got the same entries, live.
    expect(seen.map((e) => e.id)).toEqual(expect.arrayContaining(kept.slice(0, 3).map((e) => e.id)));
    sub.dispose();

    // The secret header is masked wherever it would show, the HAR included.
    const auth = toolCall.requestHeaders.find(([k]) => k === 'authorization')?.[1];
    expect(auth).toMatch(/masked/);
    const har = toHar(kept, { name: 'MCP Lab', version: 'test' });
    expect(harProblems(har)).toEqual([]);
    expect(JSON.stringify(har)).not.toContain('network-view-secret-0123456789');
    expect(har.log.entries).toHaveLength(kept.length);
    const harCall = har.log.entries.find((e) => e.request.postData?.text.includes('over the wire'))!;
    expect(harCall.request).toMatchObject({ method: 'POST', url: `${remote.base}/mcp` });
    expect(harCall.response.status).toBe(200);
  });

  it('a second run adds to the kept requests (numbered on); clear forgets them', async () => {
    const before = h.engine.network.list('api');
    await h.api.call('servers.restart', { serverId: 'api' });
    const after = h.engine.network.list('api');
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.at(-1)!.id).toBeGreaterThan(before.at(-1)!.id);
    await h.api.call('network.clear', { serverId: 'api' });
    expect(h.engine.network.list('api')).toEqual([]);
  });
});
