import path from 'node:path';
import type { FSWatcher } from 'chokidar';
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
  /** chokidar is loaded when the first watcher starts, not with the engine (a CLI run watches nothing). */
  private readonly watcher: Promise<FSWatcher>;
  private disposed = false;
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
    this.watcher = import('chokidar').then(({ watch }) => {
      const watcher = watch(root, {
        ignoreInitial: true,
        ignored: only ? (p: string) => p !== root && !only.has(p) : (p: string) => p !== root && IGNORED_DIRS.has(path.basename(p)),
        ...(only ? { depth: 0 } : {}),
        followSymlinks: false,
      });
      const add = (kind: FileChange['kind']) => (p: string) => this.push({ kind, path: path.relative(root, p).split(path.sep).join('/') });
      watcher.on('add', add('added'));
      watcher.on('change', add('changed'));
      watcher.on('unlink', add('removed'));
      watcher.on('addDir', add('addedDir'));
      watcher.on('unlinkDir', add('removedDir'));
      // A watcher error (too many files, permissions) must not take the engine down.
      watcher.on('error', () => undefined);
      return watcher;
    });
    this.ready = this.watcher.then((w) => (this.disposed ? undefined : new Promise((resolve) => w.once('ready', () => resolve()))));
  }

  private push(c: FileChange): void {
    if (!c.path || this.disposed) return;
    this.pending.push(c);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const batch = this.pending;
      this.pending = [];
      this._onDidChange.fire(batch);
    }, this.batchMs);
  }

  override dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    void this.watcher.then((w) => w.close());
    super.dispose();
  }
}
