/**
 * Electron main: a window and the engine in a utility process. Main introduces them (a message
 * port each window asks for, whose other end goes to the engine) and carries none of their
 * traffic. Thin on purpose: everything that can be tested without Electron lives in the engine.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  MessageChannelMain,
  safeStorage,
  session,
  shell,
  utilityProcess,
  webContents,
  type IpcMainEvent,
  type UtilityProcess,
} from 'electron';
import path from 'node:path';
import { appRoot, defaultWorkspaceDir } from '../common/app-paths';
import { APP_ORIGIN, handleAppProtocol, registerAppScheme } from './app-protocol';
import { HOST_CHANNEL } from './channel';
import type { EngineHostMessage, MainToEngineMessage } from './engine-host-protocol';
import { externalLinkTarget, isAllowedNavigation, isTrustedSender, permissionPolicy, windowOptions } from './window-policy';

const QUIT_BOUND_MS = 8000;
registerAppScheme();
app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

let engine: UtilityProcess | undefined;
/** The engine's exit code once its process has ended (it is not restarted: the window says so). */
let engineExitCode: number | undefined;

function startEngine(): UtilityProcess {
  const userData = app.getPath('userData');
  const workspaceArg = process.argv.find((a) => a.startsWith('--workspace='))?.slice('--workspace='.length);
  const child = utilityProcess.fork(path.join(import.meta.dirname, 'engine-host.js'), [], {
    serviceName: 'MCP Lab engine',
    stdio: 'inherit',
    env: {
      ...process.env,
      MCP_LAB_APPDATA: userData,
      MCP_LAB_WORKSPACE: workspaceArg ? path.resolve(workspaceArg) : defaultWorkspaceDir(userData),
      MCP_LAB_DEFAULT_WORKSPACE: workspaceArg ? '0' : '1',
    },
  });
  child.on('message', (m: EngineHostMessage) => {
    if (m.t === 'crypt') child.postMessage(crypt(m));
  });
  child.on('exit', (code) => {
    if (quitting) return;
    // The engine died; the windows survive and say so (their ports to it are dead). Its servers
    // were killed by the engine's lifeline.
    engineExitCode = code;
    for (const wc of webContents.getAllWebContents()) if (!wc.isDestroyed()) wc.send(HOST_CHANNEL.engineExited, code);
  });
  return child;
}

/**
 * A window asks for a port to the engine (at each page load): only our window's main frame,
 * showing our own UI, is answered. One end goes to the engine, the other to the page; from then
 * on main sees none of their messages.
 */
function onConnectRequest(e: IpcMainEvent): void {
  const wc = e.sender;
  const frame = e.senderFrame;
  const win = BrowserWindow.fromWebContents(wc);
  if (
    !win ||
    !isTrustedSender({
      senderId: wc.id,
      windowContentsId: win.webContents.id,
      isMainFrame: !!frame && frame === wc.mainFrame,
      frameUrl: frame?.url,
    })
  )
    return;
  if (engineExitCode !== undefined || !engine) {
    wc.send(HOST_CHANNEL.engineExited, engineExitCode ?? -1);
    return;
  }
  const { port1, port2 } = new MessageChannelMain();
  const connect: MainToEngineMessage = { t: 'connect' };
  engine.postMessage(connect, [port1]);
  wc.postMessage(HOST_CHANNEL.enginePort, null, [port2]);
}

function createWindow(): void {
  const win = new BrowserWindow(windowOptions(path.join(appRoot(), 'out', 'preload', 'preload.cjs')));
  win.once('ready-to-show', () => win.show());
  // The editor refuses to unload while a buffer is dirty (beforeunload): ask the person. Their
  // edits stay journaled either way, and are offered for recovery on the next start.
  win.webContents.on('will-prevent-unload', (e) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      buttons: ['Stay', 'Close without saving'],
      defaultId: 0,
      cancelId: 0,
      message: 'Some files have unsaved changes',
      detail:
        'Save them first (Ctrl/Cmd+Shift+S saves all), or close anyway: MCP Lab keeps the unsaved edits and offers to restore them next time.',
    });
    if (choice === 1) e.preventDefault();
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (e, url) => {
    if (!isAllowedNavigation(url)) e.preventDefault();
  });
  contents.on('will-redirect', (e, url) => {
    if (!isAllowedNavigation(url)) e.preventDefault();
  });
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalAfterConfirm(url);
    return { action: 'deny' };
  });
});

/** Links leave the app only for http(s), and only after the user agreed. */
async function openExternalAfterConfirm(url: string): Promise<void> {
  const target = externalLinkTarget(url);
  if (!target) return;
  const { response } = await dialog.showMessageBox({
    type: 'question',
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this link in your browser?',
    detail: target,
  });
  if (response === 0) await shell.openExternal(target);
}

let quitting = false;
app.on('before-quit', (e) => {
  if (quitting || !engine) return;
  e.preventDefault();
  quitting = true;
  const done = () => app.exit(0);
  engine.on('message', (m: EngineHostMessage) => m.t === 'shutdownComplete' && done());
  engine.on('exit', done);
  engine.postMessage({ t: 'shutdown' });
  setTimeout(done, QUIT_BOUND_MS).unref();
});

app.on('window-all-closed', () => app.quit());

void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, cb) => cb(permissionPolicy.request(permission)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => permissionPolicy.check(permission));
  handleAppProtocol(path.join(appRoot(), 'out', 'renderer'));
  engine = startEngine();
  ipcMain.on(HOST_CHANNEL.connect, onConnectRequest);
  createWindow();
});

/** Seal and open secrets for the engine with the OS keychain. Base64 on the wire and on disk. */
function crypt(m: Extract<EngineHostMessage, { t: 'crypt' }>): MainToEngineMessage {
  try {
    if (!safeStorage.isEncryptionAvailable())
      return { t: 'cryptResult', id: m.id, ok: false, error: 'safeStorage cannot encrypt on this system' };
    if (m.op === 'probe') return { t: 'cryptResult', id: m.id, ok: true, text: '' };
    const text =
      m.op === 'encrypt' ? safeStorage.encryptString(m.text).toString('base64') : safeStorage.decryptString(Buffer.from(m.text, 'base64'));
    return { t: 'cryptResult', id: m.id, ok: true, text };
  } catch (e) {
    return { t: 'cryptResult', id: m.id, ok: false, error: (e as Error).message };
  }
}
