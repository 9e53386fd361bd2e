/**
 * A view of any JSON value that fits in `limitBytes` once stringified: long strings are cut and
 * long arrays shortened, each with a note saying how much is missing; the shape stays recognizable
 * for a diff or a glance. The whole value is kept elsewhere (a file), this is only its preview.
 */
/** `where` ends each note: where the rest is ("not kept", "in the full result"). */
export function trimJson(value: unknown, limitBytes: number, where = 'not kept'): unknown {
  if (jsonBytes(value) <= limitBytes) return value;
  let cut = Math.max(64, Math.floor(limitBytes / 4));
  let items = 200;
  for (let round = 0; round < 12; round++) {
    const out = shrink(value, cut, items, 0, where);
    if (jsonBytes(out) <= limitBytes) return out;
    cut = Math.max(16, Math.floor(cut / 2));
    items = Math.max(3, Math.floor(items / 2));
  }
  const text = JSON.stringify(value) ?? '';
  const keep = Math.max(0, Math.floor(limitBytes / 2) - 100);
  return { 'mcp-lab': `a value of ${formatKiB(Buffer.byteLength(text))}: too large to show here (${where})`, preview: text.slice(0, keep) };
}

export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}

const MAX_DEPTH = 32;

function shrink(v: unknown, cut: number, items: number, depth: number, where: string): unknown {
  if (typeof v === 'string') return v.length > cut ? `${v.slice(0, cut)}… [${formatKiB(v.length - cut)} more ${where}]` : v;
  if (v === null || typeof v !== 'object') return v;
  if (depth >= MAX_DEPTH) return `[nested too deep: ${where}]`;
  if (Array.isArray(v)) {
    const head = v.slice(0, items).map((x) => shrink(x, cut, items, depth + 1, where));
    return v.length > items ? [...head, `[${v.length - items} more items ${where}]`] : head;
  }
  const out: Record<string, unknown> = {};
  const keys = Object.keys(v);
  for (const k of keys.slice(0, items)) out[k] = shrink((v as Record<string, unknown>)[k], cut, items, depth + 1, where);
  if (keys.length > items) out['mcp-lab'] = `${keys.length - items} more keys ${where}`;
  return out;
}

function formatKiB(n: number): string {
  return n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
