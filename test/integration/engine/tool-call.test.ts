import { describe, expect, it } from 'vitest';
import { fixtureServer } from '../../helpers/fixtures';
import { harnessForEachTest, waitForEvent, waitForLog } from '../../helpers/harness';
import type { LogEntry } from '../../../src-shared/api/schemas/log';

const h = harnessForEachTest();

async function startEcho() {
  const s = await h.api.call('servers.add', fixtureServer('echo-server.ts'));
  const started = await h.api.call('servers.start', { serverId: s.config.id });
  expect(started.status.state).toBe('ready');
  return s.config.id;
}

describe('the first loop: start, list, call', () => {
  it('lists the tools of a TypeScript SDK server and calls one', async () => {
    const id = await startEcho();
    const list = await h.api.call('tools.list', { serverId: id });
    expect(list.tools.map((t) => t.name)).toEqual(expect.arrayContaining(['echo', 'add', 'slow', 'fail', 'crash']));
    const out = await h.api.call('tools.call', { serverId: id, toolName: 'echo', arguments: { text: 'hi there' } });
    expect(out.status).toBe('ok');
    if (out.status !== 'ok') return;
    expect(out.result.content).toEqual([{ type: 'text', text: 'hi there' }]);
    expect(out.requestBytes).toBeGreaterThan(20);
    expect(out.responseBytes).toBeGreaterThan(20);
    expect(out.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('reports tool errors as values, distinct from protocol errors', async () => {
    const id = await startEcho();
    const toolError = await h.api.call('tools.call', { serverId: id, toolName: 'fail', arguments: { reason: 'nope' } });
    expect(toolError.status).toBe('toolError');
    const unknown = await h.api.call('tools.call', { serverId: id, toolName: 'no_such_tool', arguments: {} });
    // The TS SDK answers unknown tools with an isError result or a -32602 error depending on version.
    expect(['toolError', 'protocolError']).toContain(unknown.status);
  });

  it('records every message as a protocol log entry with size and latency', async () => {
    const id = await startEcho();
    await h.api.call('tools.call', { serverId: id, toolName: 'echo', arguments: { text: 'x' } });
    const batch = await waitForEvent<{ entries: LogEntry[] }>(
      (cb) => h.api.subscribe('logs.appended', { serverId: id, afterSeq: 0 }, cb),
      (b) => b.entries.some((e) => e.protocol?.method === 'tools/call' && e.protocol.dir === 'in'),
    );
    const response = batch.entries.find((e) => e.protocol?.method === 'tools/call' && e.protocol.dir === 'in')!;
    expect(response.protocol!.latencyMs).toBeGreaterThanOrEqual(0);
    expect(response.protocol!.bytes).toBeGreaterThan(0);
    const kinds = new Set(batch.entries.map((e) => e.source));
    expect(kinds).toContain('lifecycle');
    expect(kinds).toContain('stderr');
  });

  it('times out a call that never answers', async () => {
    const id = await startEcho();
    const out = await h.api.call('tools.call', { serverId: id, toolName: 'hang', arguments: {}, timeoutMs: 300 });
    expect(out.status).toBe('timeout');
  });

  it('cancels a call and reports cancelled', async () => {
    const id = await startEcho();
    const ac = new AbortController();
    const pending = h.api.call('tools.call', { serverId: id, toolName: 'slow', arguments: { ms: 5000 } }, { signal: ac.signal });
    await waitForLog(h, id, (e) => e.protocol?.dir === 'out' && e.protocol.method === 'tools/call');
    ac.abort();
    const out = await pending;
    expect(out.status).toBe('cancelled');
  });

  it('fails a call at once when the server crashes mid-call, with exit code and stderr tail', async () => {
    const id = await startEcho();
    const out = await h.api.call('tools.call', { serverId: id, toolName: 'crash', arguments: { code: 7 } });
    expect(out.status).toBe('crashed');
    if (out.status !== 'crashed') return;
    expect(out.exitCode).toBe(7);
    expect(out.stderrTail.join('\n')).toContain('fatal: the crash tool was called');
    const [s] = await h.api.call('servers.list', {});
    expect(s!.status.state).toBe('crashed');
    // The app keeps running: the server can be started again.
    const again = await h.api.call('servers.start', { serverId: id });
    expect(again.status.state).toBe('ready');
  });
});
