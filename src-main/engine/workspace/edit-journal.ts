import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { JournalEntrySchema, type FileVersion, type JournalEntry, type RecoveryEntry } from '../../../src-shared/api/schemas/workspace';
import type { Clock } from '../base/clock';
import { readTextIfExists, writeFileAtomically } from './atomic-file';
import { sameContent } from './file-version';

const JournalFileSchema = z.object({ workspaceDir: z.string(), entries: z.array(JournalEntrySchema) });

/**
 * Dirty editor buffers of one workspace, journaled in the app-data folder so a crash (of the
 * window, the engine or the machine) loses nothing. Writes are debounced and atomic; the next
 * open offers what the journal holds for recovery.
 */
export class EditJournal {
  private entries = new Map<string, JournalEntry>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  readonly file: string;

  private constructor(
    private readonly workspaceDir: string,
    appDataDir: string,
    private readonly clock: Clock,
    private readonly debounceMs: number,
  ) {
    const key = createHash('sha256').update(path.resolve(workspaceDir)).digest('hex').slice(0, 16);
    this.file = path.join(appDataDir, 'journal', `${key}.json`);
  }

  static async open(workspaceDir: string, appDataDir: string, clock: Clock, debounceMs = 400): Promise<EditJournal> {
    const j = new EditJournal(workspaceDir, appDataDir, clock, debounceMs);
    const text = await readTextIfExists(j.file).catch(() => undefined);
    if (text) {
      try {
        const parsed = JournalFileSchema.parse(JSON.parse(text));
        for (const e of parsed.entries) j.entries.set(e.path, e);
      } catch {
        // A journal we cannot read is worth nothing; it is replaced on the next write.
      }
    }
    return j;
  }

  update(p: string, content: string | null, baseVersion: FileVersion | null): void {
    if (content === null) this.entries.delete(p);
    else this.entries.set(p, { path: p, content, baseVersion, updatedAt: this.clock.now() });
    this.schedule();
  }

  discard(paths?: string[]): void {
    if (!paths) this.entries.clear();
    else for (const p of paths) this.entries.delete(p);
    this.schedule();
  }

  list(): JournalEntry[] {
    return [...this.entries.values()];
  }

  /**
   * What a new window should offer to restore. Entries whose content the disk already holds are
   * dropped (they were saved after all); the rest say whether the disk moved since.
   */
  async recovery(current: (p: string) => Promise<{ content: string; version: FileVersion } | null>): Promise<RecoveryEntry[]> {
    const out: RecoveryEntry[] = [];
    for (const e of this.list()) {
      const disk = await current(e.path).catch(() => null);
      if (disk && disk.content === e.content) {
        this.entries.delete(e.path);
        continue;
      }
      out.push({ ...e, diskChanged: !sameContent(disk?.version ?? null, e.baseVersion) });
    }
    if (out.length !== this.entries.size) this.schedule();
    return out;
  }

  /** Write now (shutdown, tests). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const snapshot = JSON.stringify({ workspaceDir: this.workspaceDir, entries: this.list() });
    this.writing = this.writing.then(() => writeFileAtomically(this.file, snapshot, 0o600)).catch(() => undefined);
    await this.writing;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.debounceMs);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
