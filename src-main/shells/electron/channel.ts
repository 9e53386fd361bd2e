/** The one IPC channel between the renderer and main. Nothing else is exposed. */
export const RPC_CHANNEL = 'mcp-lab:rpc';
