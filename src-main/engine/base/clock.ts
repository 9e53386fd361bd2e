import type { IDisposable } from '../../../src-shared/base/lifecycle';

export interface TimerOptions {
  /** Do not keep the process alive for this timer alone (background work such as health checks). */
  unref?: boolean;
}

/**
 * Time for the engine: timestamps, durations and timers. Production code uses `systemClock`;
 * tests inject a clock whose timers fire when the test says so, so back-off and periodic checks
 * run without waiting on the wall clock.
 */
export interface Clock {
  /** Epoch milliseconds, for timestamps. */
  now(): number;
  /** Monotonic milliseconds, for durations (immune to wall-clock jumps). */
  monotonic(): number;
  /** Run `fn` once after `ms`; disposing the handle cancels it. */
  setTimeout(fn: () => void, ms: number, options?: TimerOptions): IDisposable;
  /** Run `fn` every `ms`; disposing the handle stops it. */
  setInterval(fn: () => void, ms: number, options?: TimerOptions): IDisposable;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  setTimeout: (fn, ms, options) => {
    const t = setTimeout(fn, ms);
    if (options?.unref) t.unref();
    return { dispose: () => clearTimeout(t) };
  },
  setInterval: (fn, ms, options) => {
    const t = setInterval(fn, ms);
    if (options?.unref) t.unref();
    return { dispose: () => clearInterval(t) };
  },
};
