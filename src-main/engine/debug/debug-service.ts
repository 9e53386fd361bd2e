import path from 'node:path';
import { Emitter } from '../../../src-shared/base/event';
import { Disposable, type IDisposable } from '../../../src-shared/base/lifecycle';
import { ApiError } from '../../../src-shared/api/errors';
import type { BreakpointSpec, DebugState, FileBreakpoints } from '../../../src-shared/api/schemas/debug';
import type { StdioServerConfig } from '../../../src-shared/api/schemas/server';
import type { Clock } from '../base/clock';
import { DebugRun, NotPausedError, type DebugRunHooks } from './debug-run';
import type { BreakpointStore } from './breakpoint-store';
import { DebugLaunchError, debugpyCommand, debugpyVersion, DEBUGPY_VERSION, freeLoopbackPort, isPythonCommand } from './python-launch';

/** A start under the debugger, planned before the spawn: the command to run, then the attach once it runs. */
export interface PreparedDebug {
  command: string;
  args: string[];
  env: Record<string, string>;
  /** Connect, set the breakpoints and let the program run; the run ends with the process. */
  attach(exited: Promise<unknown>): Promise<IDisposable>;
}

/** What a session asks of the debugger (servers/ does not import debug/ beyond this). */
export interface DebugLauncher {
  prepare(serverId: string, cfg: StdioServerConfig, cwd: string, env: Record<string, string>, hooks: DebugRunHooks): Promise<PreparedDebug>;
}

/** How long the debugger gets to listen after the process started. */
const ATTACH_TIMEOUT_MS = 30_000;

/**
 * The workspace's breakpoints (kept per file across server restarts, and across runs of MCP Lab
 * when a store is given) and the
 * servers that run under the debugger now. Breakpoints set while a server runs reach it at once.
 */
export class DebugService extends Disposable implements DebugLauncher {
  private readonly _onDidChange = this._register(new Emitter<string>());
  /** A server's debug state changed (its id). */
  readonly onDidChange = this._onDidChange.event;
  private readonly _onDidChangeBreakpoints = this._register(new Emitter<void>());
  readonly onDidChangeBreakpoints = this._onDidChangeBreakpoints.event;
  private readonly files = new Map<string, BreakpointSpec[]>();
  private readonly runs = new Map<string, DebugRun>();

  constructor(
    private readonly workspaceDir: string,
    private readonly clock: Clock,
    private readonly kept?: BreakpointStore,
  ) {
    super();
    for (const [key, specs] of kept?.initial ?? []) this.files.set(key, specs);
    this._register({ dispose: () => [...this.runs.values()].forEach((r) => r.dispose()) });
  }

  breakpoints(): FileBreakpoints[] {
    return [...this.files].map(([p, breakpoints]) => ({ path: p, breakpoints }));
  }

  /** Replace one file's breakpoints (none: forget the file); running servers get them at once. */
  async setBreakpoints(fb: FileBreakpoints): Promise<FileBreakpoints> {
    const key = this.key(fb.path);
    const specs = [...new Map(fb.breakpoints.map((b) => [b.line, b])).values()].sort((a, b) => a.line - b.line);
    if (specs.length) this.files.set(key, specs);
    else this.files.delete(key);
    this.kept?.save(key, specs);
    this._onDidChangeBreakpoints.fire();
    await Promise.all([...this.runs.values()].map((r) => r.setBreakpoints(this.absolute(key), specs).catch(() => undefined)));
    return { path: key, breakpoints: specs };
  }

  state(serverId: string): DebugState {
    return this.runs.get(serverId)?.state ?? { serverId, state: 'off' };
  }

  /** The run of a server that is under the debugger; InvalidParams/Conflict in words otherwise. */
  run(serverId: string): DebugRun {
    const r = this.runs.get(serverId);
    if (!r || r.state.state === 'ended')
      throw new ApiError('Conflict', `server "${serverId}" is not running under the debugger: start it with Debug (debug.start)`);
    return r;
  }

  /** Map "not paused" to a Conflict a client can show. */
  async whilePaused<T>(serverId: string, f: (r: DebugRun) => Promise<T>): Promise<T> {
    try {
      return await f(this.run(serverId));
    } catch (e) {
      if (e instanceof NotPausedError) throw new ApiError('Conflict', e.message);
      throw e;
    }
  }

  async prepare(
    serverId: string,
    cfg: StdioServerConfig,
    cwd: string,
    env: Record<string, string>,
    hooks: DebugRunHooks,
  ): Promise<PreparedDebug> {
    if (!isPythonCommand(cfg)) {
      throw new DebugLaunchError(
        `MCP Lab can debug Python servers; "${cfg.command}" is not one it recognises`,
        'Start the server with its Python interpreter (".venv/bin/python server.py") to debug it.',
      );
    }
    const port = await freeLoopbackPort();
    const cmd = debugpyCommand(cfg, port);
    if (!(await debugpyVersion(cfg, cwd, env))) {
      throw new DebugLaunchError(
        `debugpy is not installed in this server's Python environment (${cfg.command})`,
        `Install it there (Install debugpy, or "${cfg.command} -m pip install debugpy==${DEBUGPY_VERSION}"), then press Debug again.`,
        true,
      );
    }
    return {
      ...cmd,
      // debugpy's warning about frozen modules is about the standard library, not the server's code.
      env: { ...env, PYDEVD_DISABLE_FILE_VALIDATION: '1' },
      attach: async (exited) => {
        this.runs.get(serverId)?.dispose();
        const bps = new Map([...this.files].map(([k, v]) => [this.absolute(k), v]));
        const run = await DebugRun.attach({
          serverId,
          port,
          language: 'python',
          workspaceDir: this.workspaceDir,
          clock: this.clock,
          hooks,
          breakpoints: bps,
          exited,
          timeoutMs: ATTACH_TIMEOUT_MS,
        });
        this.runs.set(serverId, run);
        const changes = run.onDidChange(() => this._onDidChange.fire(serverId));
        this._onDidChange.fire(serverId);
        return {
          dispose: () => {
            changes.dispose();
            run.dispose();
            if (this.runs.get(serverId) === run) this.runs.delete(serverId);
            this._onDidChange.fire(serverId);
          },
        };
      },
    };
  }

  /** Workspace-relative with forward slashes when inside the workspace; absolute otherwise. */
  private key(p: string): string {
    const abs = path.resolve(this.workspaceDir, p);
    const rel = path.relative(this.workspaceDir, abs);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
  }

  private absolute(key: string): string {
    return path.resolve(this.workspaceDir, key);
  }
}
