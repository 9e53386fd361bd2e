import type { WireMessage } from './wire';

/** What the Electron preload exposes on `window.workbenchHost`: one message channel, nothing else. */
export interface WorkbenchHostBridge {
  kind: 'electron';
  send(msg: WireMessage): void;
  onMessage(cb: (msg: WireMessage) => void): () => void;
}
