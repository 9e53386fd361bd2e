import { describe, expect, it } from 'vitest';
import { fixtureServer } from '../../helpers/fixtures';
import { addAndStart, harnessForEachTest, waitForLog } from '../../helpers/harness';
import { childrenOf, eventually, isGone } from '../../helpers/processes';
import type { ServerSummary } from '../../../src-shared/api/schemas/server';

const h = harnessForEachTest();

function pidOf(s: ServerSummary): number {
  expect(s.status.state).toBe('ready');
  return (s.status as { pid: number }).pid;
}

/** The stubborn fixture names its grandchild on stderr. */
async function grandchildOf(serverId: string): Promise<number> {
  const entries = await waitForLog(h, serverId, (e) => e.source === 'stderr' && e.text.startsWith('stubborn: grandchild pid'));
  return Number(entries.at(-1)!.text.match(/pid (\d+)/)![1]);
}

describe('stopping servers', () => {
  it('force-kills a server that ignores EOF and SIGTERM, grandchild included, within its bound', async () => {
    const s = await addAndStart(h, fixtureServer('stubborn.ts'));
    const pid = pidOf(s);
    const grandchild = await grandchildOf(s.config.id);
    expect(isGone(grandchild)).toBe(false);

    const t0 = Date.now();
    const stopped = await h.api.call('servers.stop', { serverId: s.config.id });
    const took = Date.now() - t0;
    // 1 s for EOF + 2 s for SIGTERM, then SIGKILL: about 3 s; never open-ended.
    expect(took).toBeGreaterThan(2_500);
    expect(took).toBeLessThan(6_000);
    expect(stopped.status.state).toBe('stopped');
    if (stopped.status.state !== 'stopped') return;
    expect(stopped.status.reason).toMatch(/force-killed after \d+\.\d s/);

    expect(isGone(pid)).toBe(true);
    expect(await eventually(() => isGone(grandchild), 2_000)).toBe(true);
    const log = await waitForLog(h, s.config.id, (e) => e.source === 'lifecycle' && e.text.includes('force-killed'));
    expect(log.at(-1)!.level).toBe('warning');
  });

  it('stops a well-behaved server by closing its input, quickly', async () => {
    const s = await addAndStart(h, fixtureServer('echo-server.ts'));
    const pid = pidOf(s);
    const stopped = await h.api.call('servers.stop', { serverId: s.config.id });
    // Quickly means without signals: the reason says it left when its input closed.
    expect(stopped.status.state === 'stopped' && stopped.status.reason).toMatch(/exited when its input closed/);
    expect(isGone(pid)).toBe(true);
  });

  it('leaves no process behind after engine.shutdown() with several servers running', async () => {
    const before = new Set(childrenOf(process.pid));
    const echo = await addAndStart(h, fixtureServer('echo-server.ts'));
    const py = await addAndStart(h, fixtureServer('py_stdlib_server.py'));
    const stubborn = await addAndStart(h, fixtureServer('stubborn.ts'));
    const pids = [pidOf(echo), pidOf(py), pidOf(stubborn), await grandchildOf(stubborn.config.id)];
    expect(pids.every((p) => !isGone(p))).toBe(true);

    await h.engine.shutdown();

    for (const p of pids) expect(isGone(p), `pid ${p} still alive`).toBe(true);
    // Nothing the engine started outlives it, the lifeline included (it exits once its pipe closes).
    expect(await eventually(() => childrenOf(process.pid).every((c) => before.has(c) || isGone(c)), 3_000)).toBe(true);
  });
});
