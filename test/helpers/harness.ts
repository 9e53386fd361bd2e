import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createApiClient, type ApiClient } from '../../src-shared/api/api-client';
import { createLinkedPorts } from '../../src-shared/rpc/in-memory-port';
import { createEngine, type Engine, type EngineOptions } from '../../src-main/engine/create-engine';
import { serveApi } from '../../src-main/rpc/serve-api';
import { MemorySecretStore } from '../../src-main/engine/workspace/secret-store';

export interface Harness {
  engine: Engine;
  api: ApiClient;
  workspaceDir: string;
  dispose(): Promise<void>;
}

/** The engine behind the real dispatcher and API client, over linked in-memory ports. */
export async function startHarness(options: Partial<EngineOptions> = {}): Promise<Harness> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-test-'));
  const workspaceDir = options.workspaceDir ?? path.join(root, 'ws');
  const engine = await createEngine({
    workspaceDir,
    appDataDir: path.join(root, 'app'),
    host: 'test',
    secrets: new MemorySecretStore(),
    handshakeTimeoutMs: 10_000,
    ...options,
  });
  const [clientPort, serverPort] = createLinkedPorts();
  const served = serveApi(serverPort, engine.handlers, engine.streams, { origin: 'in-memory' });
  const api = createApiClient(clientPort, { validateResults: true });
  return {
    engine,
    api,
    workspaceDir,
    async dispose() {
      api.dispose();
      served.dispose();
      await engine.shutdown();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Collect a stream's events until `pred` holds (or time runs out, which fails the test with what was seen). */
export function waitForEvent<T>(subscribe: (cb: (e: T) => void) => { dispose(): void }, pred: (e: T) => boolean, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const seen: T[] = [];
    let sub: { dispose(): void } | undefined;
    let done = false;
    const timer = setTimeout(() => {
      done = true;
      sub?.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms; last events: ${JSON.stringify(seen.slice(-3)).slice(0, 2000)}`));
    }, timeoutMs);
    sub = subscribe((e) => {
      if (done) return;
      seen.push(e);
      if (pred(e)) {
        done = true;
        clearTimeout(timer);
        queueMicrotask(() => sub?.dispose());
        resolve(e);
      }
    });
  });
}
