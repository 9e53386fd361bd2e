import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { HistoryEntry } from '../../../src-shared/api/schemas/history';
import { readTextIfExists, writeFileAtomically } from '../workspace/atomic-file';

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
 * One workspace's history on disk: JSON lines, appended as requests complete, rewritten whole
 * (atomically: temp file, fsync, rename) when it has grown past its bound. Writes go one after
 * another through a queue, in the order they were asked for; the file is readable by the user only.
 */
export class HistoryFile {
  private chain: Promise<void> = Promise.resolve();
  /** Entry lines and bytes the file holds once the queued writes are done. */
  lines = 0;
  bytes = 0;

  constructor(
    readonly file: string,
    private readonly onError: (message: string) => void,
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

  /** Write the entry's files (its whole result…), then append its line. */
  append(line: string, files: Array<{ path: string; content: string }> = []): void {
    this.lines++;
    this.bytes += Buffer.byteLength(line, 'utf8') + 1;
    this.enqueue(async () => {
      for (const f of files) await writeFileAtomically(f.path, f.content, 0o600);
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await fs.appendFile(this.file, `${line}\n`, { encoding: 'utf8', mode: 0o600 });
    });
  }

  /** Replace the whole file with these lines (compaction, clear). */
  rewrite(header: HistoryHeader, lines: string[]): void {
    const text = [JSON.stringify(header), ...lines].join('\n') + '\n';
    this.lines = lines.length;
    this.bytes = Buffer.byteLength(text, 'utf8');
    this.enqueue(() => writeFileAtomically(this.file, text, 0o600));
  }

  /** Files that belonged to entries no longer kept. */
  remove(files: string[]): void {
    if (files.length === 0) return;
    this.enqueue(async () => {
      for (const f of files) await fs.rm(f, { force: true });
    });
  }

  /** Resolves once everything asked for so far is on disk (or failed and was reported). */
  flushed(): Promise<void> {
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
