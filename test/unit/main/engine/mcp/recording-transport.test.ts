import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { systemClock } from '../../../../../src-main/engine/base/clock';
import { MAX_REMEMBERED_REQUESTS, RecordingTransport, type TrafficRecord } from '../../../../../src-main/engine/mcp/recording-transport';
import { ProtocolSampler, SAMPLE_EVERY, SAMPLE_FIRST } from '../../../../../src-main/engine/logs/protocol-sampler';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** A real SDK client and server over the SDK's linked in-memory pair, the client's side tapped. */
async function tappedPair(): Promise<{ client: Client; tap: RecordingTransport; release: () => void }> {
  let release!: () => void;
  const never = new Promise<void>((r) => (release = r));
  const server = new McpServer({ name: 'slow', version: '1.0.0' });
  server.registerTool('wait', { description: 'Answers only when the test lets it.' }, async () => {
    await never;
    return { content: [{ type: 'text', text: 'late' }] };
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const tap = new RecordingTransport(clientSide, () => {}, systemClock);
  const client = new Client({ name: 'test', version: '1.0.0' });
  await client.connect(tap);
  cleanups.push(async () => {
    release();
    await client.close();
    await server.close();
  });
  return { client, tap, release };
}

describe('RecordingTransport', () => {
  it('forgets a request that timed out or was cancelled, so its entry does not stay behind', async () => {
    const { client, tap } = await tappedPair();
    await expect(client.callTool({ name: 'wait', arguments: {} }, undefined, { timeout: 1 })).rejects.toThrow(/timed out/i);
    const ac = new AbortController();
    const cancelled = client.callTool({ name: 'wait', arguments: {} }, undefined, { signal: ac.signal });
    ac.abort();
    await expect(cancelled).rejects.toThrow();
    expect(tap.pending).toEqual({ sent: 0, received: 0, watched: 0 });
  });

  it('remembers at most a bounded number of unanswered requests', async () => {
    const inner = { start: async () => {}, close: async () => {}, send: async () => {} };
    const tap = new RecordingTransport(inner as never, () => {}, systemClock);
    for (let id = 0; id < MAX_REMEMBERED_REQUESTS + 50; id++) {
      const msg: JSONRPCMessage = { jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'wait' } };
      tap.captureRequest(
        () => void tap.send(msg),
        () => {},
      );
    }
    expect(tap.pending.sent).toBe(MAX_REMEMBERED_REQUESTS);
    expect(tap.pending.watched).toBe(MAX_REMEMBERED_REQUESTS);
  });

  it('while sampling, keeps a sample of exchanges whole and every error, counts every message, and still times every call', async () => {
    const server = new McpServer({ name: 'echo', version: '1.0.0' });
    server.registerTool('ping', { description: 'Answers at once.' }, async () => ({ content: [{ type: 'text', text: 'pong' }] }));
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const records: TrafficRecord[] = [];
    let sampler: ProtocolSampler | undefined;
    const tap = new RecordingTransport(
      clientSide,
      (r) => records.push(r),
      systemClock,
      () => sampler,
    );
    const client = new Client({ name: 'test', version: '1.0.0' });
    await client.connect(tap);
    cleanups.push(async () => {
      await client.close();
      await server.close();
    });
    const before = records.length; // the handshake, kept whole
    const s = new ProtocolSampler();
    sampler = s;
    const calls = 250;
    const latencies: number[] = [];
    for (let i = 0; i < calls; i++) {
      if (i === 20) await expect(client.request({ method: 'nope/nope' }, z.unknown())).rejects.toThrow();
      const { result } = tap.captureRequest(
        () => client.request({ method: 'tools/call', params: { name: 'ping', arguments: {} } }, z.unknown()),
        (f) => latencies.push(f.latencyMs),
      );
      await result;
    }
    sampler = undefined;
    const during = records.slice(before);
    const exchanges = calls + 1;
    // Every message counted once, as kept or not: each exchange is a request and its answer.
    expect(s.kept + s.notKept).toBe(2 * exchanges);
    expect(s.kept).toBe(during.length);
    const kept = during.filter((r) => r.meta.kind === 'request').map((r) => r.meta.id);
    const answered = during.filter((r) => r.meta.kind !== 'request').map((r) => r.meta.id);
    const expectedKept = SAMPLE_FIRST + Math.floor((exchanges - SAMPLE_FIRST) / SAMPLE_EVERY);
    expect(kept).toHaveLength(expectedKept);
    // An answer goes with its request; the error is kept though its request was not.
    const errors = during.filter((r) => r.meta.kind === 'error');
    expect(errors).toHaveLength(1);
    expect(kept).not.toContain(errors[0]!.meta.id);
    expect(answered.filter((id) => id !== errors[0]!.meta.id)).toEqual(kept);
    expect(latencies).toHaveLength(calls);
    expect(tap.pending).toEqual({ sent: 0, received: 0, watched: 0 });
  });
});
