import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../src-shared/api/schemas/log';
import type { ServerSummary } from '../../src-shared/api/schemas/server';
import { ApiError } from '../../src-shared/api/errors';
import { fixtureServer } from '../helpers/fixtures';
import { waitForEvent } from '../helpers/harness';
import { eventually } from '../helpers/processes';
import { connections, type ContractConnection } from './connections';

/** The same behaviour over every port: what the UI relies on must not depend on the transport. */
describe.each(Object.keys(connections))('contract over the %s port', (kind) => {
  let c: ContractConnection;
  beforeEach(async () => {
    c = await connections[kind]!();
  });
  afterEach(async () => {
    await c.dispose();
  });

  const addEcho = async () => (await c.api.call('servers.add', fixtureServer('echo-server.ts'))).config.id;
  /** The engine has sent the request to the server (its protocol log says so): the call is in flight. */
  const sentToServer = (serverId: string, method: string) =>
    waitForEvent<{ entries: LogEntry[] }>(
      (cb) => c.api.subscribe('logs.appended', { serverId, afterSeq: 0 }, cb),
      (b) => b.entries.some((e) => e.protocol?.dir === 'out' && e.protocol.method === method),
    );

  it('answers app.info after the hello', async () => {
    const info = await c.api.call('app.info', {});
    expect(info.name).toBe('MCP Lab');
    expect(c.api.connection.state).toBe('open');
  });

  it('rejects an unknown method with UnknownMethod', async () => {
    await expect(c.api.call('nope.nope' as 'app.info', {})).rejects.toMatchObject({ code: 'UnknownMethod' });
  });

  it('rejects invalid params with the path of the problem', async () => {
    const err = await c.api
      .call('servers.add', { name: '', transport: 'stdio', command: 'x', args: [], env: [] })
      .catch((e: ApiError) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('InvalidParams');
    expect((err as ApiError).message).toContain('name');
  });

  it('reports a missing server as NotFound, on calls and on streams', async () => {
    await expect(c.api.call('servers.start', { serverId: 'ghost' })).rejects.toMatchObject({ code: 'NotFound' });
    const err = await new Promise<ApiError>((resolve) => c.api.subscribe('tools.changed', { serverId: 'ghost' }, () => {}, resolve));
    expect(err.code).toBe('NotFound');
  });

  it('streams server snapshots: first the current list, then each change', async () => {
    const seen: ServerSummary[][] = [];
    const sub = c.api.subscribe('servers.changed', {}, (list) => seen.push(list));
    await waitForEvent<ServerSummary[]>(
      (cb) => c.api.subscribe('servers.changed', {}, cb),
      (l) => l.length === 0,
    );
    const id = await addEcho();
    await c.api.call('servers.start', { serverId: id });
    await waitForEvent<ServerSummary[]>(
      (cb) => c.api.subscribe('servers.changed', {}, cb),
      (l) => l[0]?.status.state === 'ready',
    );
    sub.dispose();
    expect(seen[0]).toEqual([]);
    const states = seen.flat().map((s) => s.status.state);
    expect(states).toContain('starting');
  });

  it('calls a tool and returns an outcome that matches the contract', async () => {
    const id = await addEcho();
    await c.api.call('servers.start', { serverId: id });
    const out = await c.api.call('tools.call', { serverId: id, toolName: 'add', arguments: { a: 1, b: 2 } });
    expect(out.status).toBe('ok');
    if (out.status === 'ok') expect(out.result.structuredContent).toEqual({ sum: 3 });
  });

  it('refuses a call to a server that is not running with ServerNotReady', async () => {
    const id = await addEcho();
    await expect(c.api.call('tools.call', { serverId: id, toolName: 'echo', arguments: {} })).rejects.toMatchObject({
      code: 'ServerNotReady',
    });
  });

  it('answers resource, prompt and completion requests with outcomes that match the contract', async () => {
    const id = (await c.api.call('servers.add', fixtureServer('resource-server.ts'))).config.id;
    await c.api.call('servers.start', { serverId: id });
    const read = await c.api.call('resources.read', { serverId: id, uri: 'multi://two' });
    expect(read).toMatchObject({ status: 'ok', serverId: id, method: 'resources/read' });
    if (read.status === 'ok')
      expect(read.result.contents.map((x) => ('text' in x ? 'text' : 'blob' in x ? 'blob' : 'saved'))).toEqual(['text', 'blob']);
    expect(await c.api.call('resources.read', { serverId: id, uri: 'nope://x' })).toMatchObject({ status: 'protocolError', code: -32002 });
    expect(await c.api.call('prompts.get', { serverId: id, name: 'greet', arguments: { name: 'Ada' } })).toMatchObject({ status: 'ok' });
    const done = await c.api.call('completion.complete', {
      serverId: id,
      ref: { type: 'ref/prompt', name: 'greet' },
      argument: { name: 'name', value: 'G' },
    });
    expect(done).toMatchObject({ status: 'ok', result: { values: ['Grace'] } });
    const snap = await waitForEvent<{ pages: number }>(
      (cb) => c.api.subscribe('resources.changed', { serverId: id }, cb),
      () => true,
    );
    expect(snap.pages).toBe(3);
  });

  it('refuses resource and prompt requests to a server that is not running, and unknown servers on the new streams', async () => {
    const id = await addEcho();
    await expect(c.api.call('resources.list', { serverId: id })).rejects.toMatchObject({ code: 'ServerNotReady' });
    await expect(c.api.call('prompts.list', { serverId: id })).rejects.toMatchObject({ code: 'ServerNotReady' });
    for (const stream of ['resources.changed', 'prompts.changed', 'resources.updated'] as const) {
      const err = await new Promise<ApiError>((resolve) => c.api.subscribe(stream, { serverId: 'ghost' }, () => {}, resolve));
      expect(err.code, stream).toBe('NotFound');
    }
  });

  it('cancels a call in flight', async () => {
    const id = await addEcho();
    await c.api.call('servers.start', { serverId: id });
    const ac = new AbortController();
    const p = c.api.call('tools.call', { serverId: id, toolName: 'slow', arguments: { ms: 10_000, steps: 100 } }, { signal: ac.signal });
    await sentToServer(id, 'tools/call');
    ac.abort();
    expect((await p).status).toBe('cancelled');
  });

  it('replays logs from a cursor, then sends live entries, without duplicates', async () => {
    const id = await addEcho();
    await c.api.call('servers.start', { serverId: id });
    const first: LogEntry[] = [];
    const sub = c.api.subscribe('logs.appended', { afterSeq: 0 }, (b) => first.push(...b.entries));
    await c.api.call('tools.call', { serverId: id, toolName: 'log', arguments: { text: 'one' } });
    await waitForEvent<{ entries: LogEntry[] }>(
      (cb) => c.api.subscribe('logs.appended', { afterSeq: 0 }, cb),
      (b) => b.entries.some((e) => e.text.includes('stderr says: one')),
    );
    expect(await eventually(() => first.some((e) => e.text.includes('stderr says: one')), 10_000)).toBe(true);
    const cursor = Math.max(...first.map((e) => e.seq));
    // A second subscriber from the cursor sees only what comes after it.
    const later: LogEntry[] = [];
    const sub2 = c.api.subscribe('logs.appended', { afterSeq: cursor }, (b) => later.push(...b.entries));
    await c.api.call('tools.call', { serverId: id, toolName: 'log', arguments: { text: 'two' } });
    expect(
      await eventually(
        () => later.some((e) => e.text.includes('stderr says: two')) && first.some((e) => e.text.includes('stderr says: two')),
        10_000,
      ),
    ).toBe(true);
    sub.dispose();
    sub2.dispose();
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((e) => e.seq > cursor)).toBe(true);
    expect(later.some((e) => e.text.includes('stderr says: two'))).toBe(true);
    const seqs = first.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
  });

  it('tells every subscriber when a log is cleared, and the replay starts empty', async () => {
    const id = await addEcho();
    await c.api.call('servers.start', { serverId: id });
    const cleared = new Promise<{ serverId?: string }>((resolve) => c.api.subscribe('logs.cleared', {}, resolve));
    const { cleared: n } = await c.api.call('logs.clear', { serverId: id });
    expect(n).toBeGreaterThan(0);
    expect(await cleared).toEqual({ serverId: id });
    const replay = await waitForEvent<{ entries: LogEntry[] }>(
      (cb) => c.api.subscribe('logs.appended', { serverId: id, afterSeq: 0 }, cb),
      () => true,
    );
    expect(replay.entries).toEqual([]);
    expect(await c.api.call('logs.counts', { serverId: id })).toMatchObject({ kept: 0, cleared: n, dropped: 0 });
  });

  it('stops sending events after unsubscribe', async () => {
    let count = 0;
    const sub = c.api.subscribe('servers.changed', {}, () => count++);
    await waitForEvent<ServerSummary[]>(
      (cb) => c.api.subscribe('servers.changed', {}, cb),
      () => true,
    );
    sub.dispose();
    const before = count;
    await addEcho();
    // A subscriber made after the unsubscribe sees the change; events on one connection arrive in
    // order, so the old subscriber would have had its copy by then.
    await waitForEvent<ServerSummary[]>(
      (cb) => c.api.subscribe('servers.changed', {}, cb),
      (l) => l.length === 1,
    );
    expect(count).toBe(before);
  });

  it('fails pending calls with ConnectionLost when the connection goes away', async () => {
    const id = await addEcho();
    await c.api.call('servers.start', { serverId: id });
    const p = c.api.call('tools.call', { serverId: id, toolName: 'slow', arguments: { ms: 3000 } });
    await sentToServer(id, 'tools/call');
    if (c.drop) c.drop();
    else c.api.dispose();
    await expect(p).rejects.toMatchObject({ code: 'ConnectionLost' });
  });
});

/** Only the WebSocket port can drop and come back; the in-memory port has no network to lose. */
describe('reconnecting over the websocket port', () => {
  let c: ContractConnection;
  beforeEach(async () => {
    c = await connections.websocket!();
  });
  afterEach(async () => {
    await c.dispose();
  });
  const addEcho = async () => (await c.api.call('servers.add', fixtureServer('echo-server.ts'))).config.id;

  it('resumes a log stream after a reconnect with no gap and no duplicate', async () => {
    const id = await addEcho();
    await c.api.call('servers.start', { serverId: id });
    let last = 0;
    const got: LogEntry[] = [];
    const sub = c.api.subscribe(
      'logs.appended',
      () => ({ serverId: id, afterSeq: last }),
      (b) => {
        got.push(...b.entries);
        last = Math.max(last, ...b.entries.map((e) => e.seq));
      },
    );
    await c.api.call('tools.call', { serverId: id, toolName: 'log', arguments: { text: 'before' } });
    expect(await eventually(() => got.some((e) => e.text.includes('stderr says: before')), 10_000)).toBe(true);
    c.drop!();
    // While we are away the server keeps logging; the engine keeps it in the ring.
    await c.engine.servers
      .get(id)
      .callTool(
        { callId: 'x', toolName: 'log', arguments: { text: 'while-away' }, timeoutMs: 5000 },
        new AbortController().signal,
        () => {},
      );
    await waitForEvent<unknown>(
      (cb) => c.api.onDidChangeConnection(cb),
      () => c.api.connection.state === 'open',
    );
    await c.api.call('tools.call', { serverId: id, toolName: 'log', arguments: { text: 'after' } });
    // Everything the engine logged up to the answer has reached the subscriber.
    const lastSeq = () => c.engine.logs.since(id, 0).entries.at(-1)?.seq;
    expect(await eventually(() => got.some((e) => e.text.includes('stderr says: after')) && got.at(-1)?.seq === lastSeq(), 10_000)).toBe(
      true,
    );
    sub.dispose();
    const texts = got.map((e) => e.text).join('\n');
    expect(texts).toContain('stderr says: before');
    expect(texts).toContain('stderr says: while-away');
    expect(texts).toContain('stderr says: after');
    const seqs = got.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    const all = c.engine.logs.since(id, 0).entries.map((e) => e.seq);
    expect(seqs).toEqual(all);
  });
});
