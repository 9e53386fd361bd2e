import { existsSync } from 'node:fs';
import { Disposable } from '../../../src-shared/base/lifecycle';
import { FileWatcher } from './file-watcher';
import { WORKSPACE_FILE } from '../../../src-shared/api/schemas/workspace';

/**
 * Follows the workspace's mcp-lab.json on disk (another editor, git, MCP Lab's own editor) and
 * calls `onChange` for every change; the server manager then reads it again. Only that one file
 * is watched, not the tree. A workspace folder that does not exist yet gets its watcher once it
 * does (`ensure`, after a save created it).
 */
export class ConfigFileWatcher extends Disposable {
  private watcher: FileWatcher | undefined;
  private disposed = false;

  constructor(
    private readonly dir: string,
    private readonly onChange: () => void,
  ) {
    super();
    this.ensure();
  }

  /** Start watching if the folder exists now. */
  ensure(): void {
    if (this.watcher || this.disposed || !existsSync(this.dir)) return;
    const watcher = this._register(new FileWatcher(this.dir, { only: [WORKSPACE_FILE] }));
    this.watcher = watcher;
    watcher.onDidChange(() => this.onChange());
    // A change between the first read and the end of the watcher's scan would go unseen: look once.
    void watcher.ready.then(() => {
      if (!this.disposed) this.onChange();
    });
  }

  /** For tests: resolves once changes are being followed. */
  whenReady(): Promise<void> {
    return this.watcher?.ready ?? Promise.resolve();
  }

  override dispose(): void {
    this.disposed = true;
    super.dispose();
  }
}
