import { Emitter } from '../base/event';
import type { ReconnectingRpcPort, RpcPort } from './port';
import type { WireMessage } from './wire';

export interface LinkedPortsOptions {
  /**
   * Send copies through JSON (the default): tests then catch code that relies on sharing objects
   * or on non-JSON payloads, exactly as a real transport would. The CLI, where both ends live in
   * one process for good, passes false and skips the copy.
   */
  clone?: boolean;
}

/**
 * Two linked ports in one process (tests, the CLI). Messages arrive on a later microtask, so code
 * that works here does not rely on synchronous delivery.
 */
export function createLinkedPorts(options: LinkedPortsOptions = {}): [ReconnectingRpcPort, RpcPort] {
  const clone = options.clone ?? true;
  const aMsg = new Emitter<WireMessage>();
  const bMsg = new Emitter<WireMessage>();
  const aClose = new Emitter<void>();
  const bClose = new Emitter<void>();
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    queueMicrotask(() => {
      aClose.fire();
      bClose.fire();
    });
  };
  const deliver = (to: Emitter<WireMessage>, m: WireMessage) => {
    if (!open) return;
    const copy = clone ? (JSON.parse(JSON.stringify(m)) as WireMessage) : m;
    queueMicrotask(() => {
      if (open) to.fire(copy);
    });
  };
  const a: ReconnectingRpcPort = {
    send: (m) => deliver(bMsg, m),
    onMessage: aMsg.event,
    onClose: aClose.event,
    onOpen: () => ({ dispose() {} }),
    get isOpen() {
      return open;
    },
    close,
  };
  const b: RpcPort = { send: (m) => deliver(aMsg, m), onMessage: bMsg.event, onClose: bClose.event, close };
  return [a, b];
}
