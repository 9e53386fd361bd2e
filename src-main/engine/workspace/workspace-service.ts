import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../src-shared/api/errors';
import { isInside } from './safe-path';
import { Emitter } from '../../../src-shared/base/event';
import { Disposable } from '../../../src-shared/base/lifecycle';
import type { FileChange, WorkspaceInfo } from '../../../src-shared/api/schemas/workspace';
import type { Clock } from '../base/clock';
import { EditJournal } from './edit-journal';
import { FileWatcher } from './file-watcher';
import { RecentWorkspaces } from './recent-workspaces';
import { WorkspaceFiles, type WriteFile } from './workspace-files';

export interface WorkspaceServiceOptions {
  workspaceDir: string;
  appDataDir: string;
  clock: Clock;
  /** Folders the UI may open as workspaces (browser mode: `serve --allow-root`). Empty = any. */
  allowedRoots?: string[];
  journalDebounceMs?: number;
  write?: WriteFile;
}

/**
 * The open workspace folder as the editor sees it: files, the journal of dirty buffers, the
 * watcher (started when someone listens) and the recent-workspaces list.
 */
export class WorkspaceService extends Disposable {
  private readonly _onDidChangeFiles = this._register(new Emitter<FileChange[]>());
  readonly onDidChangeFiles = this._onDidChangeFiles.event;
  private watcher: FileWatcher | undefined;
  private listeners = 0;

  private constructor(
    readonly files: WorkspaceFiles,
    readonly journal: EditJournal,
    readonly recent: RecentWorkspaces,
    private readonly options: WorkspaceServiceOptions,
  ) {
    super();
  }

  static async open(o: WorkspaceServiceOptions): Promise<WorkspaceService> {
    const journal = await EditJournal.open(o.workspaceDir, o.appDataDir, o.clock, o.journalDebounceMs);
    const recent = new RecentWorkspaces(o.appDataDir);
    return new WorkspaceService(new WorkspaceFiles(o.workspaceDir, o.write), journal, recent, o);
  }

  get dir(): string {
    return this.options.workspaceDir;
  }

  info(): WorkspaceInfo {
    return { dir: this.dir, name: path.basename(this.dir), allowedRoots: this.options.allowedRoots ?? [] };
  }

  /** A folder the UI may open as the workspace: absolute, an existing folder, inside the allowed roots. */
  async checkOpenable(dir: string): Promise<string> {
    if (!path.isAbsolute(dir)) throw new ApiError('InvalidParams', `give the folder's full path (got "${dir}")`);
    const abs = path.resolve(dir);
    const st = await fs.stat(abs).catch(() => undefined);
    if (!st) throw new ApiError('NotFound', `${abs} does not exist`);
    if (!st.isDirectory()) throw new ApiError('InvalidParams', `${abs} is a file, not a folder`);
    const roots = this.options.allowedRoots ?? [];
    if (roots.length) {
      const real = await fs.realpath(abs);
      const inside = await Promise.all(roots.map(async (r) => isInside(await fs.realpath(r).catch(() => path.resolve(r)), real)));
      if (!inside.some(Boolean)) {
        throw new ApiError(
          'InvalidParams',
          `${abs} is outside the folders this MCP Lab may open (${roots.join(', ')}). Start \`mcp-lab serve\` with --allow-root <dir> to allow more.`,
        );
      }
    }
    return abs;
  }

  /** Follow file changes; the watcher runs while anyone listens. */
  watch(listener: (changes: FileChange[]) => void): { dispose(): void } {
    if (!this.watcher) {
      this.watcher = new FileWatcher(this.dir);
      this.watcher.onDidChange((c) => this._onDidChangeFiles.fire(c));
    }
    this.listeners++;
    const sub = this.onDidChangeFiles(listener);
    return {
      dispose: () => {
        sub.dispose();
        if (--this.listeners === 0) {
          this.watcher?.dispose();
          this.watcher = undefined;
        }
      },
    };
  }

  /** For tests: resolves when the watcher's first scan is done. */
  whenWatching(): Promise<void> {
    return this.watcher?.ready ?? Promise.resolve();
  }

  async shutdown(): Promise<void> {
    await this.journal.flush();
    this.journal.dispose();
    this.watcher?.dispose();
    this.dispose();
  }
}
