import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { WorkbenchHostBridge } from '../../../src-shared/rpc/host-bridge';
import type { WireMessage } from '../../../src-shared/rpc/wire';
import { RPC_CHANNEL } from './channel';

// One message channel, never a generic invoke: the renderer can only speak the API contract.
const bridge: WorkbenchHostBridge = {
  kind: 'electron',
  send: (msg) => ipcRenderer.send(RPC_CHANNEL, msg),
  onMessage: (cb) => {
    const h = (_e: IpcRendererEvent, msg: WireMessage) => cb(msg);
    ipcRenderer.on(RPC_CHANNEL, h);
    return () => ipcRenderer.removeListener(RPC_CHANNEL, h);
  },
};
contextBridge.exposeInMainWorld('workbenchHost', bridge);
