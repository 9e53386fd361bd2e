const HEAD_CHARS = 512;
const TAIL_CHARS = 256;

/**
 * Splits a text stream into lines in linear time (the SDK's buffer re-concatenates on every chunk,
 * which turns long lines quadratic). A line longer than `maxLineChars` is never held in memory:
 * its first and last characters are kept for diagnosis and the rest is counted and skipped.
 */
export class LineSplitter {
  private pieces: string[] = [];
  private pendingChars = 0;
  private oversize: { head: string; tail: string; chars: number } | undefined;

  constructor(
    private readonly maxLineChars: number,
    private readonly onLine: (line: string) => void,
    /**
     * `tail` is the end of the discarded line: the TypeScript SDK writes a response's `id` last
     * (`{"result":…,"jsonrpc":"2.0","id":7}`), so the head alone cannot say which request it answers.
     */
    private readonly onOversize: (head: string, totalChars: number, tail: string) => void,
  ) {}

  push(chunk: string): void {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', start);
      if (nl === -1) {
        this.hold(chunk.slice(start));
        return;
      }
      this.hold(chunk.slice(start, nl));
      this.emit();
      start = nl + 1;
    }
  }

  /** End of stream: a last line without a newline still counts. */
  end(): void {
    if (this.pendingChars > 0 || this.oversize) this.emit();
  }

  private hold(part: string): void {
    if (!part) return;
    if (this.oversize) {
      this.oversize.chars += part.length;
      this.oversize.tail = part.length >= TAIL_CHARS ? part.slice(-TAIL_CHARS) : (this.oversize.tail + part).slice(-TAIL_CHARS);
      return;
    }
    this.pieces.push(part);
    this.pendingChars += part.length;
    if (this.pendingChars > this.maxLineChars) {
      const joined = this.pieces.join('');
      this.oversize = { head: joined.slice(0, HEAD_CHARS), tail: joined.slice(-TAIL_CHARS), chars: joined.length };
      this.pieces = [];
      this.pendingChars = 0;
    }
  }

  private emit(): void {
    if (this.oversize) {
      const { head, chars, tail } = this.oversize;
      this.oversize = undefined;
      this.onOversize(head, chars, tail);
      return;
    }
    let line = this.pieces.length === 1 ? this.pieces[0]! : this.pieces.join('');
    this.pieces = [];
    this.pendingChars = 0;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    this.onLine(line);
  }
}
