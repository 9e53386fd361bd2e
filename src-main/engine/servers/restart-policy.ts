export interface RestartSettings {
  /** Restart a server that crashed after it was ready. */
  onCrash: boolean;
  /** More crashes than this within the window is a crash loop: stop restarting and ask. */
  maxRestarts: number;
  windowMs: number;
}

export const DEFAULT_RESTART: RestartSettings = { onCrash: true, maxRestarts: 5, windowMs: 60_000 };

export type CrashDecision =
  { kind: 'restart'; inMs: number; attempt: number } | { kind: 'giveUp'; crashes: number; windowMs: number } | { kind: 'stay' };

/**
 * When to bring a crashed server back: after 1 s the first time, then after 2, 4 and at most 8 s, and
 * not at all once it crashed too often too quickly (a crash loop helps nobody; a person must look).
 */
export class RestartPolicy {
  private crashes: number[] = [];

  constructor(private readonly settings: RestartSettings = DEFAULT_RESTART) {}

  onCrash(now: number): CrashDecision {
    if (!this.settings.onCrash) return { kind: 'stay' };
    this.crashes = [...this.crashes.filter((t) => now - t < this.settings.windowMs), now];
    const n = this.crashes.length;
    if (n > this.settings.maxRestarts) return { kind: 'giveUp', crashes: n, windowMs: this.settings.windowMs };
    return { kind: 'restart', inMs: Math.min(8000, 1000 * 2 ** (n - 1)), attempt: n };
  }

  /** A person started or stopped it: the count starts over. */
  reset(): void {
    this.crashes = [];
  }
}
