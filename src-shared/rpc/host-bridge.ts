/**
 * What the Electron preload exposes on `window.workbenchHost`: one request, for a message port to
 * the engine, and nothing else. The port does not come back through this bridge (a context bridge
 * cannot carry a MessagePort): the preload posts it to the page as a window message.
 */
export interface WorkbenchHostBridge {
  kind: 'electron';
  /** Ask for a port to the engine; it arrives as a `HostWindowMessage` of type `engine-port`. */
  connect(): void;
}

/** Window messages from the preload to the page (`event.source` is the page's own window). */
export type HostWindowMessage =
  /** `event.ports[0]` is the page's end of a channel whose other end the engine holds. */
  | { mcpLabHost: 'engine-port' }
  /** The engine's process ended: no port will reach it again. `code` is its exit code. */
  | { mcpLabHost: 'engine-exited'; code: number };

export function isHostWindowMessage(data: unknown): data is HostWindowMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as { mcpLabHost?: unknown; code?: unknown };
  return m.mcpLabHost === 'engine-port' || (m.mcpLabHost === 'engine-exited' && typeof m.code === 'number');
}
