import { connect, type Socket } from 'node:net';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { Emitter } from '../../../src-shared/base/event';
import { Disposable } from '../../../src-shared/base/lifecycle';
import { DapFrameReader, encodeDapMessage } from './dap-framing';

/** A DAP request the adapter refused (`success: false`), with its words. */
export class DapRequestError extends Error {
  constructor(
    readonly command: string,
    message: string,
  ) {
    super(`${command}: ${message}`);
  }
}

export interface DapConnectOptions {
  /** Give up connecting after this long (the adapter may take a while to listen). */
  timeoutMs: number;
  /** Resolves when trying is pointless (the debuggee exited): connecting stops at once. */
  gaveUp?: Promise<unknown>;
}

/**
 * MCP Lab's side of the Debug Adapter Protocol over one TCP socket: requests with answers,
 * events, and a refusal for the adapter's own requests (MCP Lab runs no terminals for it).
 */
export class DapClient extends Disposable {
  private readonly _onDidEvent = this._register(new Emitter<DebugProtocol.Event>());
  readonly onDidEvent = this._onDidEvent.event;
  private readonly _onDidClose = this._register(new Emitter<Error | undefined>());
  readonly onDidClose = this._onDidClose.event;
  private seq = 1;
  private readonly pending = new Map<number, { command: string; resolve(body: unknown): void; reject(e: Error): void }>();
  private closed: Error | undefined | null = null;

  private constructor(private readonly socket: Socket) {
    super();
    const reader = new DapFrameReader(
      (m) => this.receive(m as DebugProtocol.ProtocolMessage),
      (e) => this.close(e),
    );
    socket.on('data', (chunk: Buffer) => reader.push(chunk));
    socket.on('error', (e) => this.close(e));
    socket.on('close', () => this.close(undefined));
    this._register({ dispose: () => socket.destroy() });
  }

  /** Connect to an adapter on 127.0.0.1, retrying while nothing listens there yet. */
  static async connect(port: number, o: DapConnectOptions): Promise<DapClient> {
    const deadline = Date.now() + o.timeoutMs;
    let gaveUp = false;
    void o.gaveUp?.then(() => (gaveUp = true));
    for (;;) {
      try {
        return new DapClient(await openSocket(port));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'ECONNREFUSED' || gaveUp) throw e;
        if (Date.now() > deadline)
          throw new Error(`nothing answered on 127.0.0.1:${port} within ${o.timeoutMs / 1000} s: the debugger did not start`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }

  get isClosed(): boolean {
    return this.closed !== null;
  }

  request<C extends keyof DapRequests>(command: C, args: DapRequests[C][0]): Promise<DapRequests[C][1]>;
  request(command: string, args?: unknown): Promise<unknown> {
    if (this.closed !== null)
      return Promise.reject(new Error(`the debugger connection is closed${this.closed ? `: ${this.closed.message}` : ''}`));
    const seq = this.seq++;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { command, resolve, reject });
      this.socket.write(encodeDapMessage({ seq, type: 'request', command, ...(args === undefined ? {} : { arguments: args }) }));
    });
  }

  private receive(m: DebugProtocol.ProtocolMessage): void {
    if (m.type === 'response') {
      const r = m as DebugProtocol.Response;
      const p = this.pending.get(r.request_seq);
      if (!p) return;
      this.pending.delete(r.request_seq);
      if (r.success) p.resolve(r.body ?? {});
      else
        p.reject(
          new DapRequestError(p.command, (r.body as { error?: { format?: string } } | undefined)?.error?.format ?? r.message ?? 'failed'),
        );
    } else if (m.type === 'event') {
      this._onDidEvent.fire(m as DebugProtocol.Event);
    } else if (m.type === 'request') {
      const q = m as DebugProtocol.Request;
      this.socket.write(
        encodeDapMessage({
          seq: this.seq++,
          type: 'response',
          request_seq: q.seq,
          command: q.command,
          success: false,
          message: `MCP Lab does not support ${q.command}`,
        }),
      );
    }
  }

  private close(e: Error | undefined): void {
    if (this.closed !== null) return;
    this.closed = e;
    for (const p of this.pending.values())
      p.reject(new Error(`the debugger connection closed before ${p.command} was answered${e ? `: ${e.message}` : ''}`));
    this.pending.clear();
    this.socket.destroy();
    this._onDidClose.fire(e);
  }

  override dispose(): void {
    this.close(undefined);
    super.dispose();
  }
}

function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.off('error', reject);
      resolve(s);
    });
    s.once('error', reject);
  });
}

/** The requests MCP Lab sends, with their arguments and answer bodies. */
export interface DapRequests {
  initialize: [DebugProtocol.InitializeRequestArguments, DebugProtocol.Capabilities];
  attach: [DebugProtocol.AttachRequestArguments & Record<string, unknown>, unknown];
  setBreakpoints: [DebugProtocol.SetBreakpointsArguments, DebugProtocol.SetBreakpointsResponse['body']];
  setExceptionBreakpoints: [DebugProtocol.SetExceptionBreakpointsArguments, unknown];
  configurationDone: [DebugProtocol.ConfigurationDoneArguments | undefined, unknown];
  threads: [undefined, DebugProtocol.ThreadsResponse['body']];
  stackTrace: [DebugProtocol.StackTraceArguments, DebugProtocol.StackTraceResponse['body']];
  scopes: [DebugProtocol.ScopesArguments, DebugProtocol.ScopesResponse['body']];
  variables: [DebugProtocol.VariablesArguments, DebugProtocol.VariablesResponse['body']];
  evaluate: [DebugProtocol.EvaluateArguments, DebugProtocol.EvaluateResponse['body']];
  continue: [DebugProtocol.ContinueArguments, DebugProtocol.ContinueResponse['body']];
  next: [DebugProtocol.NextArguments, unknown];
  stepIn: [DebugProtocol.StepInArguments, unknown];
  stepOut: [DebugProtocol.StepOutArguments, unknown];
  pause: [DebugProtocol.PauseArguments, unknown];
  disconnect: [DebugProtocol.DisconnectArguments, unknown];
}
