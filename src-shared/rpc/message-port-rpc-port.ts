import { Emitter } from '../base/event';
import type { RpcPort } from './port';
import type { WireMessage } from './wire';

/**
 * What a browser `MessagePort` and Node's `worker_threads` `MessagePort` have in common (Electron's
 * `MessagePortMain` has it once its `on`/`off` are named `addEventListener`/`removeEventListener`).
 * The desktop app carries the API over one of these between the window and the engine's process;
 * tests carry it over Node's `MessageChannel`, so both run this same adapter.
 */
export interface MessagePortLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: () => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'close', listener: () => void): void;
  start(): void;
  close(): void;
}

/**
 * An RPC port over a message port. Messages travel as structured clones (no JSON round trip): the
 * contract's payloads are plain JSON, which a structured clone keeps as it is. What arrives that is
 * not a wire message's shape (an object with a string `t`) is dropped; the dispatcher and the API
 * client check the rest. `onClose` fires once: when the other end goes away (where the platform
 * reports it) or when this end closes.
 */
export function createMessagePortRpcPort(port: MessagePortLike): RpcPort {
  const onMessage = new Emitter<WireMessage>();
  const onClose = new Emitter<void>();
  let open = true;
  const messageListener = (event: { data: unknown }) => {
    const m = event.data;
    if (open && typeof m === 'object' && m !== null && typeof (m as { t?: unknown }).t === 'string') onMessage.fire(m as WireMessage);
  };
  const end = () => {
    if (!open) return;
    open = false;
    port.removeEventListener('message', messageListener);
    port.removeEventListener('close', end);
    port.close();
    onClose.fire();
    onMessage.dispose();
    onClose.dispose();
  };
  port.addEventListener('message', messageListener);
  port.addEventListener('close', end);
  // A port given listeners with addEventListener delivers nothing until it is started.
  port.start();
  return {
    send: (m) => {
      if (open) port.postMessage(m);
    },
    onMessage: onMessage.event,
    onClose: onClose.event,
    close: end,
  };
}
