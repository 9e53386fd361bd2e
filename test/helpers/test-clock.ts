import type { IDisposable } from '../../src-shared/base/lifecycle';
import type { Clock } from '../../src-main/engine/base/clock';

interface FakeTimer {
  id: number;
  dueAt: number;
  fn: () => void;
  everyMs?: number;
}

/**
 * A Clock whose timers fire only when the test advances it. Timestamps keep following the real
 * clock (plus whatever the test advanced), so code that measures real work with real child
 * processes still sees time pass; only what waits on a timer (restart back-off, health checks)
 * is under the test's control.
 */
export class TestClock implements Clock {
  private offset = 0;
  private virtualNow = 0;
  private nextId = 1;
  private readonly timers = new Map<number, FakeTimer>();
  private readonly waiters: Array<() => void> = [];

  now(): number {
    return Date.now() + this.offset;
  }

  monotonic(): number {
    return performance.now() + this.offset;
  }

  setTimeout(fn: () => void, ms: number): IDisposable {
    return this.add(fn, ms);
  }

  setInterval(fn: () => void, ms: number): IDisposable {
    return this.add(fn, ms, Math.max(1, ms));
  }

  /** Timers waiting to fire (intervals count once). */
  get pending(): number {
    return this.timers.size;
  }

  /** Move time forward by `ms`, firing every timer that falls due on the way, in order. */
  advance(ms: number): void {
    const target = this.virtualNow + ms;
    for (;;) {
      const next = [...this.timers.values()].filter((t) => t.dueAt <= target).sort((a, b) => a.dueAt - b.dueAt || a.id - b.id)[0];
      if (!next) break;
      this.offset += next.dueAt - this.virtualNow;
      this.virtualNow = next.dueAt;
      if (next.everyMs !== undefined) next.dueAt += next.everyMs;
      else this.timers.delete(next.id);
      next.fn();
    }
    this.offset += target - this.virtualNow;
    this.virtualNow = target;
  }

  /** Resolves once a timer is set whose delay matches (at once if one is already pending). */
  whenTimerSet(pred: (delayMs: number) => boolean = () => true): Promise<number> {
    return new Promise((resolve) => {
      const check = (): boolean => {
        const t = [...this.timers.values()].find((x) => x.everyMs === undefined && pred(x.dueAt - this.virtualNow));
        if (t) resolve(t.dueAt - this.virtualNow);
        return !!t;
      };
      if (check()) return;
      const waiter = () => {
        if (check()) this.waiters.splice(this.waiters.indexOf(waiter), 1);
      };
      this.waiters.push(waiter);
    });
  }

  private add(fn: () => void, ms: number, everyMs?: number): IDisposable {
    const id = this.nextId++;
    this.timers.set(id, { id, dueAt: this.virtualNow + Math.max(0, ms), fn, ...(everyMs !== undefined ? { everyMs } : {}) });
    for (const w of [...this.waiters]) w();
    return { dispose: () => void this.timers.delete(id) };
  }
}
