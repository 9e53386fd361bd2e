import { mkdtemp, rm, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createApiClient, type ApiClient } from '../../src-shared/api/api-client';
import { createLinkedPorts } from '../../src-shared/rpc/in-memory-port';
import { createEngineWithServices, type Engine, type EngineServices } from '../../src-main/engine/create-engine';
import { MemorySecretStore } from '../../src-main/engine/workspace/secret-store';
import { serveApi } from '../../src-main/rpc/serve-api';
import { startWebServer } from '../../src-main/shells/web/web-server';
import { createElectronHostPort } from '../../src-renderer/api/electron-port';
import { createMessagePortHost } from '../helpers/message-port-host';
import { createWsClientPort, openSession, type WsClientPort } from '../helpers/ws-client-port';

export interface ContractConnection {
  api: ApiClient;
  engine: Engine & EngineServices;
  /** Simulate a network drop (WebSocket only). */
  drop?: () => void;
  /** The engine's process ends with this exit code, and the host says so (the desktop's message port only). */
  engineExits?: (code: number) => void;
  /** The window goes away (a reload, a close): its end of the message port closes (the desktop's message port only). */
  windowCloses?: () => void;
  dispose(): Promise<void>;
}

async function newEngine(): Promise<{ engine: Engine & EngineServices; root: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-contract-'));
  const engine = await createEngineWithServices({
    workspaceDir: path.join(root, 'ws'),
    appDataDir: path.join(root, 'app'),
    host: 'test',
    secrets: new MemorySecretStore(),
    handshakeTimeoutMs: 10_000,
    logs: { flushMs: 20 },
  });
  return { engine, root };
}

export const connections: Record<string, () => Promise<ContractConnection>> = {
  'in-memory': async () => {
    const { engine, root } = await newEngine();
    const [c, s] = createLinkedPorts();
    const served = serveApi(s, engine.handlers, engine.streams, { origin: 'in-memory' });
    const api = createApiClient(c, { validateResults: true });
    return {
      api,
      engine,
      async dispose() {
        api.dispose();
        served.dispose();
        await engine.shutdown();
        await rm(root, { recursive: true, force: true });
      },
    };
  },
  websocket: async () => {
    const { engine, root } = await newEngine();
    const rendererDir = path.join(root, 'renderer');
    await mkdir(rendererDir, { recursive: true });
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>test</title>');
    const web = await startWebServer({ handlers: engine.handlers, streams: engine.streams, rendererDir });
    const base = `http://127.0.0.1:${web.port}`;
    const session = await openSession(base, web.token);
    const port: WsClientPort = createWsClientPort(`ws://127.0.0.1:${web.port}/ws`, { Origin: base, Cookie: session.cookie });
    const api = createApiClient(port, { token: session.token, validateResults: true });
    return {
      api,
      engine,
      drop: () => port.drop(),
      async dispose() {
        api.dispose();
        port.close();
        await web.close();
        await engine.shutdown();
        await rm(root, { recursive: true, force: true });
      },
    };
  },
  /** The desktop's way: a message port straight to the engine (Node's MessageChannel standing in for Electron's). */
  'message-port': async () => {
    const { engine, root } = await newEngine();
    const host = createMessagePortHost(engine);
    const port = createElectronHostPort(host.bridge, host.window);
    const api = createApiClient(port, { validateResults: true });
    return {
      api,
      engine,
      engineExits: (code) => host.engineExits(code),
      windowCloses: () => port.close(),
      async dispose() {
        api.dispose();
        host.dispose();
        await engine.shutdown();
        await rm(root, { recursive: true, force: true });
      },
    };
  },
};
