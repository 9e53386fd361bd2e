import type { Event } from '../base/event';
import type { WireMessage } from './wire';

/**
 * A bidirectional message pipe. The in-memory pair, the WebSocket and Electron IPC all implement
 * this, so the dispatcher and the API client never know which one they run over.
 */
export interface RpcPort {
  send(message: WireMessage): void;
  readonly onMessage: Event<WireMessage>;
  /** Fires when the pipe is gone for good (or, for a reconnecting port, until the next onOpen). */
  readonly onClose: Event<void>;
  close(): void;
}

/** A client-side port that can come back (a WebSocket that reconnects). */
export interface ReconnectingRpcPort extends RpcPort {
  readonly isOpen: boolean;
  readonly onOpen: Event<void>;
}
