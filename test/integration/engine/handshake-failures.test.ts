import { afterEach, describe, expect, it } from 'vitest';
import { fixtureServer } from '../../helpers/fixtures';
import { startHarness, type Harness } from '../../helpers/harness';
import { isGone } from '../../helpers/processes';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';

let h: Harness | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

describe('a server that never becomes ready', () => {
  it('reports an exit before the handshake at once, with its stderr', async () => {
    h = await startHarness({ handshakeTimeoutMs: 30_000 });
    const { config } = await h.api.call('servers.add', fixtureServer('exit-early.ts'));
    const s = await h.api.call('servers.start', { serverId: config.id });
    // Reported as the exit it was, not as a timeout: the start did not wait for the 30 s handshake timeout.
    expect(s.status.state).toBe('failed');
    if (s.status.state !== 'failed') return;
    expect(s.status.kind).toBe('exitedBeforeHandshake');
    expect(s.status.message).toContain('exit code 2');
    expect(s.status.stderrTail).toEqual(['config error: API_KEY is not set', 'hint: export API_KEY=... before starting']);
  });

  it('gives up on a server that never answers initialize, and leaves no process behind', async () => {
    h = await startHarness({ handshakeTimeoutMs: 1_000 });
    // A shell boots in milliseconds even on a busy machine, so its line is written well inside the
    // 1 s handshake (a tsx server can take longer than that just to start).
    const { config } = await h.api.call('servers.add', {
      name: 'silent',
      transport: 'stdio',
      env: [],
      command: 'sh',
      args: ['-c', "echo 'silent: listening and saying nothing' >&2; exec sleep 300"],
    });
    // The pid is only visible while it starts: watch the snapshots.
    const pids = new Set<number>();
    const sub = h.api.subscribe('servers.changed', {}, (list: ServerSummary[]) => {
      for (const s of list) if ((s.status.state === 'starting' || s.status.state === 'ready') && s.status.pid) pids.add(s.status.pid);
    });
    const s = await h.api.call('servers.start', { serverId: config.id });
    sub.dispose();
    expect(s.status.state).toBe('failed');
    if (s.status.state !== 'failed') return;
    expect(s.status.kind).toBe('handshakeTimeout');
    expect(s.status.message).toContain('1 s');
    expect(s.status.stderrTail).toContain('silent: listening and saying nothing');
    expect(pids.size).toBe(1);
    // The start settles only after the process was stopped.
    expect(isGone([...pids][0]!)).toBe(true);
  });
});
