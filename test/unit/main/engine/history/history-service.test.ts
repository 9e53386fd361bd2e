import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyOutcome, RecordInput } from '../../../../../src-main/engine/history/history-entry';
import { historyFileFor, HistoryService, type HistoryLimits } from '../../../../../src-main/engine/history/history-service';
import { HISTORY_FLUSH_MS } from '../../../../../src-main/engine/history/history-file';
import { recordHistory } from '../../../../../src-main/engine/history/record-history';
import { createHistoryStreams } from '../../../../../src-main/engine/handlers/history-handlers';
import type { ApiHandlers } from '../../../../../src-shared/api/contract';
import type { Clock } from '../../../../../src-main/engine/base/clock';
import { TestClock } from '../../../../helpers/test-clock';

let root: string;
let open: HistoryService[] = [];
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'mcp-lab-history-'));
});
afterEach(async () => {
  for (const h of open.splice(0)) {
    h.dispose();
    await h.close();
  }
  rmSync(root, { recursive: true, force: true });
});

const ws = () => path.join(root, 'ws');
async function start(limits: Partial<HistoryLimits> = {}, secrets: Record<string, string[]> = {}, clock?: Clock): Promise<HistoryService> {
  const h = await HistoryService.open({
    appDataDir: path.join(root, 'app'),
    workspaceDir: ws(),
    downloadsDir: path.join(root, 'app', 'downloads'),
    secretsOf: (id) => secrets[id] ?? [],
    limits,
    ...(clock ? { clock } : {}),
  });
  open.push(h);
  return h;
}
async function restart(h: HistoryService, limits: Partial<HistoryLimits> = {}): Promise<HistoryService> {
  h.dispose();
  await h.close();
  open = open.filter((x) => x !== h);
  return start(limits);
}

let t = 1_000;
function call(toolName: string, args: Record<string, unknown>, text: string, over: Partial<AnyOutcome> = {}): RecordInput {
  t += 10;
  return {
    kind: 'tools.call',
    params: { serverId: 'srv', toolName, arguments: args, timeoutMs: 60_000, callId: 'ui-1', inlineLimitBytes: 524288 },
    // Wire sizes as the engine measures them: the service relies on them to skip measuring small calls.
    outcome: {
      callId: 'ui-1',
      serverId: 'srv',
      toolName,
      arguments: args,
      startedAt: t,
      durationMs: 5,
      requestBytes: JSON.stringify(args).length > 1000 ? JSON.stringify(args).length + 70 : 80,
      status: 'ok',
      result: { content: [{ type: 'text', text }] },
      responseBytes: text.length > 1000 ? text.length + 50 : 60,
      ...over,
    },
    serverName: 'Server',
    origin: 'websocket',
  };
}
function read(uri: string, status: 'ok' | 'protocolError' = 'ok'): RecordInput {
  t += 10;
  const base = { serverId: 'other', method: 'resources/read', startedAt: t, durationMs: 3, requestBytes: 40 };
  return {
    kind: 'resources.read',
    params: { serverId: 'other', uri, timeoutMs: 60_000 },
    outcome:
      status === 'ok'
        ? { ...base, status, result: { contents: [{ uri, text: 'file body' }] }, responseBytes: 30 }
        : { ...base, status, code: -32002, message: 'Resource not found' },
    serverName: 'Other',
    origin: 'in-memory',
  };
}

describe('HistoryService', () => {
  it('keeps each request with its arguments, outcome, timings and sizes; lists newest first', async () => {
    const h = await start();
    const a = h.record(call('echo', { text: 'hi' }, 'hi'));
    h.record(read('file:///a.txt'));
    const list = h.list({ limit: 100 });
    expect(list.entries.map((e) => [e.seq, e.kind, e.target, e.status])).toEqual([
      [2, 'resources.read', 'file:///a.txt', 'ok'],
      [1, 'tools.call', 'echo', 'ok'],
    ]);
    expect(list).toMatchObject({ matched: 2, kept: 2, dropped: 0, oldestSeq: 1 });
    const got = h.get(a.id);
    expect(got).toMatchObject({
      serverName: 'Server',
      method: 'tools/call',
      preview: '{"text":"hi"}',
      durationMs: 5,
      requestBytes: 80,
      responseBytes: 60,
      origin: 'websocket',
    });
    // What the caller did not choose per request is not part of it.
    expect(got.params).toEqual({ toolName: 'echo', arguments: { text: 'hi' }, timeoutMs: 60_000 });
    expect(got.outcome).toMatchObject({ status: 'ok', arguments: { text: 'hi' }, result: { content: [{ type: 'text', text: 'hi' }] } });
  });

  it('says which MCP App sent a request', async () => {
    const h = await start();
    const input = call('increment', { by: 1 }, 'count is 1');
    const e = h.record({ ...input, params: { ...input.params, fromApp: 'ui://counter/app.html' } });
    expect(h.list({ limit: 10 }).entries[0]).toMatchObject({ id: e.id, fromApp: 'ui://counter/app.html' });
    expect(h.record(call('echo', {}, 'x')).fromApp).toBeUndefined();
  });

  it('filters by server, kind, target and status, searches the text of arguments and results, and pages', async () => {
    const h = await start();
    h.record(call('echo', { text: 'alpha' }, 'alpha'));
    h.record(call('add', { a: 1, b: 2 }, '3'));
    h.record(read('file:///missing', 'protocolError'));
    for (let i = 0; i < 5; i++) h.record(call('echo', { text: `n${i}` }, `reply ${i} zebra`));
    expect(h.list({ serverId: 'other', limit: 100 }).entries.map((e) => e.kind)).toEqual(['resources.read']);
    expect(h.list({ kinds: ['tools.call'], target: 'add', limit: 100 }).entries.map((e) => e.preview)).toEqual(['{"a":1,"b":2}']);
    expect(h.list({ statuses: ['protocolError'], limit: 100 }).entries[0]!.error).toBe('JSON-RPC error -32002: Resource not found');
    expect(h.list({ text: 'ALPHA', limit: 100 }).entries.map((e) => e.seq)).toEqual([1]);
    expect(h.list({ text: 'zebra', limit: 100 }).matched).toBe(5);
    const page1 = h.list({ text: 'zebra', limit: 2 });
    expect(page1.entries.map((e) => e.seq)).toEqual([8, 7]);
    const page2 = h.list({ text: 'zebra', limit: 2, before: page1.nextBefore! });
    expect(page2.entries.map((e) => e.seq)).toEqual([6, 5]);
    const page3 = h.list({ text: 'zebra', limit: 2, before: page2.nextBefore! });
    expect(page3.entries.map((e) => e.seq)).toEqual([4]);
    expect(page3.nextBefore).toBeUndefined();
  });

  it('keeps the newest entries within the entry bound, counts the rest, and compacts the file across a restart', async () => {
    let h = await start({ maxEntries: 10 });
    for (let i = 1; i <= 75; i++) h.record(call('echo', { i }, `r${i}`));
    expect(h.counts()).toEqual({ kept: 10, dropped: 65, oldestSeq: 66 });
    const before = h.list({ limit: 100 }).entries.map((e) => e.id);

    h = await restart(h, { maxEntries: 10 });
    expect(h.counts()).toEqual({ kept: 10, dropped: 65, oldestSeq: 66 });
    expect(h.list({ limit: 100 }).entries.map((e) => e.id)).toEqual(before);
    // Rewritten at least once: the file never holds more than the bound plus a small margin.
    const lines = readFileSync(historyFileFor(path.join(root, 'app'), ws()), 'utf8')
      .trim()
      .split('\n');
    expect(lines.length).toBeLessThanOrEqual(1 + 10 + 50);
    expect(JSON.parse(lines[0]!)).toMatchObject({ mcpLabHistory: 1, workspaceDir: ws() });

    // Numbering goes on after a restart.
    expect(h.record(call('echo', {}, 'after')).seq).toBe(76);
  });

  it('keeps entries within the byte bound too, whichever comes first', async () => {
    const h = await start({ maxBytes: 20_000, maxEntryBytes: 8_000 });
    for (let i = 0; i < 20; i++) h.record(call('big', { i }, 'x'.repeat(3_000)));
    const { kept, dropped } = h.counts();
    expect(kept + dropped).toBe(20);
    expect(kept).toBeGreaterThan(2);
    expect(kept).toBeLessThan(10);
    const h2 = await restart(h, { maxBytes: 20_000, maxEntryBytes: 8_000 });
    expect(h2.counts()).toMatchObject({ kept, dropped });
  });

  it('keeps a trimmed view of a large result and saves the whole one to a file it removes when the entry falls out', async () => {
    const h = await start({ maxEntries: 1, maxEntryBytes: 20_000 });
    const e = h.record(call('big', {}, 'y'.repeat(200_000)));
    expect(JSON.stringify(e).length).toBeLessThan(20_000);
    expect(e.truncated).toMatchObject({ savedTo: expect.stringMatching(/history-.*\.result\.json$/), bytes: expect.any(Number) });
    await h.flushed();
    const whole = JSON.parse(readFileSync(e.truncated!.savedTo, 'utf8')) as { content: Array<{ text: string }> };
    expect(whole.content[0]!.text).toHaveLength(200_000);
    expect((e.outcome.result as { content: Array<{ text: string }> }).content[0]!.text).toMatch(/more in the full result/);

    h.record(call('echo', {}, 'next'));
    await h.flushed();
    expect(existsSync(e.truncated!.savedTo)).toBe(false);
  });

  it('never keeps an entry larger than its bound, whatever part is large', async () => {
    const h = await start({ maxEntryBytes: 8_000, maxParamsBytes: 2_000 });
    const huge = 'q'.repeat(100_000);
    const inputs = [
      call(huge, {}, 'ok'),
      call('echo', { a: huge }, huge),
      call('fail', {}, 'x', { status: 'protocolError', code: -32603, message: huge, data: { trace: huge } }),
    ];
    for (const input of inputs) expect(JSON.stringify(h.record(input)).length).toBeLessThanOrEqual(8_000);
  });

  it('saves parameters too large to keep inline, so the entry can still be replayed whole', async () => {
    const h = await start({ maxParamsBytes: 1_000 });
    const e = h.record(call('echo', { text: 'z'.repeat(5_000) }, 'ok'));
    expect(e.paramsSavedTo).toMatch(/history-.*\.params\.json$/);
    await h.flushed();
    expect((JSON.parse(readFileSync(e.paramsSavedTo!, 'utf8')) as { arguments: { text: string } }).arguments.text).toHaveLength(5_000);
    expect(JSON.stringify(e.params).length).toBeLessThanOrEqual(1_000);
  });

  it("blanks out the server's secret values, as its log does, and marks the entry", async () => {
    const h = await start({}, { srv: ['s3cr3t-token'] });
    const e = h.record(call('echo', { text: 'token is s3cr3t-token' }, 'echo: s3cr3t-token'));
    expect(JSON.stringify(e)).not.toContain('s3cr3t-token');
    expect(e.redacted).toBe(true);
    expect(e.preview).toBe('{"text":"token is •••"}');
    await h.flushed();
    expect(readFileSync(historyFileFor(path.join(root, 'app'), ws()), 'utf8')).not.toContain('s3cr3t-token');
    expect(h.record(call('echo', { text: 'plain' }, 'plain')).redacted).toBeUndefined();
  });

  it('survives a line cut short by a crash: the damaged line is counted as lost, the others kept', async () => {
    let h = await start();
    h.record(call('echo', { n: 1 }, 'one'));
    h.record(call('echo', { n: 2 }, 'two'));
    await h.flushed();
    appendFileSync(historyFileFor(path.join(root, 'app'), ws()), '{"id":"3-abc","seq":3,"serverId":"srv","ki');
    h = await restart(h);
    expect(h.counts()).toEqual({ kept: 2, dropped: 1, oldestSeq: 1 });
    expect(h.record(call('echo', { n: 3 }, 'three')).seq).toBe(3);
  });

  it('clears one server or everything; cleared entries do not come back after a restart', async () => {
    let h = await start();
    h.record(call('echo', {}, 'a'));
    h.record(read('file:///x'));
    h.record(call('echo', {}, 'b'));
    expect(h.clear('srv')).toBe(2);
    expect(h.list({ limit: 10 }).entries.map((e) => e.serverId)).toEqual(['other']);
    h = await restart(h);
    expect(h.counts().kept).toBe(1);
    expect(h.clear()).toBe(1);
    h = await restart(h);
    expect(h.counts()).toEqual({ kept: 0, dropped: 0, oldestSeq: 0 });
    expect(() => h.get('1-x')).toThrow(/no longer kept/);
  });

  it('gives the entries after a cursor, oldest first (what a reconnecting window asks for)', async () => {
    const h = await start();
    for (let i = 0; i < 4; i++) h.record(call('echo', { i }, 'x'));
    h.record(read('file:///y'));
    expect(h.since(2).map((s) => s.seq)).toEqual([3, 4, 5]);
    expect(h.since(2, 'other').map((s) => s.seq)).toEqual([5]);
  });

  it('writes to disk in batches at most the flush interval apart, and whatever is still waiting when it closes', async () => {
    const clock = new TestClock();
    let h = await start({}, {}, clock);
    const file = historyFileFor(path.join(root, 'app'), ws());
    const onDisk = () =>
      existsSync(file)
        ? readFileSync(file, 'utf8')
            .trim()
            .split('\n')
            .filter((l) => l.includes('"seq"')).length
        : 0;
    for (let i = 0; i < 20; i++) {
      h.record(call('echo', { i }, `r${i}`));
      await stat(root); // an I/O turn between requests, as between real calls
    }
    // Nothing went to disk per request: the interval has not passed on the engine's clock.
    expect(onDisk()).toBe(0);
    expect(h.fileWrites).toBe(0);
    clock.advance(HISTORY_FLUSH_MS);
    await h.flushed();
    expect(h.fileWrites).toBe(1);
    expect(onDisk()).toBe(20);
    // Still waiting when the service closes (stop, quit): written, not lost.
    for (let i = 20; i < 23; i++) h.record(call('echo', { i }, `r${i}`));
    h = await restart(h);
    expect(h.counts()).toEqual({ kept: 23, dropped: 0, oldestSeq: 1 });
  });

  it("builds a request's entry after its answer went out, and every read sees it at once", async () => {
    const h = await start();
    const input = call('echo', { text: 'hi' }, 'hi');
    const inner = { 'tools.call': async () => input.outcome } as unknown as ApiHandlers;
    const { handlers } = recordHistory(inner, h, () => 'Server');
    const appended: number[] = [];
    h.onDidAppend((s) => appended.push(s.seq));
    const outcome = await handlers['tools.call'](input.params as Parameters<ApiHandlers['tools.call']>[0], {
      signal: new AbortController().signal,
      origin: 'in-memory',
      capabilities: new Set(),
    });
    expect(outcome).toBe(input.outcome);
    expect(appended).toEqual([]); // the caller had its answer before any history work
    expect(h.list({ limit: 10 }).entries.map((e) => [e.seq, e.target])).toEqual([[1, 'echo']]);
    expect(appended).toEqual([1]);
  });

  it('a window subscribing while an entry waits to be built gets it exactly once', async () => {
    const h = await start();
    h.recordLater(call('echo', { text: 'hi' }, 'hi'));
    const seen: number[] = [];
    const sub = createHistoryStreams(h)['history.appended']({ afterSeq: 0 }, (e) => seen.push(...e.entries.map((x) => x.seq)));
    await new Promise<void>((resolve) => setImmediate(resolve));
    sub.dispose();
    expect(seen).toEqual([1]);
  });
});
