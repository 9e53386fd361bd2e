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
 * the page was served only after the one-time link was traded for a session cookie; the session
 * endpoint hands us this session's key for the WebSocket hello.
 */
export async function connectHost(): Promise<ApiClient> {
  if (window.workbenchHost) return createApiClient(createElectronHostPort(window.workbenchHost));
  // A browser that already has a session may be handed the link again: the used token has no
  // business staying in the address bar (or in a bookmark made from it).
  if (location.hash.includes('token=')) history.replaceState(null, '', location.pathname + location.search);
  const res = await fetch('/api/session', { credentials: 'same-origin' });
  if (!res.ok)
    throw new Error(`the MCP Lab server refused this page (${res.status}): each link printed by mcp-lab serve opens one session`);
  const { token, wsPath } = (await res.json()) as { token: string; wsPath: string };
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${wsPath}`;
  return createApiClient(createWebSocketPort(wsUrl), { token });
}
