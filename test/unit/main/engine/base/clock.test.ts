import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../../../src-main/engine/base/clock';
import { TestClock } from '../../../../helpers/test-clock';

describe('systemClock timers', () => {
  it('fires a timeout, and a disposed one never (a later timer proves it had its chance)', async () => {
    const fired: string[] = [];
    systemClock.setTimeout(() => fired.push('cancelled'), 1).dispose();
    await new Promise<void>((resolve) =>
      systemClock.setTimeout(() => {
        fired.push('kept');
        resolve();
      }, 5),
    );
    expect(fired).toEqual(['kept']);
  });

  it('repeats an interval until disposed', async () => {
    let n = 0;
    await new Promise<void>((resolve) => {
      const t = systemClock.setInterval(() => {
        if (++n === 3) {
          t.dispose();
          resolve();
        }
      }, 1);
    });
    // A later timer: had the 1 ms interval kept running, it would have fired before this one.
    await new Promise<void>((resolve) => systemClock.setTimeout(resolve, 5));
    expect(n).toBe(3);
  });
});

describe('TestClock', () => {
  it('fires timers only when advanced, in due order, and moves timestamps with them', () => {
    const c = new TestClock();
    const fired: string[] = [];
    const t0 = c.now();
    c.setTimeout(() => fired.push(`b@${c.now() - t0 >= 2000}`), 2000);
    c.setTimeout(() => fired.push('a'), 1000);
    c.setTimeout(() => fired.push('never'), 500).dispose();
    expect(fired).toEqual([]);
    c.advance(999);
    expect(fired).toEqual([]);
    c.advance(1001);
    expect(fired).toEqual(['a', 'b@true']);
    expect(c.pending).toBe(0);
  });

  it('repeats intervals once per period passed, until disposed', () => {
    const c = new TestClock();
    let n = 0;
    const t = c.setInterval(() => n++, 100);
    c.advance(350);
    expect(n).toBe(3);
    t.dispose();
    c.advance(1000);
    expect(n).toBe(3);
  });

  it('fires a timer that a firing timer sets, when it falls due within the same advance', () => {
    const c = new TestClock();
    const fired: number[] = [];
    c.setTimeout(() => c.setTimeout(() => fired.push(2), 100), 100);
    c.advance(250);
    expect(fired).toEqual([2]);
  });

  it('tells when a timer with a given delay is set', async () => {
    const c = new TestClock();
    const seen = c.whenTimerSet((ms) => ms === 2000);
    c.setTimeout(() => {}, 1000);
    c.setTimeout(() => {}, 2000);
    expect(await seen).toBe(2000);
  });
});
