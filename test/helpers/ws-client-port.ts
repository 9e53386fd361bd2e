import WebSocket from 'ws';
import { Emitter } from '../../src-shared/base/event';
import type { ReconnectingRpcPort } from '../../src-shared/rpc/port';
import type { WireMessage } from '../../src-shared/rpc/wire';

export interface WsClientPort extends ReconnectingRpcPort {
  /** Drop the socket as a network blip would; the port reconnects. */
  drop(): void;
  readonly closeCodes: number[];
}

/** A Node WebSocket client port, reconnecting like the browser's, for contract tests and benchmarks. */
export function createWsClientPort(url: string, headers: Record<string, string>): WsClientPort {
  const onMessage = new Emitter<WireMessage>();
  const onClose = new Emitter<void>();
  const onOpen = new Emitter<void>();
  const closeCodes: number[] = [];
  let ws: WebSocket | undefined;
  let open = false;
  let closedForGood = false;
  const connect = () => {
    ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      open = true;
      onOpen.fire();
    });
    ws.on('message', (d) => onMessage.fire(JSON.parse(d.toString()) as WireMessage));
    ws.on('error', () => {});
    ws.on('close', (code) => {
      closeCodes.push(code);
      const was = open;
      open = false;
      if (was) onClose.fire();
      if (!closedForGood && code !== 1008) setTimeout(connect, 50);
    });
  };
  connect();
  return {
    send: (m) => {
      if (open) ws!.send(JSON.stringify(m));
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
    drop: () => ws?.terminate(),
    closeCodes,
  };
}

export interface BrowserSessionKeys {
  /** `name=value`, for the Cookie header. */
  cookie: string;
  /** This session's key for the WebSocket hello, as the page reads it from /api/session. */
  token: string;
}

/** Trade the one-time token for a session, as the boot page does, then read the hello key as the app does. */
export async function openSession(baseUrl: string, token: string): Promise<BrowserSessionKeys> {
  const res = await fetch(`${baseUrl}/session`, { method: 'POST', headers: { Origin: baseUrl, Authorization: `Bearer ${token}` } });
  if (res.status !== 204) throw new Error(`session refused: ${res.status}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const session = await fetch(`${baseUrl}/api/session`, { headers: { Cookie: cookie } });
  if (!session.ok) throw new Error(`session endpoint refused: ${session.status}`);
  return { cookie, token: ((await session.json()) as { token: string }).token };
}
