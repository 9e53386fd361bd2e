import { Emitter } from '../../src-shared/base/event';
import type { WorkbenchHostBridge } from '../../src-shared/rpc/host-bridge';
import type { ReconnectingRpcPort } from '../../src-shared/rpc/port';
import type { WireMessage } from '../../src-shared/rpc/wire';

/** The desktop port: the preload's single channel, open for the window's lifetime. */
export function createElectronHostPort(bridge: WorkbenchHostBridge): ReconnectingRpcPort {
  const onMessage = new Emitter<WireMessage>();
  bridge.onMessage((m) => onMessage.fire(m));
  return {
    send: (m) => bridge.send(m),
    onMessage: onMessage.event,
    onClose: () => ({ dispose() {} }),
    onOpen: () => ({ dispose() {} }),
    isOpen: true,
    close: () => {},
  };
}
