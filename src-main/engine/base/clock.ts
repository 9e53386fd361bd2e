export interface Clock {
  /** Epoch milliseconds, for timestamps. */
  now(): number;
  /** Monotonic milliseconds, for durations (immune to wall-clock jumps). */
  monotonic(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
};
