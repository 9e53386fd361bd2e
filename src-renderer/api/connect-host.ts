import { createApiClient, type ApiClient } from '../../src-shared/api/api-client';
import type { WorkbenchHostBridge } from '../../src-shared/rpc/host-bridge';
import { createElectronHostPort } from './electron-port';
import { createWebSocketPort } from './websocket-port';

declare global {
  interface Window {
    workbenchHost?: WorkbenchHostBridge;
  }
}

/**
 * Connect to the engine, whichever host we run in. Desktop: the preload bridge. Browser mode:
 * the page was served only after the session cookie was set; the session endpoint hands us the
 * token for the WebSocket hello.
 */
export async function connectHost(): Promise<ApiClient> {
  if (window.workbenchHost) return createApiClient(createElectronHostPort(window.workbenchHost));
  const res = await fetch('/api/session', { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`the MCP Lab server refused this page (${res.status}): open the URL printed by mcp-lab serve`);
  const { token, wsPath } = (await res.json()) as { token: string; wsPath: string };
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${wsPath}`;
  return createApiClient(createWebSocketPort(wsUrl), { token });
}
