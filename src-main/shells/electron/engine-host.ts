/**
 * The engine inside an Electron utility process: plain Node, so a crash here never takes the
 * window down and the runAsNode fuse can stay off. Each window talks to it over its own message
 * port, which main hands over and then leaves alone; a window that reloads or closes drops its
 * port, and what it had subscribed to ends with it.
 */
import type { MessagePortMain } from 'electron';
import type { MessagePortLike } from '../../../src-shared/rpc/message-port-rpc-port';
import { createEngine } from '../../engine/create-engine';
import { readLoginShellPath } from '../../engine/servers/spawn-env';
import { FileSecretStore } from '../../engine/workspace/secret-store';
import { serveApiOverMessagePort } from '../../rpc/serve-message-port';
import { exampleServerSeed } from '../common/example-seed';
import { createSwitchableEngine } from '../common/switchable-engine';
import type { EngineHostMessage, MainToEngineMessage } from './engine-host-protocol';
import { safeStorageCipher } from './safe-storage-cipher';

interface ParentPort {
  on(event: 'message', cb: (e: { data: MainToEngineMessage; ports: MessagePortMain[] }) => void): void;
  postMessage(m: EngineHostMessage): void;
}
const parentPort = (process as unknown as { parentPort: ParentPort }).parentPort;

const appDataDir = process.env.MCP_LAB_APPDATA!;
const workspaceDir = process.env.MCP_LAB_WORKSPACE!;
const isDefaultWorkspace = process.env.MCP_LAB_DEFAULT_WORKSPACE === '1';

async function startEngine() {
  const loginShellPath = await readLoginShellPath();
  // Secrets sealed by the OS keychain (safeStorage, via main); without a keyring, the 0600 file. A
  // sealed file this app cannot unseal now is reported as unreadable, never treated as empty.
  const cipher = await safeStorageCipher(parentPort);
  const secrets = await FileSecretStore.open(appDataDir, { ...(cipher ? { cipher } : {}), sealedIsMine: true });
  // workspace.open swaps the engine; windows reconnect (a reload) and reach the new one.
  return createSwitchableEngine(workspaceDir, (dir, openWorkspace) =>
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
}

/** Electron's port is an EventEmitter: give the adapter the DOM's listener names. */
function asMessagePortLike(p: MessagePortMain): MessagePortLike {
  return {
    postMessage: (m: unknown) => p.postMessage(m),
    addEventListener: (type: 'message' | 'close', l: (e: { data: unknown }) => void) => void p.on(type as 'message', l),
    removeEventListener: (type: 'message' | 'close', l: (e: { data: unknown }) => void) => void p.off(type as 'message', l),
    start: () => p.start(),
    close: () => p.close(),
  } as MessagePortLike;
}

// Listen before the engine is up: a window may ask for its port while the engine still starts.
// Its messages wait in the port, which starts only once it is served.
const engineReady = startEngine();
parentPort.on('message', ({ data, ports }) => {
  if (data.t === 'connect') {
    const given = ports[0];
    if (!given) return;
    void engineReady.then((engine) => {
      serveApiOverMessagePort(asMessagePortLike(given), engine.handlers, engine.streams, { origin: 'electron' });
    });
  } else if (data.t === 'shutdown') {
    void engineReady
      .then((engine) => engine.shutdown())
      .finally(() => {
        parentPort.postMessage({ t: 'shutdownComplete' });
        process.exit(0);
      });
  }
});
await engineReady;
parentPort.postMessage({ t: 'ready' });
