import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { HostWindowMessage, WorkbenchHostBridge } from '../../../src-shared/rpc/host-bridge';
import { APP_ORIGIN } from './app-origin';
import { HOST_CHANNEL } from './channel';

// The page gets one request (a port to the engine) and never a generic invoke or ipcRenderer
// itself: what it can say to the engine is the API contract, checked by the engine.
const bridge: WorkbenchHostBridge = {
  kind: 'electron',
  connect: () => ipcRenderer.send(HOST_CHANNEL.connect),
};

// The preload's view of the page's window (the Node-side type check has no DOM library).
declare const window: { postMessage(message: unknown, targetOrigin: string, transfer: IpcRendererEvent['ports']): void };

// A context bridge cannot carry a MessagePort, so the port is posted to the page's own window,
// addressed to our origin only: a page that is not our UI never receives it.
const toPage = (m: HostWindowMessage, ports: IpcRendererEvent['ports'] = []) => window.postMessage(m, APP_ORIGIN, ports);
ipcRenderer.on(HOST_CHANNEL.enginePort, (e: IpcRendererEvent) => toPage({ mcpLabHost: 'engine-port' }, e.ports));
ipcRenderer.on(HOST_CHANNEL.engineExited, (_e: IpcRendererEvent, code: unknown) =>
  toPage({ mcpLabHost: 'engine-exited', code: typeof code === 'number' ? code : -1 }),
);

contextBridge.exposeInMainWorld('workbenchHost', bridge);
