import path from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { Emitter } from '../../../src-shared/base/event';
import { Disposable } from '../../../src-shared/base/lifecycle';
import type { BreakpointSpec, DebugLanguage, DebugState, SourceLocation, StackFrameInfo } from '../../../src-shared/api/schemas/debug';
import type { Clock } from '../base/clock';
import { DapClient } from './dap-client';
import type { DebuggedRun } from './debugged-run';

/** What the server's session does when the debugger pauses or resumes it (hold timeouts, health). */
export interface DebugRunHooks {
  onPause(where: string): void;
  onResume(): void;
  /** Log points and the debugger's own messages, for the server's log. */
  log(level: 'info' | 'warning', text: string): void;
}

export interface AttachOptions {
  serverId: string;
  port: number;
  language: DebugLanguage;
  workspaceDir: string;
  clock: Clock;
  hooks: DebugRunHooks;
  /** Absolute path → breakpoints, set before the program's first line runs. */
  breakpoints: Map<string, BreakpointSpec[]>;
  /** Resolves when the process exited: connecting stops trying. */
  exited: Promise<unknown>;
  timeoutMs: number;
}

/**
 * One server run under the debugger, over the Debug Adapter Protocol: attaches before the program
 * runs, follows stops and continues, and answers what a person asks while it is paused.
 */
export class DebugRun extends Disposable implements DebuggedRun {
  private readonly _onDidChange = this._register(new Emitter<void>());
  readonly onDidChange = this._onDidChange.event;
  private _state: DebugState;

  private constructor(
    private readonly dap: DapClient,
    private readonly o: AttachOptions,
  ) {
    super();
    this._register(dap);
    this._state = { serverId: o.serverId, state: 'attaching', language: o.language };
    this._register(dap.onDidEvent((e) => void this.onEvent(e)));
    this._register(
      dap.onDidClose((e) => this.ended(e ? `the debugger connection failed: ${e.message}` : 'the debugger connection closed')),
    );
  }

  /** Connect to the adapter, set the breakpoints, and let the program start. */
  static async attach(o: AttachOptions): Promise<DebugRun> {
    const dap = await DapClient.connect(o.port, { timeoutMs: o.timeoutMs, gaveUp: o.exited });
    const run = new DebugRun(dap, o);
    try {
      await dap.request('initialize', {
        adapterID: o.language === 'python' ? 'debugpy' : 'node',
        clientID: 'mcp-lab',
        clientName: 'MCP Lab',
        linesStartAt1: true,
        columnsStartAt1: true,
        pathFormat: 'path',
      });
      const initialized = new Promise<void>((resolve) => {
        const l = dap.onDidEvent((e) => {
          if (e.event === 'initialized') {
            l.dispose();
            resolve();
          }
        });
      });
      // debugpy answers attach only after configurationDone: wait for `initialized`, not for attach.
      const attached = dap.request('attach', { justMyCode: true, redirectOutput: false });
      attached.catch(() => undefined);
      await initialized;
      for (const [file, specs] of o.breakpoints) await run.sendBreakpoints(file, specs);
      await dap.request('setExceptionBreakpoints', { filters: [] });
      await dap.request('configurationDone', undefined);
      await attached;
    } catch (e) {
      run.dispose();
      throw e;
    }
    run.set({ serverId: o.serverId, state: 'running', language: o.language });
    return run;
  }

  get state(): DebugState {
    return this._state;
  }

  /** Replace one file's breakpoints (absolute path); the answer says which lines the debugger accepted. */
  async setBreakpoints(file: string, specs: BreakpointSpec[]): Promise<void> {
    if (this.dap.isClosed) return;
    await this.sendBreakpoints(file, specs);
  }

  private async sendBreakpoints(file: string, specs: BreakpointSpec[]): Promise<void> {
    const body = await this.dap.request('setBreakpoints', {
      source: { path: file, name: path.basename(file) },
      breakpoints: specs.map((b) => ({
        line: b.line,
        ...(b.condition ? { condition: b.condition } : {}),
        ...(b.logMessage ? { logMessage: b.logMessage } : {}),
      })),
    });
    const refused = body.breakpoints.filter((b) => !b.verified);
    if (refused.length)
      this.o.hooks.log(
        'warning',
        `the debugger did not accept ${refused.length} breakpoint${refused.length === 1 ? '' : 's'} in ${this.rel(file) ?? file}${refused[0]?.message ? `: ${refused[0].message}` : ''}`,
      );
  }

  async step(action: 'continue' | 'over' | 'in' | 'out'): Promise<void> {
    const threadId = this.requirePaused().threadId;
    // Running again from the moment it is asked: timeouts restart now, not when the adapter says so.
    this.resumed();
    if (action === 'continue') await this.dap.request('continue', { threadId });
    else if (action === 'over') await this.dap.request('next', { threadId });
    else if (action === 'in') await this.dap.request('stepIn', { threadId });
    else await this.dap.request('stepOut', { threadId });
  }

  async stackTrace(): Promise<StackFrameInfo[]> {
    const { threadId } = this.requirePaused();
    const body = await this.dap.request('stackTrace', { threadId, startFrame: 0, levels: 200 });
    return body.stackFrames.map((f) => ({
      id: f.id,
      name: f.name,
      ...(f.source?.path ? { location: this.location(f.source.path, f.line, f.column) } : {}),
    }));
  }

  async scopes(frameId: number) {
    this.requirePaused();
    const body = await this.dap.request('scopes', { frameId });
    return body.scopes.map((s) => ({ name: s.name, variablesReference: s.variablesReference, expensive: s.expensive }));
  }

  async variables(variablesReference: number) {
    this.requirePaused();
    const body = await this.dap.request('variables', { variablesReference });
    return body.variables.map((v) => ({
      name: v.name,
      value: v.value,
      ...(v.type ? { type: v.type } : {}),
      variablesReference: v.variablesReference,
    }));
  }

  async evaluate(expression: string, frameId?: number) {
    this.requirePaused();
    const frame = frameId ?? (await this.stackTrace())[0]?.id;
    const body = await this.dap.request('evaluate', { expression, context: 'repl', ...(frame !== undefined ? { frameId: frame } : {}) });
    return { result: body.result, ...(body.type ? { type: body.type } : {}), variablesReference: body.variablesReference };
  }

  /** The locals of the paused top frame (what the CLI prints). */
  async topLocals(): Promise<{ frame: StackFrameInfo | undefined; variables: Awaited<ReturnType<DebugRun['variables']>> }> {
    const [frame] = await this.stackTrace();
    if (!frame) return { frame: undefined, variables: [] };
    const scopes = await this.scopes(frame.id);
    const locals = scopes.find((s) => /^locals$/i.test(s.name)) ?? scopes[0];
    return { frame, variables: locals ? await this.variables(locals.variablesReference) : [] };
  }

  private requirePaused(): NonNullable<DebugState['paused']> {
    const p = this._state.paused;
    if (this._state.state !== 'paused' || !p) throw new NotPausedError(this._state.state);
    return p;
  }

  private async onEvent(e: DebugProtocol.Event): Promise<void> {
    if (e.event === 'stopped') {
      const b = (e as DebugProtocol.StoppedEvent).body;
      const threadId = b.threadId ?? 0;
      let location: SourceLocation | undefined;
      try {
        const top = (await this.dap.request('stackTrace', { threadId, startFrame: 0, levels: 1 })).stackFrames[0];
        if (top?.source?.path) location = this.location(top.source.path, top.line, top.column);
      } catch {
        // the location is a nicety: the pause is real without it
      }
      this.set({
        serverId: this.o.serverId,
        state: 'paused',
        language: this.o.language,
        paused: {
          threadId,
          reason: b.reason,
          ...(b.description ? { description: b.description } : {}),
          ...(location ? { location } : {}),
          since: this.o.clock.now(),
        },
      });
      this.o.hooks.onPause(location ? `${location.relPath ?? path.basename(location.path)}:${location.line}` : `a ${b.reason}`);
    } else if (e.event === 'continued') {
      if (this._state.state === 'paused') this.resumed();
    } else if (e.event === 'output') {
      const b = (e as DebugProtocol.OutputEvent).body;
      if (b.category !== 'telemetry' && b.output.trim()) this.o.hooks.log('info', `[debugger] ${b.output.trimEnd()}`);
    } else if (e.event === 'terminated' || e.event === 'exited') {
      this.ended('the program ended');
    }
  }

  private resumed(): void {
    if (this._state.state !== 'paused') return;
    this.set({ serverId: this.o.serverId, state: 'running', language: this.o.language });
    this.o.hooks.onResume();
  }

  private ended(message: string): void {
    if (this._state.state === 'ended') return;
    const wasPaused = this._state.state === 'paused';
    this.set({ serverId: this.o.serverId, state: 'ended', language: this.o.language, message });
    if (wasPaused) this.o.hooks.onResume();
  }

  private set(s: DebugState): void {
    this._state = s;
    this._onDidChange.fire();
  }

  private location(file: string, line: number, column?: number): SourceLocation {
    const rel = this.rel(file);
    return { path: file, line, ...(column ? { column } : {}), ...(rel !== undefined ? { relPath: rel } : {}) };
  }

  private rel(file: string): string | undefined {
    const r = path.relative(this.o.workspaceDir, file);
    return r && !r.startsWith('..') && !path.isAbsolute(r) ? r.split(path.sep).join('/') : undefined;
  }

  override dispose(): void {
    this.ended('the debugger was detached');
    super.dispose();
  }
}

/** Asked for frames, variables or a step while the program runs. */
export class NotPausedError extends Error {
  constructor(state: DebugState['state']) {
    super(`the server is not paused (it is ${state}): these need a program stopped at a breakpoint`);
  }
}
