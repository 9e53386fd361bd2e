type Call = () => Promise<unknown>;

/** Sequential round trips after a warm-up; milliseconds each. */
export async function measureLatencies(call: Call, n: number, warmup = 200): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await call();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await call();
    out.push(performance.now() - t0);
  }
  return out;
}

/** Calls per second with `concurrency` callers for `ms`. */
export async function measureThroughput(call: Call, concurrency: number, ms: number): Promise<number> {
  let done = 0;
  const end = performance.now() + ms;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await call();
        done++;
      }
    }),
  );
  return done / ((performance.now() - t0) / 1000);
}
