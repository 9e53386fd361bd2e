/**
 * The engine inside an Electron utility process: plain Node, so a crash here never takes the
 * window down and the runAsNode fuse can stay off. Main relays the renderer's messages over the
 * parent port; each renderer connection is a numbered channel.
 */
import type { WireMessage } from '../../../src-shared/rpc/wire';
import { Emitter } from '../../../src-shared/base/event';
import type { RpcPort } from '../../../src-shared/rpc/port';
import { createEngine } from '../../engine/create-engine';
import { readLoginShellPath } from '../../engine/servers/spawn-env';
import { FileSecretStore } from '../../engine/workspace/secret-store';
import { serveApi } from '../../rpc/serve-api';
import { exampleServerSeed } from '../common/example-seed';
import { createSwitchableEngine } from '../common/switchable-engine';
import type { EngineHostMessage, MainToEngineMessage } from './engine-host-protocol';
import { safeStorageCipher } from './safe-storage-cipher';

interface ParentPort {
  on(event: 'message', cb: (e: { data: MainToEngineMessage }) => void): void;
  postMessage(m: EngineHostMessage): void;
}
const parentPort = (process as unknown as { parentPort: ParentPort }).parentPort;

const appDataDir = process.env.MCP_LAB_APPDATA!;
const workspaceDir = process.env.MCP_LAB_WORKSPACE!;
const isDefaultWorkspace = process.env.MCP_LAB_DEFAULT_WORKSPACE === '1';

const loginShellPath = await readLoginShellPath();
// Secrets sealed by the OS keychain (safeStorage, via main); without a keyring, the 0600 file. A
// sealed file this app cannot unseal now is reported as unreadable, never treated as empty.
const cipher = await safeStorageCipher(parentPort);
const secrets = await FileSecretStore.open(appDataDir, { ...(cipher ? { cipher } : {}), sealedIsMine: true });
// workspace.open swaps the engine; windows reconnect (a reload) and reach the new one.
const engine = await createSwitchableEngine(workspaceDir, (dir, openWorkspace) =>
  createEngine({
    workspaceDir: dir,
    appDataDir,
    host: 'electron',
    loginShellPath,
    secrets,
    openWorkspace,
    ...(isDefaultWorkspace && dir === workspaceDir ? { seedServers: exampleServerSeed() } : {}),
  }),
);

const channels = new Map<number, { port: RpcPort; fire(m: WireMessage): void; close(): void }>();

parentPort.on('message', ({ data }) => {
  if (data.t === 'open') {
    const onMessage = new Emitter<WireMessage>();
    const onClose = new Emitter<void>();
    const port: RpcPort = {
      send: (msg) => parentPort.postMessage({ t: 'msg', channel: data.channel, msg }),
      onMessage: onMessage.event,
      onClose: onClose.event,
      close: () => parentPort.postMessage({ t: 'closed', channel: data.channel }),
    };
    const served = serveApi(port, engine.handlers, engine.streams, { origin: 'electron' });
    channels.set(data.channel, {
      port,
      fire: (m) => onMessage.fire(m),
      close: () => {
        onClose.fire();
        served.dispose();
      },
    });
  } else if (data.t === 'msg') {
    channels.get(data.channel)?.fire(data.msg);
  } else if (data.t === 'close') {
    channels.get(data.channel)?.close();
    channels.delete(data.channel);
  } else if (data.t === 'shutdown') {
    void engine.shutdown().finally(() => {
      parentPort.postMessage({ t: 'shutdownComplete' });
      process.exit(0);
    });
  }
});
parentPort.postMessage({ t: 'ready' });
