import type { ApiHandlers, ApiStreams } from '../../src-shared/api/contract';
import type { IDisposable } from '../../src-shared/base/lifecycle';
import { createMessagePortRpcPort, type MessagePortLike } from '../../src-shared/rpc/message-port-rpc-port';
import { serveApi, type ServeApiOptions } from './serve-api';

/**
 * Serve the API to one window over its own message port (the desktop app: Electron's port in the
 * engine's process; the contract tests: Node's). When the window goes (a reload, a close) its end
 * of the channel closes, and its calls and subscriptions end here with it.
 */
export function serveApiOverMessagePort(
  messagePort: MessagePortLike,
  handlers: ApiHandlers,
  streams: ApiStreams,
  options: ServeApiOptions,
): IDisposable {
  const port = createMessagePortRpcPort(messagePort);
  const served = serveApi(port, handlers, streams, options);
  port.onClose(() => served.dispose());
  return {
    dispose() {
      served.dispose();
      port.close();
    },
  };
}
