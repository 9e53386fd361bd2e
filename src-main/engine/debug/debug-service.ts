import path from 'node:path';
import { Emitter } from '../../../src-shared/base/event';
import { Disposable, DisposableStore, type IDisposable } from '../../../src-shared/base/lifecycle';
import { ApiError } from '../../../src-shared/api/errors';
import type { BreakpointSpec, DebugState, FileBreakpoints } from '../../../src-shared/api/schemas/debug';
import type { StdioServerConfig } from '../../../src-shared/api/schemas/server';
import type { Clock } from '../base/clock';
import { DebugRun, NotPausedError, type DebugRunHooks } from './debug-run';
import type { DebuggedRun } from './debugged-run';
import { inspectorUrlFrom, isNodeCommand, nodeInspectCommand } from './node/node-launch';
import { NodeDebugRun } from './node/node-debug-run';
import type { BreakpointStore } from './breakpoint-store';
import { DebugLaunchError, debugpyCommand, debugpyVersion, DEBUGPY_VERSION, freeLoopbackPort, isPythonCommand } from './python-launch';

/** A start under the debugger, planned before the spawn: the command to run, then the attach once it runs. */
export interface PreparedDebug {
  command: string;
  args: string[];
  env: Record<string, string>;
  /** Each stderr line of the process (Node says there where its inspector listens). */
  onStderrLine?(line: string): void;
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
  private readonly runs = new Map<string, DebuggedRun>();

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
  run(serverId: string): DebuggedRun {
    const r = this.runs.get(serverId);
    if (!r || r.state.state === 'ended')
      throw new ApiError('Conflict', `server "${serverId}" is not running under the debugger: start it with Debug (debug.start)`);
    return r;
  }

  /** Map "not paused" to a Conflict a client can show. */
  async whilePaused<T>(serverId: string, f: (r: DebuggedRun) => Promise<T>): Promise<T> {
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
    if (isPythonCommand(cfg)) return this.preparePython(serverId, cfg, cwd, env, hooks);
    if (isNodeCommand(cfg)) return this.prepareNode(serverId, cfg, env, hooks);
    throw new DebugLaunchError(
      `MCP Lab can debug Python and Node servers; "${cfg.command}" is not one it recognises`,
      'Start the server with its Python interpreter (".venv/bin/python server.py") or with node ("node --import tsx src/main.ts") to debug it.',
    );
  }

  private async preparePython(
    serverId: string,
    cfg: StdioServerConfig,
    cwd: string,
    env: Record<string, string>,
    hooks: DebugRunHooks,
  ): Promise<PreparedDebug> {
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
      attach: (exited) =>
        this.adopt(serverId, () =>
          DebugRun.attach({
            serverId,
            port,
            language: 'python',
            workspaceDir: this.workspaceDir,
            clock: this.clock,
            hooks,
            breakpoints: this.absoluteBreakpoints(),
            exited,
            timeoutMs: ATTACH_TIMEOUT_MS,
          }),
        ),
    };
  }

  /** Node: the inspector picks its own port and says which on stderr; MCP Lab connects there. */
  private prepareNode(serverId: string, cfg: StdioServerConfig, env: Record<string, string>, hooks: DebugRunHooks): PreparedDebug {
    const cmd = nodeInspectCommand(cfg);
    let listening!: (url: string) => void;
    const url = new Promise<string>((resolve) => (listening = resolve));
    return {
      ...cmd,
      env,
      onStderrLine: (line) => {
        const u = inspectorUrlFrom(line);
        if (u) listening(u);
      },
      attach: async (exited) => {
        const timer = new DisposableStore();
        const gaveUp = new Promise<never>((_, reject) => {
          void exited.then(() => reject(new Error('the program exited before its inspector listened')));
          timer.add(
            this.clock.setTimeout(
              () => reject(new Error(`Node's inspector did not say where it listens within ${ATTACH_TIMEOUT_MS / 1000} s`)),
              ATTACH_TIMEOUT_MS,
            ),
          );
        });
        gaveUp.catch(() => undefined);
        try {
          const address = await Promise.race([url, gaveUp]);
          return await this.adopt(serverId, () =>
            NodeDebugRun.attach({
              serverId,
              url: address,
              workspaceDir: this.workspaceDir,
              clock: this.clock,
              hooks,
              breakpoints: this.absoluteBreakpoints(),
            }),
          );
        } finally {
          timer.dispose();
        }
      },
    };
  }

  /** Attach a new run for the server (ending its previous one) and follow its state until it is disposed. */
  private async adopt(serverId: string, attach: () => Promise<DebuggedRun>): Promise<IDisposable> {
    this.runs.get(serverId)?.dispose();
    const run = await attach();
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
  }

  private absoluteBreakpoints(): Map<string, BreakpointSpec[]> {
    return new Map([...this.files].map(([k, v]) => [this.absolute(k), v]));
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
