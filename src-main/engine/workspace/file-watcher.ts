import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { Emitter } from '../../../src-shared/base/event';
import { Disposable } from '../../../src-shared/base/lifecycle';
import type { FileChange } from '../../../src-shared/api/schemas/workspace';
import { IGNORED_DIRS } from './workspace-files';

export interface FileWatcherOptions {
  batchMs?: number;
  /** Watch only these names directly in the folder (e.g. the workspace's mcp-lab.json), not the tree. */
  only?: readonly string[];
}

/**
 * Watches a folder (chokidar; ignored folders are not followed) and fires the changes in batches,
 * so a `git checkout` of 500 files is one event, not 500.
 */
export class FileWatcher extends Disposable {
  private readonly _onDidChange = this._register(new Emitter<FileChange[]>());
  readonly onDidChange = this._onDidChange.event;
  private readonly watcher: FSWatcher;
  private pending: FileChange[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Resolves once the initial scan is done: changes after that are reported. */
  readonly ready: Promise<void>;

  private readonly batchMs: number;

  constructor(
    readonly root: string,
    options: FileWatcherOptions = {},
  ) {
    super();
    this.batchMs = options.batchMs ?? 80;
    const only = options.only ? new Set(options.only.map((n) => path.join(root, n))) : undefined;
    this.watcher = watch(root, {
      ignoreInitial: true,
      ignored: only ? (p: string) => p !== root && !only.has(p) : (p: string) => p !== root && IGNORED_DIRS.has(path.basename(p)),
      ...(only ? { depth: 0 } : {}),
      followSymlinks: false,
    });
    this.ready = new Promise((resolve) => this.watcher.once('ready', () => resolve()));
    const add = (kind: FileChange['kind']) => (p: string) => this.push({ kind, path: path.relative(root, p).split(path.sep).join('/') });
    this.watcher.on('add', add('added'));
    this.watcher.on('change', add('changed'));
    this.watcher.on('unlink', add('removed'));
    this.watcher.on('addDir', add('addedDir'));
    this.watcher.on('unlinkDir', add('removedDir'));
    // A watcher error (too many files, permissions) must not take the engine down.
    this.watcher.on('error', () => undefined);
  }

  private push(c: FileChange): void {
    if (!c.path) return;
    this.pending.push(c);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const batch = this.pending;
      this.pending = [];
      this._onDidChange.fire(batch);
    }, this.batchMs);
  }

  override dispose(): void {
    clearTimeout(this.timer);
    void this.watcher.close();
    super.dispose();
  }
}
