import { Emitter } from '../../src-shared/base/event';
import type { ReconnectingRpcPort } from '../../src-shared/rpc/port';
import type { WireMessage } from '../../src-shared/rpc/wire';

/**
 * The browser-mode port: a WebSocket that comes back after a drop, with backoff. The API client
 * resubscribes on each open, so a log stream resumes from its last seq without gaps.
 */
export function createWebSocketPort(url: string): ReconnectingRpcPort {
  const onMessage = new Emitter<WireMessage>();
  const onClose = new Emitter<void>();
  const onOpen = new Emitter<void>();
  let ws: WebSocket | undefined;
  let open = false;
  let closedForGood = false;
  let attempt = 0;

  const connect = () => {
    ws = new WebSocket(url);
    ws.onopen = () => {
      attempt = 0;
      open = true;
      onOpen.fire();
    };
    ws.onmessage = (e) => {
      try {
        onMessage.fire(JSON.parse(String(e.data)) as WireMessage);
      } catch {
        // a malformed frame from the engine is a bug there; dropping it keeps the UI alive
      }
    };
    ws.onclose = (e) => {
      const wasOpen = open;
      open = false;
      if (wasOpen) onClose.fire();
      // 1008: refused by policy (bad token); retrying would only hammer the server.
      if (closedForGood || e.code === 1008) return;
      const delay = Math.min(5000, 250 * 2 ** attempt++);
      setTimeout(connect, delay);
    };
  };
  connect();

  return {
    send: (m) => {
      if (open) ws?.send(JSON.stringify(m));
    },
    onMessage: onMessage.event,
    onClose: onClose.event,
    onOpen: onOpen.event,
    get isOpen() {
      return open;
    },
    close: () => {
      closedForGood = true;
      ws?.close();
    },
  };
}
