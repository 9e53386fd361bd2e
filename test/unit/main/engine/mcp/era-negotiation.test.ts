import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { EraWire, probeEra, probeTimeout } from '../../../../../src-main/engine/mcp/era-negotiation';

/** A transport whose "server" answers the probe with `reply` (or never, or closes). */
function fakeServer(reply: ((msg: { id: unknown }) => unknown) | 'close' | 'silent'): {
  t: Transport;
  sent: JSONRPCMessage[];
  starts: number;
} {
  const state = { sent: [] as JSONRPCMessage[], starts: 0 };
  const t: Transport = {
    async start() {
      state.starts++;
    },
    async close() {},
    async send(msg) {
      state.sent.push(msg);
      if (reply === 'silent') return;
      if (reply === 'close') return void setTimeout(() => t.onclose?.(), 1);
      const m = msg as { id: unknown };
      setTimeout(() => t.onmessage?.({ jsonrpc: '2.0', id: m.id, ...(reply(m) as object) } as JSONRPCMessage), 1);
    },
  };
  return Object.assign(state, { t });
}

const base = {
  pin: 'auto' as const,
  envelope: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' },
  timeoutMs: 200,
  exited: new Promise<never>(() => {}),
};
const discover = (versions: string[]) => () => ({
  result: {
    resultType: 'complete',
    supportedVersions: versions,
    capabilities: { tools: {} },
    _meta: { 'io.modelcontextprotocol/serverInfo': { name: 's', version: '1' } },
  },
});

describe('probeEra', () => {
  it('sends server/discover with the envelope under a string id, and keeps a 2026-07-28 answer', async () => {
    const f = fakeServer(discover(['2026-07-28']));
    const v = await probeEra(new EraWire(f.t), base);
    expect(v).toMatchObject({ kind: 'stateless', discover: { supportedVersions: ['2026-07-28'] } });
    expect(f.sent[0]).toMatchObject({ method: 'server/discover', id: expect.any(String), params: { _meta: base.envelope } });
  });

  it.each([
    [
      '-32601 Method not found (TypeScript SDK 1.x)',
      { error: { code: -32601, message: 'Method not found' } },
      'server/discover answered -32601 Method not found',
    ],
    [
      '-32602 Invalid request parameters (Python SDK)',
      { error: { code: -32602, message: 'Invalid request parameters' } },
      'server/discover answered -32602',
    ],
    ['-32002 not initialized', { error: { code: -32002, message: 'Server not initialized' } }, 'answered -32002'],
    ['a result that is not a DiscoverResult', { result: {} }, 'not a DiscoverResult'],
  ])('falls back to initialize on %s', async (_what, answer, reason) => {
    const v = await probeEra(new EraWire(fakeServer(() => answer).t), base);
    expect(v.kind).toBe('initialize');
    expect(v.reason).toContain(reason);
  });

  it('falls back when the server offers only revisions it does not share', async () => {
    const v = await probeEra(new EraWire(fakeServer(discover(['2027-01-01'])).t), base);
    expect(v).toMatchObject({ kind: 'initialize', reason: expect.stringContaining('offers 2027-01-01') });
  });

  it('reports a closed pipe (the caller restarts without the probe) and a silence (initialize after the timeout)', async () => {
    expect((await probeEra(new EraWire(fakeServer('close').t), base)).kind).toBe('closed');
    expect(await probeEra(new EraWire(fakeServer('silent').t), base)).toMatchObject({
      kind: 'initialize',
      reason: expect.stringContaining('no answer to server/discover'),
    });
  });

  it('pinned to 2026-07-28, refuses instead of falling back', async () => {
    const pin = { ...base, pin: '2026-07-28' as const };
    expect(await probeEra(new EraWire(fakeServer(() => ({ error: { code: -32601, message: 'Method not found' } })).t), pin)).toMatchObject({
      kind: 'refused',
      timedOut: false,
    });
    expect(await probeEra(new EraWire(fakeServer('silent').t), pin)).toMatchObject({ kind: 'refused', timedOut: true });
  });

  it('gives the probe at most half the handshake budget, and never more than 10 s', () => {
    expect(probeTimeout(1000)).toBe(500);
    expect(probeTimeout(60_000)).toBe(10_000);
  });
});

describe('EraWire', () => {
  it('starts the transport once, so the probe and the SDK connect share one pipe', async () => {
    const f = fakeServer(discover(['2026-07-28']));
    const wire = new EraWire(f.t);
    await probeEra(wire, base);
    await wire.start();
    expect(f.starts).toBe(1);
  });

  it('asks initialize for a pinned version instead of the SDK latest', async () => {
    const f = fakeServer(() => ({ result: {} }));
    await new EraWire(f.t, '2024-11-05').send({
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: { protocolVersion: '2025-11-25', capabilities: {} },
    });
    expect(f.sent[0]).toMatchObject({ params: { protocolVersion: '2024-11-05' } });
  });
});
