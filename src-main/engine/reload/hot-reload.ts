import path from 'node:path';
import type { FSWatcher } from 'chokidar';
import { lazyRequire } from '../base/lazy-require';
import { Emitter } from '../../../src-shared/base/event';
import { Disposable } from '../../../src-shared/base/lifecycle';
import type { ReloadEvent } from '../../../src-shared/api/schemas/reload';
import type { StdioServerConfig as ServerConfig } from '../../../src-shared/api/schemas/server';
import type { Clock } from '../base/clock';
import type { ServerManager } from '../servers/server-manager';
import type { ServerSession } from '../servers/server-session';
import { IGNORED_DIRS } from '../workspace/workspace-files';
import { isInside, toWirePath } from '../workspace/safe-path';
import { diffNames, diffTools } from './catalog-diff';
import { errorLocation } from './error-location';

const loadPicomatch = lazyRequire<typeof import('picomatch')>('picomatch');

/** Source files a server is made of, when its config names no globs. */
const DEFAULT_GLOBS = ['**/*.py', '**/*.ts', '**/*.mts', '**/*.js', '**/*.mjs', '**/*.json', '**/*.toml', '**/*.env', '.env'];

interface Watched {
  /** chokidar is loaded with the first watched server, not with the engine. */
  watcher: Promise<FSWatcher>;
  key: string;
  timer?: ReturnType<typeof setTimeout>;
  pending: Set<string>;
  /** A restart is running; changes meanwhile queue exactly one more. */
  busy: boolean;
  ready: Promise<void>;
}

/**
 * Hot reload: while a server with `watch` enabled is running (or has crashed or failed to
 * start — saving the fix must bring it back), a saved watched file restarts it, debounced so a
 * burst of saves is one restart. After the restart, what changed is announced: tools added,
 * removed or changed (with before/after for a diff), resources and prompts added or removed, or
 * the error with the place the traceback points at.
 */
export class HotReload extends Disposable {
  private readonly _onDidReload = this._register(new Emitter<ReloadEvent>());
  readonly onDidReload = this._onDidReload.event;
  private readonly watched = new Map<string, Watched>();
  private readonly last = new Map<string, ReloadEvent>();

  constructor(
    private readonly servers: ServerManager,
    private readonly workspaceDir: string,
    private readonly clock: Clock,
  ) {
    super();
    this._register(servers.onDidChange(() => this.reconcile()));
    this.reconcile();
  }

  /** The last reload of each server (or of one). */
  lastEvents(serverId?: string): ReloadEvent[] {
    return [...this.last.values()].filter((e) => !serverId || e.serverId === serverId);
  }

  /** For tests: resolves when the server's watcher has done its first scan. */
  async whenWatching(serverId: string): Promise<void> {
    await this.watched.get(serverId)?.ready;
  }

  private reconcile(): void {
    const live = new Set<string>();
    for (const summary of this.servers.list()) {
      const id = summary.config.id;
      const w = this.watched.get(id);
      if (summary.config.transport !== 'stdio') continue; // a remote server has no files here to watch
      const wanted = summary.config.watch?.enabled === true && (summary.status.state !== 'stopped' || w?.busy === true);
      if (!wanted) continue;
      live.add(id);
      const key = JSON.stringify([summary.config.cwd, summary.config.watch]);
      if (w && w.key === key) continue;
      if (w) this.unwatch(id);
      this.watchServer(summary.config, key);
    }
    for (const id of [...this.watched.keys()]) if (!live.has(id)) this.unwatch(id);
  }

  private dirOf(cfg: { id: string; cwd?: string }): string {
    return path.resolve(this.workspaceDir, cfg.cwd ?? '.');
  }

  private watchServer(cfg: ServerConfig, key: string): void {
    const dir = this.dirOf(cfg);
    const globs = cfg.watch?.globs.length ? cfg.watch.globs : DEFAULT_GLOBS;
    const matches = loadPicomatch()(globs, { dot: true });
    const onFile = (p: string) => {
      const rel = path.relative(dir, p).split(path.sep).join('/');
      if (!rel || rel.startsWith('..') || !matches(rel)) return;
      w.pending.add(rel);
      this.schedule(cfg.id, w, cfg.watch?.debounceMs ?? 300);
    };
    const watcher = import('chokidar').then(({ watch }) => {
      const fsw = watch(dir, {
        ignoreInitial: true,
        ignored: (p: string) => p !== dir && IGNORED_DIRS.has(path.basename(p)),
      });
      fsw.on('add', onFile);
      fsw.on('change', onFile);
      fsw.on('unlink', onFile);
      fsw.on('error', () => undefined);
      return fsw;
    });
    const ready = watcher.then((fsw) => new Promise<void>((resolve) => fsw.once('ready', () => resolve())));
    const w: Watched = { watcher, key, pending: new Set(), busy: false, ready };
    this.watched.set(cfg.id, w);
  }

  private unwatch(id: string): void {
    const w = this.watched.get(id);
    if (!w) return;
    clearTimeout(w.timer);
    void w.watcher.then((fsw) => fsw.close());
    this.watched.delete(id);
  }

  private schedule(id: string, w: Watched, debounceMs: number): void {
    clearTimeout(w.timer);
    w.timer = setTimeout(() => {
      w.timer = undefined;
      if (!w.busy) void this.reload(id, w);
    }, debounceMs);
  }

  private async reload(id: string, w: Watched): Promise<void> {
    if (!this.servers.has(id)) return;
    const session = this.servers.get(id);
    const trigger = [...w.pending].sort();
    w.pending.clear();
    w.busy = true;
    const before = snapshot(session);
    this.emit({ serverId: id, at: this.clock.now(), trigger, state: 'restarting', tools: [], others: [] });
    try {
      await session.restart();
    } finally {
      w.busy = false;
    }
    const status = session.status;
    if (status.state === 'ready') {
      const after = snapshot(session);
      this.emit({
        serverId: id,
        at: this.clock.now(),
        trigger,
        state: 'ready',
        tools: diffTools(before.tools, after.tools),
        others: [
          ...diffNames('resource', before.resources, after.resources),
          ...diffNames('template', before.templates, after.templates),
          ...diffNames('prompt', before.prompts, after.prompts),
        ],
      });
    } else {
      const failed = status.state === 'failed' || status.state === 'crashed' ? status : undefined;
      const tail = failed?.stderrTail ?? [];
      const dir = this.dirOf(session.config);
      const loc = errorLocation(tail, dir);
      this.emit({
        serverId: id,
        at: this.clock.now(),
        trigger,
        state: 'failed',
        tools: [],
        others: [],
        error: {
          message: failed?.message ?? `the server is ${status.state} after the restart`,
          stderrTail: tail,
          ...(loc ? { location: this.location(loc.abs, loc.line) } : {}),
        },
      });
    }
    this.reconcile();
    // Saves that arrived during the restart: one more round.
    if (w.pending.size && this.watched.get(id) === w)
      this.schedule(id, w, (session.config.transport === 'stdio' ? session.config.watch?.debounceMs : undefined) ?? 300);
  }

  private location(abs: string, line: number): { file: string; workspacePath?: string; line: number } {
    if (isInside(this.workspaceDir, abs)) {
      const wp = toWirePath(this.workspaceDir, abs);
      return { file: wp, workspacePath: wp, line };
    }
    return { file: abs, line };
  }

  private emit(e: ReloadEvent): void {
    this.last.set(e.serverId, e);
    this._onDidReload.fire(e);
  }

  override dispose(): void {
    for (const id of [...this.watched.keys()]) this.unwatch(id);
    super.dispose();
  }
}

function snapshot(s: ServerSession) {
  return {
    tools: s.listedTools().tools,
    resources: s.catalog.resources.resources.map((r) => r.uri),
    templates: s.catalog.resources.resourceTemplates.map((t) => t.uriTemplate),
    prompts: s.catalog.prompts.prompts.map((p) => p.name),
  };
}
