import { describe, expect, it } from 'vitest';
import { RestartPolicy } from '../../../../../src-main/engine/servers/restart-policy';

describe('RestartPolicy', () => {
  it('restarts with doubling backoff, then gives up on a crash loop', () => {
    const p = new RestartPolicy({ onCrash: true, maxRestarts: 4, windowMs: 60_000 });
    const delays = [0, 1000, 2000, 3000].map((t) => p.onCrash(t));
    expect(delays).toEqual([
      { kind: 'restart', inMs: 1000, attempt: 1 },
      { kind: 'restart', inMs: 2000, attempt: 2 },
      { kind: 'restart', inMs: 4000, attempt: 3 },
      { kind: 'restart', inMs: 8000, attempt: 4 },
    ]);
    expect(p.onCrash(4000)).toEqual({ kind: 'giveUp', crashes: 5, windowMs: 60_000 });
  });

  it('forgets crashes older than the window: an occasional crash is not a loop', () => {
    const p = new RestartPolicy({ onCrash: true, maxRestarts: 2, windowMs: 10_000 });
    for (const t of [0, 20_000, 40_000, 60_000]) expect(p.onCrash(t)).toMatchObject({ kind: 'restart', attempt: 1 });
  });

  it('starts over after a person starts the server', () => {
    const p = new RestartPolicy({ onCrash: true, maxRestarts: 1, windowMs: 60_000 });
    p.onCrash(0);
    expect(p.onCrash(1).kind).toBe('giveUp');
    p.reset();
    expect(p.onCrash(2).kind).toBe('restart');
  });

  it('stays down when restarting on crash is off', () => {
    expect(new RestartPolicy({ onCrash: false, maxRestarts: 5, windowMs: 60_000 }).onCrash(0)).toEqual({ kind: 'stay' });
  });
});
