import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../../../../../src-main/engine/base/line-splitter';

function collect(max = 1000) {
  const lines: string[] = [];
  const oversize: { head: string; chars: number; tail: string }[] = [];
  const s = new LineSplitter(
    max,
    (l) => lines.push(l),
    (head, chars, tail) => oversize.push({ head, chars, tail }),
  );
  return { s, lines, oversize };
}

/** Every way of cutting `text` into two chunks, plus one character at a time. */
function splits(text: string): string[][] {
  const out: string[][] = [[text], [...text]];
  for (let i = 1; i < text.length; i++) out.push([text.slice(0, i), text.slice(i)]);
  return out;
}

describe('LineSplitter', () => {
  it('gives the same lines however the stream is chunked, LF and CRLF alike', () => {
    const text = 'first\r\nsecond\n\nthird {"a":1}\r\nlast\n';
    for (const chunks of splits(text)) {
      const { s, lines } = collect();
      for (const c of chunks) s.push(c);
      s.end();
      expect(lines, JSON.stringify(chunks)).toEqual(['first', 'second', '', 'third {"a":1}', 'last']);
    }
  });

  it('delivers a last line without a newline at end(), and nothing extra when there is none', () => {
    const a = collect();
    a.s.push('one\ntwo');
    expect(a.lines).toEqual(['one']);
    a.s.end();
    expect(a.lines).toEqual(['one', 'two']);

    const b = collect();
    b.s.push('one\n');
    b.s.end();
    expect(b.lines).toEqual(['one']);
  });

  it('discards a line over the limit, reports its head, tail and length, and parses the next line', () => {
    const { s, lines, oversize } = collect(100);
    const long = 'HEAD' + 'x'.repeat(5000) + 'TAIL';
    s.push('before\n' + long.slice(0, 60));
    for (let i = 60; i < long.length; i += 333) s.push(long.slice(i, i + 333));
    s.push('\nafter\n');
    expect(lines).toEqual(['before', 'after']);
    expect(oversize).toHaveLength(1);
    expect(oversize[0]!.chars).toBe(long.length);
    expect(oversize[0]!.head.startsWith('HEAD')).toBe(true);
    expect(oversize[0]!.head.length).toBeLessThanOrEqual(512);
    expect(oversize[0]!.tail.endsWith('TAIL')).toBe(true);
    expect(oversize[0]!.tail.length).toBeLessThanOrEqual(256);
  });

  it('accepts a line of exactly the limit', () => {
    const { s, lines, oversize } = collect(10);
    s.push('0123456789\n01234567890\n');
    expect(lines).toEqual(['0123456789']);
    expect(oversize.map((o) => o.chars)).toEqual([11]);
  });

  it('reports an oversize last line without a newline at end()', () => {
    const { s, lines, oversize } = collect(10);
    s.push('x'.repeat(50));
    expect(oversize).toEqual([]);
    s.end();
    expect(lines).toEqual([]);
    expect(oversize.map((o) => o.chars)).toEqual([50]);
  });
});
