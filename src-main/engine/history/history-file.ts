import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { HistoryEntry } from '../../../src-shared/api/schemas/history';
import type { IDisposable } from '../../../src-shared/base/lifecycle';
import type { Clock } from '../base/clock';
import { readTextIfExists, writeFileAtomically } from '../workspace/atomic-file';

/**
 * How long appended lines may wait before they are written: what a crash of MCP Lab can cost at
 * most (stopping or quitting writes them at once). One write a second instead of one per burst of
 * calls keeps the disk off the call path under load.
 */
export const HISTORY_FLUSH_MS = 500;
/** Lines waiting past this many bytes are written at once, whatever the interval: memory stays bounded. */
const MAX_PENDING_BYTES = 1024 * 1024;

/** The first line of a history file: what the entries themselves cannot say. */
export interface HistoryHeader {
  mcpLabHistory: 1;
  /** For people looking into the app-data folder: whose history this is. */
  workspaceDir: string;
  /** Entries that fell out before the last compaction (since the last clear). */
  dropped: number;
  /** The highest seq ever given, so numbering goes on after a clear. */
  lastSeq: number;
}

export interface LoadedHistory {
  header: HistoryHeader;
  /** Every readable entry, oldest first, with its line. */
  entries: Array<{ entry: HistoryEntry; line: string }>;
  /** Lines that could not be read (a line cut short by a crash): they are lost entries. */
  damaged: number;
}

/**
 * One workspace's history on disk: JSON lines, appended in batches (at most `flushMs` after a
 * request completed, at once on close), rewritten whole (atomically: temp file, fsync, rename)
 * when it has grown past its bound. Writes go one after another through a queue, in the order they
 * were asked for; the file is readable by the user only.
 */
export class HistoryFile {
  private chain: Promise<void> = Promise.resolve();
  /** Entry lines and bytes the file holds once the queued writes are done. */
  lines = 0;
  bytes = 0;
  /** Appends written so far (diagnostics and tests: one per interval, not one per request). */
  appendWrites = 0;
  private pendingLines: string[] = [];
  private pendingBytes = 0;
  private pendingFiles: Array<{ path: string; content: string }> = [];
  private flushTimer: IDisposable | undefined;
  private dirReady = false;
  private handle: FileHandle | undefined;

  constructor(
    readonly file: string,
    private readonly onError: (message: string) => void,
    private readonly clock: Clock,
    private readonly flushMs = HISTORY_FLUSH_MS,
  ) {}

  async load(workspaceDir: string): Promise<LoadedHistory> {
    const header: HistoryHeader = { mcpLabHistory: 1, workspaceDir, dropped: 0, lastSeq: 0 };
    const text = await readTextIfExists(this.file);
    const entries: LoadedHistory['entries'] = [];
    let damaged = 0;
    if (text !== undefined) {
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue;
        let v: unknown;
        try {
          v = JSON.parse(line);
        } catch {
          damaged++;
          continue;
        }
        if (isHeader(v)) {
          header.dropped = v.dropped;
          header.lastSeq = v.lastSeq;
        } else if (isEntry(v)) entries.push({ entry: v, line });
        else damaged++;
      }
    }
    this.lines = entries.length + damaged;
    this.bytes = text === undefined ? 0 : Buffer.byteLength(text, 'utf8');
    return { header, entries, damaged };
  }

  /**
   * Write the entry's files (its whole result…), then append its line. Lines wait up to `flushMs`
   * and go out together: one append per interval, not per request.
   */
  append(line: string, files: Array<{ path: string; content: string }> = []): void {
    const bytes = Buffer.byteLength(line, 'utf8') + 1;
    this.lines++;
    this.bytes += bytes;
    this.pendingFiles.push(...files);
    this.pendingLines.push(line);
    this.pendingBytes += bytes;
    if (this.pendingBytes >= MAX_PENDING_BYTES) this.flush();
    else this.flushTimer ??= this.clock.setTimeout(() => this.flush(), this.flushMs, { unref: true });
  }

  /** Queue the write of what is pending now (the interval's timer, close, or a caller that needs it on disk). */
  flush(): void {
    this.flushTimer?.dispose();
    this.flushTimer = undefined;
    if (this.pendingLines.length === 0 && this.pendingFiles.length === 0) return;
    this.pendingBytes = 0;
    this.enqueue(async () => {
      const lines = this.pendingLines;
      const filesNow = this.pendingFiles;
      this.pendingLines = [];
      this.pendingFiles = [];
      if (lines.length === 0 && filesNow.length === 0) return; // a rewrite since took them
      for (const f of filesNow) await writeFileAtomically(f.path, f.content, 0o600);
      if (lines.length === 0) return;
      if (!this.dirReady) {
        await fs.mkdir(path.dirname(this.file), { recursive: true });
        this.dirReady = true;
      }
      // One handle for all appends; a compaction replaces the file, and closes it (see rewrite).
      this.handle ??= await fs.open(this.file, 'a', 0o600);
      await this.handle.write(`${lines.join('\n')}\n`);
      this.appendWrites++;
    });
  }

  /**
   * Replace the whole file (compaction, clear). The lines are read when the write runs, in queue
   * order, so appends queued before it land in it and none after it is lost.
   */
  rewrite(contents: () => { header: HistoryHeader; lines: string[] }): void {
    // What the file will hold, counted now so the caller's bound checks see it at once.
    const now = contents();
    this.lines = now.lines.length;
    this.bytes = now.lines.reduce(
      (n, l) => n + Buffer.byteLength(l, 'utf8') + 1,
      Buffer.byteLength(JSON.stringify(now.header), 'utf8') + 1,
    );
    this.enqueue(async () => {
      const { header, lines } = contents();
      this.pendingLines = []; // every kept line is in this rewrite; entry files still go out with the next flush
      this.pendingBytes = 0;
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomically(this.file, [JSON.stringify(header), ...lines].join('\n') + '\n', 0o600);
      this.dirReady = true;
      // The old handle points at the replaced file: the next append opens the new one.
      await this.handle?.close();
      this.handle = undefined;
    });
  }

  /** Files that belonged to entries no longer kept. */
  remove(files: string[]): void {
    if (files.length === 0) return;
    this.flush(); // a file still waiting to be written must not be written after its removal
    this.enqueue(async () => {
      for (const f of files) await fs.rm(f, { force: true });
    });
  }

  /** Finish the queued writes and let go of the file (engine shutdown). */
  async close(): Promise<void> {
    this.flush();
    this.enqueue(async () => {
      await this.handle?.close();
      this.handle = undefined;
    });
    await this.chain;
  }

  /** Writes what is pending now; resolves once everything asked for so far is on disk (or failed and was reported). */
  flushed(): Promise<void> {
    this.flush();
    return this.chain;
  }

  private enqueue(task: () => Promise<void>): void {
    this.chain = this.chain.then(task).catch((e: unknown) => this.onError(e instanceof Error ? e.message : String(e)));
  }
}

function isHeader(v: unknown): v is HistoryHeader {
  const h = v as Partial<HistoryHeader> | null;
  return !!h && typeof h === 'object' && h.mcpLabHistory === 1 && typeof h.dropped === 'number' && typeof h.lastSeq === 'number';
}

function isEntry(v: unknown): v is HistoryEntry {
  const e = v as Partial<HistoryEntry> | null;
  return (
    !!e &&
    typeof e === 'object' &&
    typeof e.id === 'string' &&
    typeof e.seq === 'number' &&
    typeof e.serverId === 'string' &&
    typeof e.kind === 'string' &&
    typeof e.status === 'string' &&
    typeof e.startedAt === 'number' &&
    !!e.params &&
    typeof e.params === 'object' &&
    !!e.outcome &&
    typeof e.outcome === 'object'
  );
}
