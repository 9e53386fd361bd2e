/**
 * Electron's main and preload, played by Node: `connect()` makes a `worker_threads` channel, serves
 * the engine on one end exactly as the engine's utility process does, and posts the other end to a
 * stand-in window the way the preload posts it to the page. What the desktop renderer runs
 * (`createElectronHostPort`) runs here unchanged, over a real message port.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { ApiHandlers, ApiStreams } from '../../src-shared/api/contract';
import type { IDisposable } from '../../src-shared/base/lifecycle';
import type { HostWindowMessage, WorkbenchHostBridge } from '../../src-shared/rpc/host-bridge';
import type { MessagePortLike } from '../../src-shared/rpc/message-port-rpc-port';
import { serveApiOverMessagePort } from '../../src-main/rpc/serve-message-port';
import type { HostMessageEvent, HostWindow } from '../../src-renderer/api/electron-port';

export interface MessagePortHost {
  window: HostWindow;
  bridge: WorkbenchHostBridge;
  /** How many ports the page asked for. */
  readonly connects: number;
  /** The engine's process ends: its ends of the channels die with it, then main tells the page. */
  engineExits(code: number): void;
  /** A message posted to the page's window by someone else (a frame): `source` is not the window. */
  postFromFrame(data: unknown, ports?: MessagePort[]): void;
  dispose(): void;
}

export function createMessagePortHost(engine: { handlers: ApiHandlers; streams: ApiStreams }): MessagePortHost {
  const listeners = new Set<(e: HostMessageEvent) => void>();
  const win: HostWindow = {
    addEventListener: (_type, l) => void listeners.add(l),
    removeEventListener: (_type, l) => void listeners.delete(l),
  };
  // window.postMessage delivers on a later task, never inside the caller's stack.
  const post = (e: HostMessageEvent) =>
    setImmediate(() => {
      for (const l of [...listeners]) l(e);
    });
  const toPage = (data: HostWindowMessage, ports: MessagePort[] = []) =>
    post({ source: win, data, ports: ports as unknown as MessagePortLike[] });
  const engineEnds: { port: MessagePort; served: IDisposable }[] = [];
  let connects = 0;
  return {
    window: win,
    bridge: {
      kind: 'electron',
      connect() {
        connects++;
        const { port1, port2 } = new MessageChannel();
        const served = serveApiOverMessagePort(port1 as unknown as MessagePortLike, engine.handlers, engine.streams, {
          origin: 'electron',
        });
        engineEnds.push({ port: port1, served });
        toPage({ mcpLabHost: 'engine-port' }, [port2]);
      },
    },
    get connects() {
      return connects;
    },
    engineExits(code) {
      for (const e of engineEnds.splice(0)) e.port.close();
      toPage({ mcpLabHost: 'engine-exited', code });
    },
    postFromFrame(data, ports = []) {
      post({ source: {}, data, ports: ports as unknown as MessagePortLike[] });
    },
    dispose() {
      for (const e of engineEnds.splice(0)) e.served.dispose();
      listeners.clear();
    },
  };
}
