import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { ApiError } from '../../../src-shared/api/errors';
import { Emitter } from '../../../src-shared/base/event';
import { Disposable } from '../../../src-shared/base/lifecycle';
import type { HistoryEntry, HistoryList, HistoryListRequestSchema, HistorySummary } from '../../../src-shared/api/schemas/history';
import type { z } from 'zod';
import { systemClock, type Clock } from '../base/clock';
import { createScrubber } from '../logs/redaction';
import { buildEntry, haystackOf, summarize, type EntryLimits, type RecordInput } from './history-entry';
import { HistoryFile, type HistoryHeader } from './history-file';

export interface HistoryLimits extends EntryLimits {
  /** The newest this many entries are kept… */
  maxEntries: number;
  /** …as long as their lines add up to no more than this. */
  maxBytes: number;
}

export const HISTORY_LIMITS: HistoryLimits = {
  maxEntries: 5000,
  maxBytes: 50 * 1024 * 1024,
  maxEntryBytes: 256 * 1024,
  maxParamsBytes: 64 * 1024,
};

export interface HistoryServiceOptions {
  appDataDir: string;
  workspaceDir: string;
  /** Where whole results and parameters too large for an entry are saved (readable with downloads.read). */
  downloadsDir: string;
  /** The values to blank out of a server's entries: the ones its log blanks out. */
  secretsOf(serverId: string): readonly string[];
  limits?: Partial<HistoryLimits>;
  /** Paces the file's batched writes (default: the system clock). */
  clock?: Clock;
}

interface Kept {
  summary: HistorySummary;
  /** Its line in the file: the entry is parsed back only when someone opens it (or searches). */
  line: string;
  /** Size of its line in the file, newline included. */
  bytes: number;
  /** Files history saved for this entry (a whole result…), removed when it falls out. */
  ownFiles: string[];
  haystack?: string;
}

type ListArgs = z.output<typeof HistoryListRequestSchema>;

/** The file of a workspace's history in the app-data folder: results may hold private data, so never in the workspace. */
export function historyFileFor(appDataDir: string, workspaceDir: string): string {
  const key = createHash('sha256').update(path.resolve(workspaceDir)).digest('hex').slice(0, 16);
  return path.join(appDataDir, 'history', `${key}.jsonl`);
}

/**
 * The workspace's request history: every request a person or the CLI sent to a server, with its
 * outcome, kept in memory and in an append-only file. Bounded by entries and bytes; what falls
 * out is counted (and survives restarts in the count), never silently lost.
 */
export class HistoryService extends Disposable {
  private readonly _onDidAppend = this._register(new Emitter<HistorySummary>());
  readonly onDidAppend = this._onDidAppend.event;
  private readonly _onDidClear = this._register(new Emitter<{ serverId?: string }>());
  readonly onDidClear = this._onDidClear.event;

  private kept: Kept[] = [];
  private queued: RecordInput[] = [];
  private drainHandle: ReturnType<typeof setImmediate> | undefined;
  private readonly byId = new Map<string, Kept>();
  private keptBytes = 0;
  private dropped = 0;
  private lastSeq = 0;
  private readonly idSuffix = randomBytes(3).toString('hex');
  /** The last write that failed: the history goes on in memory, and the list says so. */
  problem: string | undefined;
  readonly limits: HistoryLimits;

  private constructor(
    private readonly o: HistoryServiceOptions,
    private readonly file: HistoryFile,
  ) {
    super();
    const limits = { ...HISTORY_LIMITS, ...o.limits };
    this.limits = { ...limits, maxEntryBytes: Math.min(limits.maxEntryBytes, limits.maxBytes) };
  }

  static async open(o: HistoryServiceOptions): Promise<HistoryService> {
    let service: HistoryService | undefined;
    const file = new HistoryFile(
      historyFileFor(o.appDataDir, o.workspaceDir),
      (m) => {
        if (service) service.problem = `history could not be saved to ${file.file}: ${m}`;
      },
      o.clock ?? systemClock,
    );
    service = new HistoryService(o, file);
    await service.load();
    return service;
  }

  private async load(): Promise<void> {
    let loaded;
    try {
      loaded = await this.file.load(path.resolve(this.o.workspaceDir));
    } catch (e) {
      // An unreadable file must not stop the app: history starts empty and says why.
      this.problem = `history could not be read from ${this.file.file}: ${(e as Error).message}`;
      return;
    }
    this.dropped = loaded.header.dropped + loaded.damaged;
    this.lastSeq = loaded.header.lastSeq;
    for (const { entry, line } of loaded.entries.sort((a, b) => a.entry.seq - b.entry.seq)) {
      this.push(entry, line);
      this.lastSeq = Math.max(this.lastSeq, entry.seq);
    }
    const before = this.dropped;
    this.enforceBounds();
    if (loaded.damaged > 0 || this.dropped > before || this.overSlack()) this.compact();
  }

  /**
   * Keep a request and its outcome once the caller has its answer: the entry is built right after
   * the current turn of the event loop (in arrival order, in one batch), never before the response
   * goes out. Everything that reads history builds what is queued first, so no read misses it.
   */
  recordLater(input: RecordInput): void {
    this.queued.push(input);
    // setImmediate, not the Clock: this is "after the response is sent", not a duration; a test
    // clock that holds timers back must not hold history back.
    this.drainHandle ??= setImmediate(() => this.drain());
  }

  /**
   * Keep a request and its outcome now. Synchronous in memory; the file follows in batches.
   * Returns the stored entry (tool-call arguments only in params: see `withArguments`).
   */
  record(input: RecordInput): HistoryEntry {
    this.drain();
    return this.recordNow(input);
  }

  private recordNow(input: RecordInput): HistoryEntry {
    const seq = ++this.lastSeq;
    // The sequence is unique for the workspace (it survives restarts in the header); the suffix
    // keeps ids distinct even if two processes ever wrote one file.
    const id = `${seq.toString(36)}-${this.idSuffix}`;
    const scrub = createScrubber([...this.o.secretsOf(input.outcome.serverId)]);
    const { entry, files } = buildEntry(input, id, seq, this.limits, this.o.downloadsDir, scrub);
    const line = JSON.stringify(entry);
    this.file.append(line, files);
    const kept = this.push(entry, line);
    this.enforceBounds();
    if (this.overSlack()) this.compact();
    this._onDidAppend.fire(kept.summary);
    return entry;
  }

  list(req: ListArgs): HistoryList {
    this.drain();
    const text = req.text?.trim().toLowerCase();
    const kinds = req.kinds?.length ? new Set(req.kinds) : undefined;
    const statuses = req.statuses?.length ? new Set(req.statuses) : undefined;
    const entries: HistorySummary[] = [];
    let matched = 0;
    let more = false;
    for (let i = this.kept.length - 1; i >= 0; i--) {
      const k = this.kept[i]!;
      const s = k.summary;
      if (req.serverId !== undefined && s.serverId !== req.serverId) continue;
      if (kinds && !kinds.has(s.kind)) continue;
      if (statuses && !statuses.has(s.status)) continue;
      if (req.target !== undefined && s.target !== req.target) continue;
      if (text && !(k.haystack ??= haystackOf(JSON.parse(k.line) as HistoryEntry)).includes(text)) continue;
      matched++;
      if (req.before !== undefined && s.seq >= req.before) continue;
      if (entries.length < req.limit) entries.push(s);
      else more = true;
    }
    return {
      entries,
      matched,
      ...(more && entries.length ? { nextBefore: entries[entries.length - 1]!.seq } : {}),
      ...this.counts(),
      maxEntries: this.limits.maxEntries,
      maxBytes: this.limits.maxBytes,
      ...(this.problem ? { problem: this.problem } : {}),
    };
  }

  get(id: string): HistoryEntry {
    this.drain();
    const k = this.byId.get(id);
    if (!k)
      throw new ApiError(
        'NotFound',
        `history entry "${id}" is no longer kept (it fell out of the bounded history, or history was cleared)`,
      );
    return withArguments(JSON.parse(k.line) as HistoryEntry);
  }

  /** Kept entries after `afterSeq`, oldest first. */
  since(afterSeq: number, serverId?: string): HistorySummary[] {
    this.drain();
    const out: HistorySummary[] = [];
    for (let i = this.kept.length - 1; i >= 0 && this.kept[i]!.summary.seq > afterSeq; i--) {
      const s = this.kept[i]!.summary;
      if (serverId === undefined || s.serverId === serverId) out.push(s);
    }
    return out.reverse();
  }

  counts(): { kept: number; dropped: number; oldestSeq: number } {
    this.drain();
    return { kept: this.kept.length, dropped: this.dropped, oldestSeq: this.kept[0]?.summary.seq ?? 0 };
  }

  /** Forget a server's entries (or all); clearing everything also resets the dropped count. */
  clear(serverId?: string): number {
    this.drain(); // requests answered before the clear belong to what is cleared
    const gone = serverId === undefined ? this.kept : this.kept.filter((k) => k.summary.serverId === serverId);
    if (gone.length === 0 && serverId !== undefined) return 0;
    for (const k of gone) this.forget(k);
    if (serverId === undefined) {
      this.kept = [];
      this.dropped = 0;
    } else this.kept = this.kept.filter((k) => k.summary.serverId !== serverId);
    this.compact();
    this._onDidClear.fire(serverId === undefined ? {} : { serverId });
    return gone.length;
  }

  /** Appends written to the file so far (diagnostics and tests). */
  get fileWrites(): number {
    return this.file.appendWrites;
  }

  /** Resolves when every write asked for so far is done (tests, shutdown). */
  flushed(): Promise<void> {
    this.drain();
    return this.file.flushed();
  }

  /** Finish writing and release the file (engine shutdown). */
  close(): Promise<void> {
    this.drain();
    return this.file.close();
  }

  /** Build the entries of requests answered so far (see `recordLater`). */
  settle(): void {
    this.drain();
  }

  private drain(): void {
    if (this.drainHandle !== undefined) clearImmediate(this.drainHandle);
    this.drainHandle = undefined;
    if (this.queued.length === 0) return;
    const queued = this.queued;
    this.queued = [];
    for (const input of queued) {
      try {
        this.recordNow(input);
      } catch (e) {
        // Keeping history must never cost anything else: the list says what could not be kept.
        this.problem = `a ${input.kind} request could not be kept in history: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
  }

  private push(entry: HistoryEntry, line: string): Kept {
    const bytes = Buffer.byteLength(line, 'utf8') + 1;
    // Only the files history saved itself: a tool result the console saved belongs to the console.
    const ownFiles = [entry.paramsSavedTo, entry.truncated?.savedTo].filter(
      (f): f is string => !!f && path.basename(f).startsWith(`history-${entry.id}.`),
    );
    const kept: Kept = { summary: summarize(entry), line, bytes, ownFiles };
    this.kept.push(kept);
    this.byId.set(entry.id, kept);
    this.keptBytes += bytes;
    return kept;
  }

  /** Drop the oldest entries until both bounds hold; each one counted. */
  private enforceBounds(): void {
    const { maxEntries, maxBytes } = this.limits;
    let n = 0;
    while (n < this.kept.length && (this.kept.length - n > maxEntries || this.keptBytes > maxBytes)) {
      this.forget(this.kept[n]!);
      n++;
    }
    if (n === 0) return;
    // shift() trims the array's start in place; at steady state that is one entry a request.
    for (let i = 0; i < n; i++) this.kept.shift();
    this.dropped += n;
  }

  private forget(k: Kept): void {
    this.byId.delete(k.summary.id);
    this.keptBytes -= k.bytes;
    this.file.remove(k.ownFiles);
  }

  /**
   * The file may hold up to twice the bounds before it is rewritten. A rewrite writes every kept
   * entry again, so rewriting after each tenth more (as this once did) made a load of calls from
   * the UI spend a fifth of its time rewriting history; at twice, each entry is written at most
   * twice over its life.
   */
  private overSlack(): boolean {
    const { maxEntries, maxBytes } = this.limits;
    return this.file.lines > 2 * maxEntries + 50 || this.file.bytes > 2 * maxBytes + 64 * 1024;
  }

  private compact(): void {
    // Header and lines are read when the write runs: entries dropped meanwhile are in the count.
    this.file.rewrite(() => ({
      header: {
        mcpLabHistory: 1,
        workspaceDir: path.resolve(this.o.workspaceDir),
        dropped: this.dropped,
        lastSeq: this.lastSeq,
      } satisfies HistoryHeader,
      lines: this.kept.map((k) => k.line),
    }));
  }
}

/** A tool call's outcome is stored without its arguments (they are in params): put them back. */
export function withArguments(e: HistoryEntry): HistoryEntry {
  if (e.kind !== 'tools.call') return e;
  return { ...e, outcome: { ...e.outcome, arguments: (e.params.arguments as object | undefined) ?? {} } };
}
