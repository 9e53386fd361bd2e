import { describe, expect, it } from 'vitest';
import { jsonBytes, trimJson } from '../../../../../src-main/engine/history/json-trim';

describe('trimJson', () => {
  it('leaves a value that fits untouched (the same object)', () => {
    const v = { a: [1, 2, 3], b: 'short' };
    expect(trimJson(v, 1000)).toBe(v);
  });

  it('cuts long strings and long arrays with a note, keeping the shape and staying under the limit', () => {
    const v = { contents: [{ uri: 'file:///big', text: 'x'.repeat(100_000) }], items: Array.from({ length: 5000 }, (_, i) => i) };
    const out = trimJson(v, 4096, 'in the full result') as { contents: Array<{ uri: string; text: string }>; items: unknown[] };
    expect(jsonBytes(out)).toBeLessThanOrEqual(4096);
    expect(out.contents[0]!.uri).toBe('file:///big');
    expect(out.contents[0]!.text).toMatch(/^x+… \[\d+ KiB more in the full result\]$/);
    expect(out.items.at(-1)).toMatch(/^\[\d+ more items in the full result\]$/);
  });

  it('falls back to a note with a preview when nothing else fits', () => {
    const out = trimJson({ deep: 'y'.repeat(10_000) }, 40) as Record<string, string>;
    expect(out['mcp-lab']).toContain('too large to show here (not kept)');
    expect(jsonBytes(out)).toBeLessThanOrEqual(200);
  });
});
