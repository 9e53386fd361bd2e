import { Emitter } from '../base/event';
import type { ReconnectingRpcPort, RpcPort } from './port';
import type { WireMessage } from './wire';

/**
 * Two linked ports in one process (tests, the CLI). Messages go through JSON and arrive on a later
 * microtask, so code that works here does not rely on sharing objects or synchronous delivery.
 */
export function createLinkedPorts(): [ReconnectingRpcPort, RpcPort] {
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
    const copy = JSON.parse(JSON.stringify(m)) as WireMessage;
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
