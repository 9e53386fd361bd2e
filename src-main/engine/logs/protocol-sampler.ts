/** Exchanges kept one by one at the start of a sampled stretch: enough to read what the traffic looks like. */
export const SAMPLE_FIRST = 10;
/** After those, one exchange in this many is kept (every error is kept whatever its turn). */
export const SAMPLE_EVERY = 100;

/**
 * While a load run drives a server, its protocol log keeps a sample of the traffic one by one and
 * counts the rest: a log entry per message would cost more than the calls being measured, and
 * nobody reads 100,000 identical exchanges. Which exchanges are kept depends on their order only
 * (no clock), so a run's log is the same however fast the machine. Every message is counted once,
 * as kept or not kept.
 */
export class ProtocolSampler {
  /** How many runs sample this server now; sampling ends with the last. */
  users = 0;
  kept = 0;
  notKept = 0;
  private exchanges = 0;

  /** A new exchange (a request either way, or a notification): is it kept one by one? */
  keepExchange(): boolean {
    const n = this.exchanges++;
    return n < SAMPLE_FIRST || (n - SAMPLE_FIRST) % SAMPLE_EVERY === SAMPLE_EVERY - 1;
  }

  count(kept: boolean): void {
    if (kept) this.kept++;
    else this.notKept++;
  }
}
