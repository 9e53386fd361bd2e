import { ipcMain, type BrowserWindow, type IpcMainEvent, type UtilityProcess } from 'electron';
import { RPC_CHANNEL } from './channel';
import type { MainToEngineMessage } from './engine-host-protocol';
import { isTrustedSender } from './window-policy';

let nextChannel = 1;

/**
 * Relay one window's messages to the engine process and back. Only our window's main frame,
 * showing our own UI, may speak: the sender check GitHub Desktop calls a trusted IPC sender.
 */
export function relayWindow(win: BrowserWindow, engine: UtilityProcess): { channel: number; deliver(msg: unknown): void; dispose(): void } {
  const wc = win.webContents;
  const channel = nextChannel++;
  const post = (m: MainToEngineMessage) => engine.postMessage(m);
  const listener = (e: IpcMainEvent, msg: unknown) => {
    const frame = e.senderFrame;
    if (
      !isTrustedSender({
        senderId: e.sender.id,
        windowContentsId: wc.id,
        isMainFrame: !!frame && frame === wc.mainFrame,
        frameUrl: frame?.url,
      })
    )
      return;
    if (typeof msg !== 'object' || msg === null) return;
    post({ t: 'msg', channel, msg: msg as never });
  };
  ipcMain.on(RPC_CHANNEL, listener);
  post({ t: 'open', channel });
  let disposed = false;
  const dispose = () => {
    if (disposed) return;
    disposed = true;
    ipcMain.off(RPC_CHANNEL, listener);
    post({ t: 'close', channel });
  };
  wc.once('destroyed', dispose);
  // A reload starts a new renderer: give it a fresh channel so old subscriptions do not leak into it.
  wc.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) {
      post({ t: 'close', channel });
      post({ t: 'open', channel });
    }
  });
  return {
    channel,
    deliver: (msg) => {
      if (!wc.isDestroyed()) wc.send(RPC_CHANNEL, msg);
    },
    dispose,
  };
}
