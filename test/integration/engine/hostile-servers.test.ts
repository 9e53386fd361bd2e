import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES, fixtureServer, tsFixture } from '../../helpers/fixtures';
import { startHarness, type Harness } from '../../helpers/harness';
import { childrenOf, waitGone } from '../../helpers/processes';

let h: Harness;
afterEach(async () => {
  await h.dispose();
});

async function started(config: Parameters<Harness['api']['call']>[1] & object) {
  const s = await h.api.call('servers.add', config as never);
  const ready = await h.api.call('servers.start', { serverId: s.config.id });
  expect(ready.status.state).toBe('ready');
  return ready;
}

describe('servers that misbehave', () => {
  it('stops a call that reports progress forever at the hard maximum', async () => {
    h = await startHarness({ hardMaxCallMs: 1500 });
    const s = await started(fixtureServer('echo-server.ts'));
    const t0 = Date.now();
    // The idle timeout is shorter than the progress interval would allow only for a silent call:
    // progress keeps resetting it, so only the hard maximum can end this one.
    const out = await h.api.call('tools.call', { serverId: s.config.id, toolName: 'progress_forever', arguments: {}, timeoutMs: 400 });
    expect(out.status).toBe('timeout');
    if (out.status === 'timeout') expect(out.timeoutMs).toBe(1500);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1400);
    // The connection survives: the next call works.
    expect((await h.api.call('tools.call', { serverId: s.config.id, toolName: 'echo', arguments: { text: 'after' } })).status).toBe('ok');
  });

  it('detects a crash from the direct child, though a grandchild holds the pipes', async () => {
    h = await startHarness();
    const s = await started({ name: 'pipe-holder', transport: 'stdio', env: [], ...tsFixture('pipe-holder.ts') });
    // The grandchild holds the pipes for 300 s: a crash seen only when they close would be a timeout here.
    const out = await h.api.call('tools.call', { serverId: s.config.id, toolName: 'die', arguments: { code: 5 } });
    expect(out.status).toBe('crashed');
    if (out.status === 'crashed') {
      expect(out.exitCode).toBe(5);
      expect(out.stderrTail.join('\n')).toContain('dying now');
    }
    const [summary] = await h.api.call('servers.list', {});
    expect(summary!.status.state).toBe('crashed');
  });

  it('keeps up with a notification flood: bounded, counted, and the server is never blocked', async () => {
    h = await startHarness({ logs: { capacityPerServer: 1000 } });
    const s = await started(fixtureServer('echo-server.ts'));
    const out = await h.api.call('tools.call', {
      serverId: s.config.id,
      toolName: 'flood_notifications',
      arguments: { count: 20_000 },
      timeoutMs: 60_000,
    });
    expect(out.status).toBe('ok');
    const c = await h.api.call('logs.counts', { serverId: s.config.id });
    expect(c.bySource.notification).toBe(20_000);
    expect(c.kept).toBe(1000);
    expect(c.appended).toBe(c.kept + c.dropped + c.cleared);
    expect((await h.api.call('tools.call', { serverId: s.config.id, toolName: 'echo', arguments: { text: 'alive' } })).status).toBe('ok');
  });

  it('leaves no descendant behind when a server started through a shell is stopped', async () => {
    h = await startHarness();
    const { args } = tsFixture('echo-server.ts');
    // The shell stays the parent; it forks a long sleeper and runs the server as its child.
    const script = `sleep 300 & ${process.execPath} ${args.map((a) => `'${a}'`).join(' ')}`;
    const s = await started({ name: 'through a shell', transport: 'stdio', env: [], command: 'sh', args: ['-c', script], cwd: FIXTURES });
    const shellPid = s.status.state === 'ready' ? s.status.pid! : 0;
    const kids = childrenOf(shellPid);
    expect(kids.length).toBeGreaterThanOrEqual(2);
    await h.api.call('servers.stop', { serverId: s.config.id });
    for (const pid of [shellPid, ...kids]) expect(await waitGone(pid, 3000), `pid ${pid} survived`).toBe(true);
  });
});
