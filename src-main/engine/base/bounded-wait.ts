/**
 * `promise`, or `fallback` once `ms` have passed, whichever comes first. The timer is cleared as
 * soon as the promise settles: a bounded wait whose event already happened must not keep the
 * process alive for the rest of its bound (a one-shot CLI run would sit out every grace period).
 */
export function boundedWait<T, F>(promise: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const gaveUp = new Promise<F>((resolve) => {
    timer = setTimeout(resolve, ms, fallback);
  });
  return Promise.race([promise, gaveUp]).finally(() => clearTimeout(timer));
}
