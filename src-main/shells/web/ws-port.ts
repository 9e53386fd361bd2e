import type { WebSocket } from 'ws';
import { Emitter } from '../../../src-shared/base/event';
import type { RpcPort } from '../../../src-shared/rpc/port';
import type { WireMessage } from '../../../src-shared/rpc/wire';

/** A slow browser tab must not grow our memory without bound: past this, we drop it and it reconnects. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

/** Close codes from RFC 6455 that tell the client what it did wrong. */
export const WS_CLOSE = { unsupportedData: 1003, invalidPayload: 1007, policyViolation: 1008, tryAgainLater: 1013 } as const;

export function createWsPort(ws: WebSocket): RpcPort {
  const onMessage = new Emitter<WireMessage>();
  const onClose = new Emitter<void>();
  ws.on('message', (data, isBinary) => {
    if (isBinary) return ws.close(WS_CLOSE.unsupportedData, 'text frames only');
    let msg: unknown;
    try {
      msg = JSON.parse(data.toString());
    } catch {
      return ws.close(WS_CLOSE.invalidPayload, 'messages must be JSON');
    }
    onMessage.fire(msg as WireMessage); // shape is checked by the dispatcher
  });
  ws.on('close', () => {
    onClose.fire();
    onMessage.dispose();
    onClose.dispose();
  });
  ws.on('error', () => ws.terminate());
  return {
    send(m) {
      if (ws.readyState !== ws.OPEN) return;
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        ws.close(WS_CLOSE.tryAgainLater, 'client too slow; reconnect to resume');
        return;
      }
      ws.send(JSON.stringify(m));
    },
    onMessage: onMessage.event,
    onClose: onClose.event,
    close: () => ws.close(WS_CLOSE.policyViolation, 'closed by the engine'),
  };
}
