import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureServer } from '../../helpers/fixtures';
import { addAndStart, startHarness, waitForLog, type Harness } from '../../helpers/harness';

let h: Harness;
let id: string;
beforeEach(async () => {
  h = await startHarness();
  const s = await addAndStart(h, fixtureServer('py_stdlib_server.py'));
  expect(s.status.state).toBe('ready');
  expect(s.info?.name).toBe('py-stdlib-server');
  id = s.config.id;
});
afterEach(async () => {
  await h.dispose();
});

describe('a Python server written with the standard library only', () => {
  it('lists its tools and answers a call', async () => {
    const list = await h.api.call('tools.list', { serverId: id });
    expect(list.tools.map((t) => t.name)).toEqual(['reverse', 'divide']);
    const out = await h.api.call('tools.call', { serverId: id, toolName: 'reverse', arguments: { text: 'stressed' } });
    expect(out.status).toBe('ok');
    if (out.status === 'ok') expect(out.result.content).toEqual([{ type: 'text', text: 'desserts' }]);
  });

  it('reports dividing by zero as a tool error, not a failure of the connection', async () => {
    const out = await h.api.call('tools.call', { serverId: id, toolName: 'divide', arguments: { a: 1, b: 0 } });
    expect(out.status).toBe('toolError');
    if (out.status === 'toolError') expect(out.result.content).toEqual([{ type: 'text', text: 'cannot divide by zero' }]);
    const ok = await h.api.call('tools.call', { serverId: id, toolName: 'divide', arguments: { a: 1, b: 4 } });
    expect(ok.status).toBe('ok');
  });

  it('shows its stderr in the log as it happens (unbuffered)', async () => {
    await h.api.call('tools.call', { serverId: id, toolName: 'reverse', arguments: { text: 'abc' } });
    const entries = await waitForLog(h, id, (e) => e.source === 'stderr' && e.text === 'reversing 3 characters', 3_000);
    expect(entries.some((e) => e.source === 'stderr' && e.text === 'py-stdlib-server: started')).toBe(true);
  });

  it('answers an unknown tool with a protocol error', async () => {
    const out = await h.api.call('tools.call', { serverId: id, toolName: 'nope', arguments: {} });
    expect(out.status).toBe('protocolError');
    if (out.status === 'protocolError') expect(out.code).toBe(-32602);
  });
});
