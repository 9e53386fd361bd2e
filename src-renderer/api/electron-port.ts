import { Emitter } from '../../src-shared/base/event';
import { isHostWindowMessage, type WorkbenchHostBridge } from '../../src-shared/rpc/host-bridge';
import { createMessagePortRpcPort, type MessagePortLike } from '../../src-shared/rpc/message-port-rpc-port';
import type { ReconnectingRpcPort, RpcPort } from '../../src-shared/rpc/port';
import type { WireMessage } from '../../src-shared/rpc/wire';

/** The part of a window message the desktop port reads. */
export interface HostMessageEvent {
  source: unknown;
  data: unknown;
  ports: readonly MessagePortLike[];
}

/** Where the preload's messages arrive: the page's window (a stand-in in tests). */
export interface HostWindow {
  addEventListener(type: 'message', listener: (event: HostMessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: HostMessageEvent) => void): void;
}

/** What the window says when the engine's process has ended, and what to do about it. */
export function engineStoppedMessage(code: number): string {
  return `The MCP Lab engine stopped unexpectedly (exit code ${code}). Your servers were stopped with it; no saved file was affected.`;
}

/**
 * The desktop port: a message port straight to the engine's process, asked for through the
 * preload. Main only introduces the two ends and relays nothing. When main reports that the
 * engine's process ended, the client hears a goodbye (reconnecting cannot help) and the window
 * says so; a port that closes otherwise is a lost connection, shown as such.
 */
export function createElectronHostPort(
  bridge: WorkbenchHostBridge,
  win: HostWindow = globalThis as unknown as HostWindow,
): ReconnectingRpcPort {
  const onMessage = new Emitter<WireMessage>();
  const onClose = new Emitter<void>();
  const onOpen = new Emitter<void>();
  let current: RpcPort | undefined;
  let ended = false;

  const listener = (event: HostMessageEvent) => {
    // Only the preload posts to the page's own window: a frame's message (an MCP App's, say) has
    // that frame as its source, whatever it claims to be.
    if (event.source !== win || !isHostWindowMessage(event.data)) return;
    if (event.data.mcpLabHost === 'engine-port') {
      const given = event.ports[0];
      if (!given || current || ended) return;
      const port = createMessagePortRpcPort(given);
      current = port;
      port.onMessage((m) => onMessage.fire(m));
      port.onClose(() => {
        if (current !== port) return;
        current = undefined;
        onClose.fire();
      });
      onOpen.fire();
      return;
    }
    ended = true;
    win.removeEventListener('message', listener);
    onMessage.fire({ t: 'goodbye', error: { code: 'ConnectionLost', message: engineStoppedMessage(event.data.code) } });
    current?.close();
  };
  win.addEventListener('message', listener);
  bridge.connect();

  return {
    send: (m) => current?.send(m),
    onMessage: onMessage.event,
    onClose: onClose.event,
    onOpen: onOpen.event,
    get isOpen() {
      return current !== undefined;
    },
    close: () => {
      ended = true;
      win.removeEventListener('message', listener);
      current?.close();
    },
  };
}
