type Json = Record<string, unknown>;

/**
 * Smaller variants of an input, most aggressive first: drop a property that is not required,
 * empty or halve a string, move a number toward zero, empty or halve an array. The fuzzer keeps
 * the first variant that still shows the same finding and shrinks again from there.
 */
export function shrinkCandidates(args: Json, required: Set<string>): Json[] {
  const out: Json[] = [];
  for (const k of Object.keys(args)) {
    if (!required.has(k)) {
      const { [k]: _drop, ...rest } = args;
      out.push(rest);
    }
  }
  for (const [k, v] of Object.entries(args)) {
    for (const smaller of smallerValues(v)) out.push({ ...args, [k]: smaller });
  }
  return out;
}

function smallerValues(v: unknown): unknown[] {
  if (typeof v === 'string') {
    if (v.length === 0) return [];
    const out = [''];
    if (v.length > 1) out.push(v.slice(0, Math.ceil(v.length / 2)));
    if (v.length > 2) out.push(v.slice(0, 1));
    return out;
  }
  if (typeof v === 'number') {
    if (v === 0) return [];
    const out: number[] = [0];
    const half = Number.isInteger(v) ? Math.trunc(v / 2) : Math.round((v / 2) * 1000) / 1000;
    if (half !== 0 && half !== v) out.push(half);
    return out;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return [];
    const out: unknown[] = [[]];
    if (v.length > 1) out.push(v.slice(0, Math.ceil(v.length / 2)));
    return out;
  }
  return [];
}

/** How "big" an input is, to only ever move to smaller ones. */
export function inputSize(v: unknown): number {
  if (typeof v === 'string') return v.length + 1;
  if (typeof v === 'number') return Math.min(1e6, Math.abs(v)) / 1e6 + 1;
  if (Array.isArray(v)) return v.reduce((s: number, x) => s + inputSize(x), 1);
  if (typeof v === 'object' && v !== null) return Object.values(v).reduce((s: number, x) => s + inputSize(x) + 1, 1);
  return 1;
}
