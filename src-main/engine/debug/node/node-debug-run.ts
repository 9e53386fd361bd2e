import path from 'node:path';
import { Emitter } from '../../../../src-shared/base/event';
import { Disposable } from '../../../../src-shared/base/lifecycle';
import type {
  BreakpointSpec,
  DebugEvaluateResult,
  DebugScope,
  DebugState,
  DebugVariable,
  SourceLocation,
  StackFrameInfo,
} from '../../../../src-shared/api/schemas/debug';
import type { Clock } from '../../base/clock';
import type { DebuggedRun } from '../debugged-run';
import { NotPausedError, type DebugRunHooks } from '../debug-run';
import { InspectorSocket, type InspectorEvent } from './inspector-socket';
import { LOG_POINT_MARK, NodeBreakpoints } from './node-breakpoints';
import { formatValue, hasChildren, typeOf, type RemoteObject } from './remote-object';
import { ScriptMap } from './script-map';

export interface NodeAttachOptions {
  serverId: string;
  /** The inspector's ws://127.0.0.1:PORT/ID address, from the process's stderr. */
  url: string;
  workspaceDir: string;
  clock: Clock;
  hooks: DebugRunHooks;
  /** Absolute path → breakpoints, placed before the program's first line runs. */
  breakpoints: Map<string, BreakpointSpec[]>;
}

interface CallFrame {
  callFrameId: string;
  functionName: string;
  location: { scriptId: string; lineNumber: number; columnNumber: number };
  scopeChain: { type: string; name?: string; object: RemoteObject }[];
}

/** What a person may step through: library code and Node's own are skipped, as "just my code" does for Python. */
const LIBRARY_CODE = ['/node_modules/', '^node:'];
const SCOPE_NAMES: Record<string, string> = {
  block: 'Block',
  closure: 'Closure',
  catch: 'Catch',
  module: 'Module',
  with: 'With',
  eval: 'Eval',
};
const INNER_SCOPES = new Set(['block', 'catch', 'with', 'local']);
const MAX_PROPERTIES = 500;

/**
 * One Node server run under its inspector (the Chrome DevTools protocol): breakpoints go in
 * before the program runs (through source maps for TypeScript), pauses become the same debug
 * state the Python debugger reports, and frames, scopes and values are read while it is paused.
 */
export class NodeDebugRun extends Disposable implements DebuggedRun {
  private readonly _onDidChange = this._register(new Emitter<void>());
  readonly onDidChange = this._onDidChange.event;
  private _state: DebugState;
  private readonly breakpoints: NodeBreakpoints;
  /** Maps being read: an instrumentation pause waits for its script's map before it places breakpoints. */
  private readonly loading = new Map<string, Promise<ScriptMap>>();
  private startedPastEntry = false;
  /** The program's own context (the first one): when it is destroyed the program has ended. */
  private mainContextId: number | undefined;
  private stepping = false;
  /** The paused frames and the objects a person may open, by the numbers the contract uses; cleared on resume. */
  private frames = new Map<number, CallFrame>();
  private objects = new Map<number, string[]>();
  private nextRef = 1;

  private constructor(
    private readonly socket: InspectorSocket,
    private readonly o: NodeAttachOptions,
  ) {
    super();
    this._register(socket);
    this._state = { serverId: o.serverId, state: 'attaching', language: 'node' };
    this.breakpoints = new NodeBreakpoints(
      socket,
      (text) => o.hooks.log('warning', text),
      (file) => this.rel(file) ?? file,
    );
    this._register(socket.onDidEvent((e) => void this.onEvent(e).catch((err: unknown) => this.reportEventError(err))));
    this._register(
      socket.onDidClose((e) => this.ended(e ? `the debugger connection failed: ${e.message}` : 'the debugger connection closed')),
    );
  }

  /** Connect, place the breakpoints, and let the program start. */
  static async attach(o: NodeAttachOptions): Promise<NodeDebugRun> {
    const run = new NodeDebugRun(await InspectorSocket.connect(o.url), o);
    try {
      const s = run.socket;
      await s.send('Runtime.enable');
      await s.send('Debugger.enable');
      await s.send('Debugger.setBlackboxPatterns', { patterns: LIBRARY_CODE });
      // Every script with a source map stops before its first line, so its breakpoints are in place before it runs.
      await s.send('Debugger.setInstrumentationBreakpoint', { instrumentation: 'beforeScriptWithSourceMapExecution' });
      for (const [file, specs] of o.breakpoints) await run.breakpoints.set(file, specs);
      await s.send('Runtime.runIfWaitingForDebugger');
    } catch (e) {
      run.dispose();
      throw e;
    }
    // A breakpoint in code that runs as the program loads may have paused it already.
    if (run._state.state === 'attaching') run.set({ serverId: o.serverId, state: 'running', language: 'node' });
    return run;
  }

  get state(): DebugState {
    return this._state;
  }

  async setBreakpoints(file: string, specs: BreakpointSpec[]): Promise<void> {
    if (this.socket.isClosed) return;
    await this.breakpoints.set(file, specs);
  }

  async step(action: 'continue' | 'over' | 'in' | 'out'): Promise<void> {
    this.requirePaused();
    // Running again from the moment it is asked: timeouts restart now, not when V8 says so.
    this.resumed();
    this.stepping = action !== 'continue';
    const method = { continue: 'Debugger.resume', over: 'Debugger.stepOver', in: 'Debugger.stepInto', out: 'Debugger.stepOut' }[action];
    await this.socket.send(method);
  }

  async stackTrace(): Promise<StackFrameInfo[]> {
    this.requirePaused();
    return [...this.frames].map(([id, f]) => {
      const location = this.locationOf(f);
      return { id, name: f.functionName || '(anonymous)', ...(location ? { location } : {}) };
    });
  }

  async scopes(frameId: number): Promise<DebugScope[]> {
    this.requirePaused();
    const frame = this.frames.get(frameId);
    if (!frame) throw new Error(`there is no frame ${frameId} in this pause: ask debug.stackTrace again`);
    const chain = frame.scopeChain.filter((s) => s.type !== 'script' && s.object.objectId);
    // The function's own scope and the blocks inside it are one "Locals", as a person reads them (innermost first).
    let inner = 0;
    while (inner < chain.length && INNER_SCOPES.has(chain[inner]!.type)) if (chain[inner++]!.type === 'local') break;
    const locals = inner > 0 ? [{ name: 'Locals', variablesReference: this.refFor(chain.slice(0, inner)), expensive: false }] : [];
    return [
      ...locals,
      ...chain.slice(inner).map((s) => ({
        name: s.type === 'global' ? 'Globals' : `${SCOPE_NAMES[s.type] ?? s.type}${s.type === 'closure' && s.name ? ` (${s.name})` : ''}`,
        variablesReference: this.refFor([s]),
        expensive: s.type === 'global',
      })),
    ];
  }

  async variables(variablesReference: number): Promise<DebugVariable[]> {
    this.requirePaused();
    const objectIds = this.objects.get(variablesReference);
    if (!objectIds) throw new Error(`there is no value ${variablesReference} in this pause: ask for the scopes again`);
    const seen = new Set<string>();
    const out: DebugVariable[] = [];
    for (const objectId of objectIds) {
      const r = await this.socket.send<{ result: { name: string; value?: RemoteObject }[] }>('Runtime.getProperties', {
        objectId,
        ownProperties: true,
        generatePreview: true,
      });
      for (const p of r.result) {
        // An inner block's variable hides the outer one of the same name.
        if (p.name === '__proto__' || seen.has(p.name) || out.length >= MAX_PROPERTIES) continue;
        seen.add(p.name);
        out.push(p.value ? this.variable(p.name, p.value) : { name: p.name, value: '(getter)', variablesReference: 0 });
      }
    }
    return out;
  }

  async evaluate(expression: string, frameId?: number): Promise<DebugEvaluateResult> {
    this.requirePaused();
    const frame = this.frames.get(frameId ?? this.frames.keys().next().value ?? -1);
    if (!frame) throw new Error(`there is no frame ${frameId ?? ''} in this pause: ask debug.stackTrace again`);
    const r = await this.socket.send<{ result: RemoteObject; exceptionDetails?: { text: string } }>('Debugger.evaluateOnCallFrame', {
      callFrameId: frame.callFrameId,
      expression,
      generatePreview: true,
    });
    if (r.exceptionDetails) throw new Error(r.result.description?.split('\n')[0] ?? r.exceptionDetails.text);
    const v = this.variable('', r.result);
    return { result: v.value, ...(v.type ? { type: v.type } : {}), variablesReference: v.variablesReference };
  }

  private variable(name: string, v: RemoteObject): DebugVariable {
    return { name, value: formatValue(v), type: typeOf(v), variablesReference: hasChildren(v) ? this.refFor([{ object: v }]) : 0 };
  }

  private refFor(of: { object: RemoteObject }[]): number {
    const ref = this.nextRef++;
    this.objects.set(
      ref,
      of.map((s) => s.object.objectId!),
    );
    return ref;
  }

  private requirePaused(): void {
    if (this._state.state !== 'paused') throw new NotPausedError(this._state.state);
  }

  private async onEvent(e: InspectorEvent): Promise<void> {
    const p = e.params;
    switch (e.method) {
      case 'Debugger.scriptParsed':
        return this.onScriptParsed(p as { scriptId: string; url: string; sourceMapURL?: string });
      case 'Debugger.paused':
        return this.onPaused(p as { reason: string; hitBreakpoints?: string[]; callFrames: CallFrame[]; data?: { scriptId?: string } });
      case 'Debugger.resumed':
        if (this._state.state === 'paused') this.resumed();
        return;
      case 'Runtime.consoleAPICalled': {
        const args = (p as { args: RemoteObject[] }).args;
        if (args[0]?.value === LOG_POINT_MARK) this.o.hooks.log('info', `[debugger] ${args.slice(1).map(plain).join(' ')}`);
        return;
      }
      case 'Runtime.executionContextCreated':
        this.mainContextId ??= (p as { context: { id: number } }).context.id;
        return;
      case 'Runtime.executionContextDestroyed':
        // The program ended and Node waits "for the debugger to disconnect": let it go.
        if ((p as { executionContextId: number }).executionContextId === this.mainContextId) this.socket.dispose();
        return;
    }
  }

  private async onScriptParsed(p: { scriptId: string; url: string; sourceMapURL?: string }): Promise<void> {
    // Only the server's own files: library code is not stepped into, and its maps are not read.
    if (!p.url || p.url.includes('/node_modules/') || !/^(file:|\/|[A-Za-z]:\\)/.test(p.url)) return;
    const loading = ScriptMap.load(p.url, p.sourceMapURL || undefined);
    this.loading.set(p.scriptId, loading);
    await this.breakpoints.addScript(p.scriptId, await loading);
  }

  private async onPaused(p: { reason: string; hitBreakpoints?: string[]; callFrames: CallFrame[]; data?: { scriptId?: string } }) {
    if (p.reason === 'instrumentation') {
      // A script with a source map is about to run: its breakpoints first.
      const scriptId = p.data?.scriptId;
      const loading = scriptId ? this.loading.get(scriptId) : undefined;
      if (loading && scriptId) await this.breakpoints.addScript(scriptId, await loading);
      await this.socket.send('Debugger.resume');
      return;
    }
    if (!this.startedPastEntry && p.reason === 'Break on start') {
      // --inspect-brk holds the program at its entry only so the breakpoints could go in first.
      this.startedPastEntry = true;
      await this.socket.send('Debugger.resume');
      return;
    }
    this.startedPastEntry = true;
    this.frames = new Map(p.callFrames.map((f) => [this.nextRef++, f]));
    this.objects = new Map();
    const reason = p.hitBreakpoints?.length
      ? 'breakpoint'
      : this.stepping
        ? 'step'
        : p.reason === 'exception' || p.reason === 'promiseRejection'
          ? 'exception'
          : 'pause';
    this.stepping = false;
    const top = p.callFrames[0];
    const location = top ? this.locationOf(top) : undefined;
    this.set({
      serverId: this.o.serverId,
      state: 'paused',
      language: 'node',
      paused: { threadId: 1, reason, ...(location ? { location } : {}), since: this.o.clock.now() },
    });
    this.o.hooks.onPause(location ? `${location.relPath ?? path.basename(location.path)}:${location.line}` : `a ${reason}`);
  }

  private locationOf(f: CallFrame): SourceLocation | undefined {
    const script = this.breakpoints.script(f.location.scriptId);
    if (!script) return undefined;
    const o = script.originalOf(f.location);
    const rel = this.rel(o.path);
    return { path: o.path, line: o.line, ...(o.column ? { column: o.column } : {}), ...(rel !== undefined ? { relPath: rel } : {}) };
  }

  private resumed(): void {
    if (this._state.state !== 'paused') return;
    this.frames = new Map();
    this.objects = new Map();
    this.set({ serverId: this.o.serverId, state: 'running', language: 'node' });
    this.o.hooks.onResume();
  }

  private ended(message: string): void {
    if (this._state.state === 'ended') return;
    const wasPaused = this._state.state === 'paused';
    this.set({ serverId: this.o.serverId, state: 'ended', language: 'node', message });
    if (wasPaused) this.o.hooks.onResume();
  }

  private reportEventError(e: unknown): void {
    if (this.socket.isClosed) return;
    this.o.hooks.log('warning', `[debugger] ${e instanceof Error ? e.message : String(e)}`);
  }

  private set(s: DebugState): void {
    this._state = s;
    this._onDidChange.fire();
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

/** A console argument as text: strings as they are (a log point's message), other values as the variables table shows them. */
function plain(o: RemoteObject): string {
  return o.type === 'string' ? String(o.value) : formatValue(o);
}
