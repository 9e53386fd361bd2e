/** Splitting an event stream into events as chunks arrive, by the rules of the SSE format. */
import { describe, expect, it } from 'vitest';
import { SseReader, type SseFrame } from '../../../../../src-main/engine/remote/sse-reader';

function read(chunks: string[]): SseFrame[] {
  const out: SseFrame[] = [];
  const r = new SseReader((f) => out.push(f));
  for (const c of chunks) r.push(c);
  return out;
}

describe('SseReader', () => {
  it('reads events with their id and type; data lines join with newlines; the type defaults to message', () => {
    expect(read(['id: 7\nevent: update\ndata: {"a":1}\n\n', 'data: one\ndata: two\n\n'])).toEqual([
      { id: '7', event: 'update', data: '{"a":1}' },
      { id: undefined, event: 'message', data: 'one\ntwo' },
    ]);
  });

  it('takes lines ending in CR, LF or CRLF, even when a CRLF or a line is split between chunks', () => {
    expect(read(['data: a\r', '\n\r', '\ndata: b', 'c\r\r'])).toEqual([
      { id: undefined, event: 'message', data: 'a' },
      { id: undefined, event: 'message', data: 'bc' },
    ]);
  });

  it('skips comments (keep-alives) and events without data, and keeps an event unfinished until its blank line', () => {
    expect(read([':\n\n', ': keep-alive\n\n', 'event: ping\n\n', 'data:no space\n'])).toEqual([]);
    expect(read(['data:no space\n', '\n'])).toEqual([{ id: undefined, event: 'message', data: 'no space' }]);
  });
});
