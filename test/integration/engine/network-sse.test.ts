/**
 * Event streams in the Network view, against a real HTTP server that answers with SSE (the SDK's
 * 2.x HTTP entry upgrades a response to an event stream when a tool logs or reports progress, and
 * keeps the `subscriptions/listen` stream open): each event is recorded as it arrives (type, id,
 * size, time, masked data) under its request, and goes into the HAR export.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { NetworkBatch, NetworkEntry } from '../../../src-shared/api/schemas/network';
import { toHar } from '../../../src-shared/network/har';
import { startModernHttp, type ModernHttpServer } from '../../fixtures/remote/modern-http';
import { startHarness, waitForEvent, type Harness } from '../../helpers/harness';

const SECRET = 'sse-secret-value-0123456789';

let h: Harness | undefined;
let modern: ModernHttpServer | undefined;
afterEach(async () => {
  await h?.dispose();
  await modern?.close();
  h = modern = undefined;
});

const rpcMethod = (e: NetworkEntry) => {
  try {
    return (JSON.parse(e.requestBody?.text ?? '') as { method?: string }).method;
  } catch {
    return undefined;
  }
};

describe('event streams in the Network view', () => {
  it('records each event of an SSE response under its request, with secrets masked, and exports them in HAR', async () => {
    modern = await startModernHttp();
    const harness = await startHarness();
    h = harness;
    await harness.api.call('servers.add', {
      id: 'sse',
      name: 'sse',
      transport: 'http',
      url: modern.url,
      headers: [{ key: 'X-Api-Key', value: SECRET, secret: true }],
    });
    expect((await harness.api.call('servers.start', { serverId: 'sse' })).status.state).toBe('ready');

    const ended = waitForEvent<NetworkBatch>(
      (cb) => harness.api.subscribe('network.recorded', { serverId: 'sse' }, cb),
      (b) => b.entries.some((e) => rpcMethod(e) === 'tools/call' && e.streamEndedAt !== undefined),
    );
    const call = await harness.api.call('tools.call', { serverId: 'sse', toolName: 'progress', arguments: { steps: 3, note: SECRET } });
    expect(call.status).toBe('ok');
    await ended;

    const kept = harness.engine.network.list('sse');
    const entry = kept.find((e) => rpcMethod(e) === 'tools/call')!;
    expect(entry.responseHeaders?.find(([k]) => k === 'content-type')?.[1]).toMatch(/text\/event-stream/);
    expect(entry.responseBody).toMatchObject({ stream: true });
    const events = entry.sseEvents!;
    const methods = events.map((e) => (JSON.parse(e.data) as { method?: string }).method);
    // Three log lines and three progress notifications, then the result: in the order they came.
    expect(methods.filter((m) => m === 'notifications/message')).toHaveLength(3);
    expect(methods.filter((m) => m === 'notifications/progress')).toHaveLength(3);
    expect(methods.at(-1)).toBeUndefined();
    expect(events.at(-1)!.data).toContain('done after 3 steps');
    for (const e of events) {
      expect(e.event).toBe('message');
      expect(e.size).toBeGreaterThan(0);
      expect(e.at).toBeGreaterThanOrEqual(entry.startedAt);
    }
    expect(events.map((e) => e.at)).toEqual([...events.map((e) => e.at)].sort((a, b) => a - b));
    expect(entry.responseBody!.size).toBeGreaterThanOrEqual(events.reduce((n, e) => n + e.size, 0));
    expect(entry.streamEndedAt).toBeGreaterThanOrEqual(events.at(-1)!.at);
    // The secret header's value, logged back by the tool, is masked in the recorded events.
    expect(JSON.stringify(entry)).not.toContain(SECRET);
    expect(events[0]!.data).toMatch(/masked/);

    // The change subscription is a stream that stays open: recorded too, with its acknowledgement.
    const listen = kept.find((e) => rpcMethod(e) === 'subscriptions/listen')!;
    expect(listen.streamEndedAt).toBeUndefined();
    expect(listen.sseEvents?.[0]?.data).toContain('notifications/subscriptions/acknowledged');

    const har = toHar(kept, { name: 'MCP Lab', version: 'test' });
    const harCall = har.log.entries.find((e) => e.request.postData?.text.includes('"tools/call"'))!;
    expect(harCall._sseEvents).toHaveLength(events.length);
    expect(harCall._sseEvents![0]).toMatchObject({ event: 'message', size: events[0]!.size, time: events[0]!.at / 1000 });
    expect(JSON.stringify(har)).not.toContain(SECRET);
  });
});
