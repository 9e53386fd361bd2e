/**
 * The one place the engine opens a WebSocket, and why it may.
 *
 * The layer rules keep `ws` out of the engine because the engine talks to its shells through
 * ports and must never grow a second network surface of its own: serving WebSockets is browser
 * mode's job (src-main/shells/web), behind its token and Origin checks. Node's debugger, though,
 * speaks the Chrome DevTools protocol only over a WebSocket, and Node 20 has no WebSocket client
 * built in (it arrived unflagged in Node 22). Writing our own framing would be a protocol
 * implementation to maintain; `ws` is already a dependency (browser mode uses it). So this file,
 * and only this file (see test/unit/architecture/layer-rules.ts), uses `ws` — as a client, to
 * 127.0.0.1 only, never as a server.
 */
import WebSocket from 'ws';
import { Emitter } from '../../../../src-shared/base/event';
import { Disposable } from '../../../../src-shared/base/lifecycle';

/** An inspector method the debuggee refused, with its words. */
export class InspectorRequestError extends Error {
  constructor(
    readonly method: string,
    message: string,
  ) {
    super(`${method}: ${message}`);
  }
}

export interface InspectorEvent {
  method: string;
  params: Record<string, unknown>;
}

/** Inspector messages are JSON objects; a paused frame with big previews stays far below this. */
const MAX_MESSAGE_BYTES = 64 << 20;

/** MCP Lab's side of one inspector connection: commands with answers, and events. */
export class InspectorSocket extends Disposable {
  private readonly _onDidEvent = this._register(new Emitter<InspectorEvent>());
  readonly onDidEvent = this._onDidEvent.event;
  private readonly _onDidClose = this._register(new Emitter<Error | undefined>());
  readonly onDidClose = this._onDidClose.event;
  private nextId = 1;
  private readonly pending = new Map<number, { method: string; resolve(r: unknown): void; reject(e: Error): void }>();
  private closed: Error | undefined | null = null;

  private constructor(private readonly ws: WebSocket) {
    super();
    ws.on('message', (data: WebSocket.RawData) => this.receive(String(data)));
    ws.on('error', (e) => this.close(e));
    ws.on('close', () => this.close(undefined));
    this._register({ dispose: () => ws.terminate() });
  }

  /** Connect to a debuggee's inspector URL; anything but a `ws://127.0.0.1:PORT/…` address is refused. */
  static connect(url: string): Promise<InspectorSocket> {
    const u = new URL(url);
    if (u.protocol !== 'ws:' || u.hostname !== '127.0.0.1')
      return Promise.reject(new Error(`MCP Lab connects to debuggers on 127.0.0.1 only, not ${url}`));
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false, followRedirects: false, maxPayload: MAX_MESSAGE_BYTES });
      ws.once('open', () => {
        ws.off('error', reject);
        resolve(new InspectorSocket(ws));
      });
      ws.once('error', reject);
    });
  }

  get isClosed(): boolean {
    return this.closed !== null;
  }

  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    if (this.closed !== null)
      return Promise.reject(new Error(`the debugger connection is closed${this.closed ? `: ${this.closed.message}` : ''}`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { method, resolve: resolve as (r: unknown) => void, reject });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  private receive(text: string): void {
    let m: { id?: number; method?: string; params?: Record<string, unknown>; result?: unknown; error?: { message?: string } };
    try {
      m = JSON.parse(text) as typeof m;
    } catch {
      return this.close(new Error('the debugger sent something that is not JSON'));
    }
    if (typeof m.id === 'number') {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error) p.reject(new InspectorRequestError(p.method, m.error.message ?? 'failed'));
      else p.resolve(m.result ?? {});
    } else if (typeof m.method === 'string') {
      this._onDidEvent.fire({ method: m.method, params: m.params ?? {} });
    }
  }

  private close(e: Error | undefined): void {
    if (this.closed !== null) return;
    this.closed = e;
    for (const p of this.pending.values())
      p.reject(new Error(`the debugger connection closed before ${p.method} was answered${e ? `: ${e.message}` : ''}`));
    this.pending.clear();
    this.ws.terminate();
    this._onDidClose.fire(e);
  }

  override dispose(): void {
    this.close(undefined);
    super.dispose();
  }
}
