import type { LogCounts, LogEntry, LogSource } from '../../../src-shared/api/schemas/log';

/**
 * A bounded ring of one server's log entries, in seq order. What falls out is counted; the seqs of
 * recently dropped entries are remembered (as numbers only) so a resuming reader can be told
 * exactly how many entries it missed.
 */
export class LogRing {
  private readonly items: (LogEntry | undefined)[];
  private head = 0; // index of the oldest entry
  private size = 0;
  private appended = 0;
  private dropped = 0;
  private cleared = 0;
  private readonly bySource: Partial<Record<LogSource, number>> = {};
  private readonly droppedSeqs: Float64Array;
  private droppedSeqsHead = 0;
  private droppedSeqsSize = 0;

  constructor(readonly capacity: number) {
    if (capacity < 1) throw new RangeError('log ring capacity must be at least 1');
    this.items = new Array(capacity);
    this.droppedSeqs = new Float64Array(capacity);
  }

  push(entry: LogEntry): void {
    this.appended++;
    this.bySource[entry.source] = (this.bySource[entry.source] ?? 0) + 1;
    if (this.size < this.capacity) {
      this.items[(this.head + this.size) % this.capacity] = entry;
      this.size++;
      return;
    }
    const old = this.items[this.head]!;
    this.rememberDropped(old.seq);
    this.dropped++;
    this.items[this.head] = entry;
    this.head = (this.head + 1) % this.capacity;
  }

  /** appended = kept + dropped + cleared, exactly, at every moment. */
  get counts(): LogCounts {
    return { appended: this.appended, dropped: this.dropped, cleared: this.cleared, kept: this.size, bySource: { ...this.bySource } };
  }

  /** Entries with seq > afterSeq, oldest first, plus how many such entries were already dropped. */
  since(afterSeq: number): { entries: LogEntry[]; missed: number } {
    const entries: LogEntry[] = [];
    // Binary search for the first kept entry newer than the cursor: seqs are increasing.
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.at(mid).seq <= afterSeq) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.size; i++) entries.push(this.at(i));
    return { entries, missed: this.missedAfter(afterSeq) };
  }

  clear(): number {
    const n = this.size;
    // Cleared entries are not drops: the user removed them, so they are counted apart.
    this.items.fill(undefined);
    this.head = 0;
    this.size = 0;
    this.cleared += n;
    return n;
  }

  private at(i: number): LogEntry {
    return this.items[(this.head + i) % this.capacity]!;
  }

  private rememberDropped(seq: number): void {
    const cap = this.droppedSeqs.length;
    this.droppedSeqs[(this.droppedSeqsHead + this.droppedSeqsSize) % cap] = seq;
    if (this.droppedSeqsSize < cap) this.droppedSeqsSize++;
    else this.droppedSeqsHead = (this.droppedSeqsHead + 1) % cap;
  }

  /**
   * Dropped entries newer than the cursor. Exact while the cursor is within the remembered window
   * (the last `capacity` drops) or the reader is new (afterSeq 0); otherwise a lower bound.
   */
  private missedAfter(afterSeq: number): number {
    if (this.dropped === 0) return 0;
    if (afterSeq <= 0) return this.dropped;
    const n = this.droppedSeqsSize;
    const cap = this.droppedSeqs.length;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.droppedSeqs[(this.droppedSeqsHead + mid) % cap]! <= afterSeq) lo = mid + 1;
      else hi = mid;
    }
    return n - lo;
  }
}
