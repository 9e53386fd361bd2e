import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../../../src-main/engine/base/clock';
import { MAX_REMEMBERED_REQUESTS, RecordingTransport } from '../../../../../src-main/engine/mcp/recording-transport';

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
      tap.captureRequest(() => void tap.send(msg), () => {});
    }
    expect(tap.pending.sent).toBe(MAX_REMEMBERED_REQUESTS);
    expect(tap.pending.watched).toBe(MAX_REMEMBERED_REQUESTS);
  });
});
