import { MessageChannel } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src-shared/api/api-client';
import type { LogEntry } from '../../src-shared/api/schemas/log';
import { createElectronHostPort } from '../../src-renderer/api/electron-port';
import { fixtureServer } from '../helpers/fixtures';
import { waitForEvent } from '../helpers/harness';
import { createMessagePortHost } from '../helpers/message-port-host';
import { connections, type ContractConnection } from './connections';

/** What only the desktop's message port does: the engine's process can die under a live window. */
describe('the desktop message port', () => {
  let c: ContractConnection;
  beforeEach(async () => {
    c = await connections['message-port']!();
  });
  afterEach(async () => {
    await c.dispose();
  });

  const startedEcho = async () => {
    const id = (await c.api.call('servers.add', fixtureServer('echo-server.ts'))).config.id;
    await c.api.call('servers.start', { serverId: id });
    return id;
  };
  const sentToServer = (serverId: string, method: string) =>
    waitForEvent<{ entries: LogEntry[] }>(
      (cb) => c.api.subscribe('logs.appended', { serverId, afterSeq: 0 }, cb),
      (b) => b.entries.some((e) => e.protocol?.dir === 'out' && e.protocol.method === method),
    );

  it('tells the window that the engine stopped, with its exit code, and fails what was pending', async () => {
    const id = await startedEcho();
    const pending = c.api.call('tools.call', { serverId: id, toolName: 'slow', arguments: { ms: 5000 } });
    await sentToServer(id, 'tools/call');

    c.engineExits!(3);

    await expect(pending).rejects.toMatchObject({ code: 'ConnectionLost' });
    await expect.poll(() => c.api.connection.state).toBe('refused');
    const conn = c.api.connection;
    expect(conn.state === 'refused' && conn.error).toMatchObject({
      code: 'ConnectionLost',
      message: expect.stringContaining('stopped unexpectedly (exit code 3)'),
    });
    // Nothing waits for an engine that is gone.
    await expect(c.api.call('app.info', {})).rejects.toMatchObject({ code: 'ConnectionLost' });
  });

  it('cancels the calls of a window that goes away (a reload or a close drops its port)', async () => {
    const id = await startedEcho();
    const watcher = c.engine.logs;
    c.api.call('tools.call', { serverId: id, toolName: 'slow', arguments: { ms: 5000 } }).catch(() => {});
    await sentToServer(id, 'tools/call');

    c.windowCloses!();

    // The engine heard the port close and told the server to stop working on it.
    await expect
      .poll(() => watcher.since(id, 0).entries.some((e) => e.protocol?.dir === 'out' && e.protocol.method === 'notifications/cancelled'), {
        timeout: 10_000,
      })
      .toBe(true);
  });
});

describe('the desktop port in the page', () => {
  it('takes its port only from the preload, never from a frame posting to the window', async () => {
    const host = createMessagePortHost({ handlers: {} as never, streams: {} as never });
    const stray = new MessageChannel();
    const heardByStray: unknown[] = [];
    stray.port1.on('message', (m) => heardByStray.push(m));
    // A frame's offer of a port and its claim that the engine died arrive before the preload's port.
    host.postFromFrame({ mcpLabHost: 'engine-port' }, [stray.port2]);
    host.postFromFrame({ mcpLabHost: 'engine-exited', code: 1 });
    const client = createApiClient(createElectronHostPort(host.bridge, host.window));
    await waitForEvent<unknown>(
      (cb) => client.onDidChangeConnection(cb),
      () => client.connection.state === 'open',
    );
    expect(host.connects).toBe(1);
    expect(heardByStray).toEqual([]);
    client.dispose();
    stray.port1.close();
    host.dispose();
  });
});
