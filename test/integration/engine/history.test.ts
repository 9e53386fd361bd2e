/**
 * Call history through the engine and the real contract: every kind of request a person sends is
 * kept with its outcome, searchable, replayable, redacted, bounded, and still there after a restart.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-shared/api/errors';
import { HISTORY_KINDS, type HistoryAppended } from '../../../src-shared/api/schemas/history';
import type { LoadRun } from '../../../src-shared/api/schemas/load';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';
import { historyFileFor } from '../../../src-main/engine/history/history-service';
import { fixtureServer } from '../../helpers/fixtures';
import { addAndStart, startHarness, waitForEvent, type Harness } from '../../helpers/harness';
import { TestClock } from '../../helpers/test-clock';

let h: Harness | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await h?.dispose();
  h = undefined;
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function keptDirs(): Promise<{ workspaceDir: string; appDataDir: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-history-it-'));
  dirs.push(root);
  return { workspaceDir: path.join(root, 'ws'), appDataDir: path.join(root, 'app') };
}

describe('call history', () => {
  it('keeps every kind of request a person sends, and none of the health pings, load runs or refused requests', async () => {
    // Health pings run on the test's clock: two rounds go by below; if they were history, they would show.
    const clock = new TestClock();
    h = await startHarness({ clock, health: { intervalMs: 15_000, timeoutMs: 2_000 } });
    const s = await addAndStart(h, fixtureServer('resource-server.ts'));
    const serverId = s.config.id;
    const api = h.api;
    await api.call('servers.ping', { serverId });
    await api.call('tools.call', { serverId, toolName: 'level', arguments: {} });
    await api.call('resources.list', { serverId });
    await api.call('resources.templates', { serverId });
    await api.call('resources.read', { serverId, uri: 'item://3' });
    await api.call('resources.subscribe', { serverId, uri: 'item://3' });
    await api.call('resources.unsubscribe', { serverId, uri: 'item://3' });
    await api.call('prompts.list', { serverId });
    await api.call('prompts.get', { serverId, name: 'greet', arguments: { name: 'Ada' } });
    await api.call('completion.complete', { serverId, ref: { type: 'ref/prompt', name: 'greet' }, argument: { name: 'name', value: 'A' } });
    await api.call('logging.setLevel', { serverId, level: 'debug' });
    // Not history: a template expansion (no request to the server), a load run, a request refused before it was sent.
    await api.call('resources.expandTemplate', { uriTemplate: 'big://text/{chars}', variables: { chars: '10' } });
    const run = await api.call('load.start', {
      serverId,
      toolName: 'level',
      args: { mode: 'fixed', arguments: {} },
      concurrency: 1,
      calls: 5,
    });
    await waitForEvent<LoadRun>(
      (cb) => api.subscribe('load.progressed', { runId: run.runId }, cb),
      (r) => r.state !== 'running',
    );
    await expect(api.call('servers.ping', { serverId: 'nope' })).rejects.toMatchObject({ code: 'NotFound' });
    for (let round = 0; round < 2; round++) {
      const before = (await api.call('servers.list', {}))[0]!.health?.lastPingAt ?? -1;
      const pinged = waitForEvent<ServerSummary[]>(
        (cb) => api.subscribe('servers.changed', {}, cb),
        (l) => (l[0]?.health?.lastPingAt ?? -1) > before,
      );
      clock.advance(15_000);
      expect((await pinged)[0]!.health!.state).toBe('ok');
      await new Promise((r) => setImmediate(r)); // the round ends in the turn of its verdict
    }

    const list = await api.call('history.list', {});
    expect(new Set(list.entries.map((e) => e.kind))).toEqual(new Set(HISTORY_KINDS));
    expect(list.entries).toHaveLength(HISTORY_KINDS.length);
    expect(list.entries.every((e) => e.serverId === serverId && e.serverName === 'resource-server' && e.origin === 'in-memory')).toBe(true);
    const byKind = Object.fromEntries(list.entries.map((e) => [e.kind, e]));
    expect(byKind['resources.read']).toMatchObject({ method: 'resources/read', target: 'item://3', status: 'ok', preview: 'item://3' });
    expect(byKind['prompts.get']).toMatchObject({ target: 'greet', preview: '{"name":"Ada"}' });
    expect(byKind['completion.complete']).toMatchObject({ target: 'greet', preview: 'name = "A"' });
    expect(byKind['logging.setLevel']).toMatchObject({ target: 'debug' });
    expect(byKind['tools.call']).toMatchObject({ method: 'tools/call', target: 'level' });
    for (const e of list.entries) {
      expect(e.durationMs).toBeGreaterThanOrEqual(0);
      expect(e.requestBytes).toBeGreaterThan(0);
    }
    const read = await api.call('history.get', { id: byKind['resources.read']!.id });
    expect(read.params).toEqual({ uri: 'item://3', timeoutMs: 60_000 });
    expect(read.outcome).toMatchObject({ status: 'ok', result: { contents: [expect.objectContaining({ uri: 'item://3' })] } });
  });

  it('searches and filters, streams new entries, replays (the replay is recorded too) and refuses a replay it cannot make', async () => {
    h = await startHarness();
    const s = await addAndStart(h, fixtureServer('echo-server.ts'));
    const serverId = s.config.id;
    const seen: HistoryAppended[] = [];
    const sub = h.api.subscribe('history.appended', { afterSeq: 0 }, (e) => seen.push(e));
    await h.api.call('tools.call', { serverId, toolName: 'echo', arguments: { text: 'first penguin' } });
    await h.api.call('tools.call', { serverId, toolName: 'fail', arguments: { reason: 'no snow' } });
    await h.api.call('tools.call', { serverId, toolName: 'add', arguments: { a: 2, b: 3 } });

    expect((await h.api.call('history.list', { text: 'penguin' })).entries.map((e) => e.target)).toEqual(['echo']);
    expect((await h.api.call('history.list', { text: 'NO SNOW' })).entries.map((e) => e.target)).toEqual(['fail']);
    const failed = await h.api.call('history.list', { statuses: ['toolError'] });
    expect(failed.entries).toEqual([expect.objectContaining({ target: 'fail', error: 'tool error: failed on purpose: no snow' })]);
    expect((await h.api.call('history.list', { target: 'add' })).entries).toHaveLength(1);

    const add = (await h.api.call('history.list', { target: 'add' })).entries[0]!;
    const replayed = await h.api.call('history.replay', { id: add.id });
    expect(replayed).toMatchObject({
      replayOf: add.id,
      target: 'add',
      status: 'ok',
      params: { toolName: 'add', arguments: { a: 2, b: 3 } },
    });
    expect(replayed.seq).toBeGreaterThan(add.seq);
    expect((replayed.outcome.result as { structuredContent: unknown }).structuredContent).toEqual({ sum: 5 });
    expect((await h.api.call('history.list', { target: 'add' })).entries.map((e) => e.id)).toEqual([replayed.id, add.id]);

    await waitForEvent<HistoryAppended>(
      (cb) => h!.api.subscribe('history.appended', { afterSeq: 0 }, cb),
      (e) => e.entries.length === 4,
    );
    sub.dispose();
    expect(seen.flatMap((e) => e.entries.map((x) => x.target))).toEqual(['echo', 'fail', 'add', 'add']);

    await h.api.call('servers.stop', { serverId });
    await expect(h.api.call('history.replay', { id: add.id })).rejects.toMatchObject({ code: 'ServerNotReady' });
    await expect(h.api.call('history.replay', { id: 'gone' })).rejects.toMatchObject({ code: 'NotFound' });
    // Refused before anything was sent: not history.
    expect((await h.api.call('history.list', {})).matched).toBe(4);

    const cleared: Array<{ serverId?: string }> = [];
    const csub = h.api.subscribe('history.cleared', {}, (e) => cleared.push(e));
    expect(await h.api.call('history.clear', { serverId })).toEqual({ cleared: 4 });
    await waitForEvent(
      (cb) => h!.api.subscribe('history.appended', {}, cb),
      () => true,
    );
    csub.dispose();
    expect(cleared).toEqual([{ serverId }]);
    expect((await h.api.call('history.list', {})).kept).toBe(0);
  });

  it("marks what an MCP App sent, in the log and in history; a replay of it is the person's own request", async () => {
    h = await startHarness();
    const s = await addAndStart(h, fixtureServer('echo-server.ts'));
    const serverId = s.config.id;
    await h.api.call('tools.call', { serverId, toolName: 'echo', arguments: { text: 'from the frame' }, fromApp: 'ui://echo/app.html' });
    const [entry] = (await h.api.call('history.list', {})).entries;
    expect(entry).toMatchObject({ target: 'echo', fromApp: 'ui://echo/app.html' });
    const replayed = await h.api.call('history.replay', { id: entry!.id });
    expect(replayed.fromApp).toBeUndefined();
    h.engine.logs.flush();
    const notes = h.engine.logs.since(serverId).entries.filter((e) => e.source === 'app' && e.text.startsWith('from the App'));
    expect(notes.map((e) => e.text)).toEqual(['from the App ui://echo/app.html: tools/call echo']);
  });

  it('blanks out secret values in what it keeps, and will not replay a request it blanked', async () => {
    const dirsKept = await keptDirs();
    h = await startHarness(dirsKept);
    const s = await addAndStart(h, fixtureServer('echo-server.ts', { env: [{ key: 'API_TOKEN', value: 'tok-9f8e7d6c', secret: true }] }));
    await h.api.call('tools.call', { serverId: s.config.id, toolName: 'echo', arguments: { text: 'my token: tok-9f8e7d6c' } });
    const [entry] = (await h.api.call('history.list', {})).entries;
    expect(entry).toMatchObject({ redacted: true, preview: '{"text":"my token: •••"}' });
    const full = await h.api.call('history.get', { id: entry!.id });
    expect(JSON.stringify(full)).not.toContain('tok-9f8e7d6c');
    const err = await h.api.call('history.replay', { id: entry!.id }).catch((e: ApiError) => e);
    expect(err).toMatchObject({ code: 'Conflict', message: expect.stringContaining('Edit and resend') });
    await h.engine.history.flushed();
    expect(await readFile(historyFileFor(dirsKept.appDataDir, dirsKept.workspaceDir), 'utf8')).not.toContain('tok-9f8e7d6c');
  });

  it('stays within its bound and keeps exactly the newest entries across an engine restart, with the dropped ones counted', async () => {
    const kept = await keptDirs();
    h = await startHarness({ ...kept, history: { maxEntries: 20 } });
    const s = await addAndStart(h, fixtureServer('echo-server.ts'));
    for (let i = 0; i < 50; i++)
      await h.api.call('tools.call', { serverId: s.config.id, toolName: 'echo', arguments: { text: `call ${i}` } });
    const before = await h.api.call('history.list', { limit: 500 });
    expect(before).toMatchObject({ kept: 20, dropped: 30, matched: 20, maxEntries: 20 });
    expect(before.entries[0]!.preview).toBe('{"text":"call 49"}');
    expect(before.entries[19]!.preview).toBe('{"text":"call 30"}');
    await h.dispose();

    h = await startHarness({ ...kept, history: { maxEntries: 20 } });
    const after = await h.api.call('history.list', { limit: 500 });
    expect(after.entries.map((e) => e.id)).toEqual(before.entries.map((e) => e.id));
    expect(after).toMatchObject({ kept: 20, dropped: 30 });
    // The file was compacted: it holds the kept entries (and a header), not all fifty.
    await h.engine.history.flushed();
    const lines = (await readFile(historyFileFor(kept.appDataDir, kept.workspaceDir), 'utf8')).trim().split('\n');
    expect(lines.length).toBe(21);
    // The workspace itself never holds history (it may be committed to git).
    expect(JSON.stringify(await readFile(path.join(kept.workspaceDir, 'mcp-lab.json'), 'utf8'))).not.toContain('call 49');
  });

  it('keeps a trimmed view of a large result, with the whole one readable from where it was saved', async () => {
    h = await startHarness({ history: { maxEntryBytes: 64 * 1024 } });
    const s = await addAndStart(h, fixtureServer('echo-server.ts'));
    await h.api.call('tools.call', { serverId: s.config.id, toolName: 'big', arguments: { bytes: 300_000 } });
    const [summary] = (await h.api.call('history.list', {})).entries;
    expect(summary!.responseBytes).toBeGreaterThan(300_000);
    const entry = await h.api.call('history.get', { id: summary!.id });
    expect(JSON.stringify(entry).length).toBeLessThan(64 * 1024);
    expect(entry.truncated?.savedTo).toBeDefined();
    await h.engine.history.flushed();
    const { text } = await h.api.call('downloads.read', { path: entry.truncated!.savedTo });
    expect((JSON.parse(text) as { content: Array<{ text: string }> }).content[0]!.text.length).toBe(300_000);
  });
});
