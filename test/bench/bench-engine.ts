import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createApiClient, type ApiClient } from '../../src-shared/api/api-client';
import { createLinkedPorts } from '../../src-shared/rpc/in-memory-port';
import { createEngineWithServices, type Engine, type EngineOptions, type EngineServices } from '../../src-main/engine/create-engine';
import { MemorySecretStore } from '../../src-main/engine/workspace/secret-store';
import { serveApi } from '../../src-main/rpc/serve-api';
import { startWebServer, type WebServer } from '../../src-main/shells/web/web-server';
import { createWsClientPort, openSession } from '../helpers/ws-client-port';

export interface BenchEngine {
  engine: Engine & EngineServices;
  /** The API client over the in-memory port (the CLI's path). */
  api: ApiClient;
  /** The API client over the browser-mode WebSocket (the UI's path), when asked for. */
  wsApi?: ApiClient;
  close(): Promise<void>;
}

/** An engine in this process, reached the way the CLI and (optionally) the browser UI reach it. */
export async function startBenchEngine(options: Partial<EngineOptions> & { withWebSocket?: boolean } = {}): Promise<BenchEngine> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-bench-'));
  const engine = await createEngineWithServices({
    workspaceDir: root,
    appDataDir: root,
    host: 'test',
    secrets: new MemorySecretStore(),
    ...options,
  });
  const [c, s] = createLinkedPorts({ clone: false }); // as the CLI runs it
  const served = serveApi(s, engine.handlers, engine.streams, { origin: 'in-memory' });
  const api = createApiClient(c);
  let web: WebServer | undefined;
  let wsApi: ApiClient | undefined;
  if (options.withWebSocket) {
    web = await startWebServer({ handlers: engine.handlers, streams: engine.streams, rendererDir: root });
    const base = `http://127.0.0.1:${web.port}`;
    const session = await openSession(base, web.token);
    const port = createWsClientPort(`ws://127.0.0.1:${web.port}/ws`, { Origin: base, Cookie: session.cookie });
    wsApi = createApiClient(port, { token: session.token });
    await wsApi.call('app.info', {});
  }
  return {
    engine,
    api,
    wsApi,
    async close() {
      wsApi?.dispose();
      await web?.close();
      api.dispose();
      served.dispose();
      await engine.shutdown();
      await rm(root, { recursive: true, force: true });
    },
  };
}
