/** One Server-Sent Event as it arrived: its `id` and `event` fields, and its data. */
export interface SseFrame {
  /** The id this event set (not the stream's last id carried over: a recorder shows what each event said). */
  id: string | undefined;
  /** `message` when the stream named no type (the default of the SSE format). */
  event: string;
  data: string;
}

/**
 * Splits a text/event-stream into events as chunks arrive (the WHATWG "event stream
 * interpretation", reduced to what a recorder needs): lines end in CR, LF or CRLF; a blank line
 * ends an event; `:` starts a comment (keep-alives carry no event); `retry` is ignored; an event
 * with no data line is not dispatched.
 */
export class SseReader {
  private buffer = '';
  private pendingCr = false;
  private id: string | undefined;
  private event = '';
  private data: string[] = [];
  private sawData = false;

  constructor(private readonly onFrame: (f: SseFrame) => void) {}

  push(chunk: string): void {
    let text = chunk;
    // A CR at the end of the previous chunk may be the first half of a CRLF.
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.pendingCr = false;
    this.buffer += text;
    for (;;) {
      const m = /\r\n|\r|\n/.exec(this.buffer);
      if (!m) return;
      if (m[0] === '\r' && m.index === this.buffer.length - 1) this.pendingCr = true;
      const line = this.buffer.slice(0, m.index);
      this.buffer = this.buffer.slice(m.index + m[0].length);
      this.line(line);
    }
  }

  private line(line: string): void {
    if (line === '') {
      if (this.sawData) this.onFrame({ id: this.id, event: this.event || 'message', data: this.data.join('\n') });
      this.id = undefined;
      this.event = '';
      this.data = [];
      this.sawData = false;
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') {
      this.data.push(value);
      this.sawData = true;
    } else if (field === 'event') this.event = value;
    else if (field === 'id' && !value.includes('\0')) this.id = value;
  }
}
