/**
 * The IPC channels between the window's preload and main. None carries API traffic: that runs
 * over a message port straight to the engine's process.
 */
export const HOST_CHANNEL = {
  /** preload → main: the page asks for a port to the engine. */
  connect: 'mcp-lab:connect',
  /** main → preload: the page's end of a new channel to the engine (in the event's ports). */
  enginePort: 'mcp-lab:engine-port',
  /** main → preload: the engine's process ended, with its exit code. */
  engineExited: 'mcp-lab:engine-exited',
} as const;
