import { createApiClient, type ApiClient } from '../../../src-shared/api/api-client';
import { createLinkedPorts } from '../../../src-shared/rpc/in-memory-port';
import { createEngine, type Engine, type EngineOptions } from '../../engine/create-engine';
import { serveApi } from '../../rpc/serve-api';

export interface InProcessConnection {
  /** The contract's client, as the app's renderer has it. */
  api: ApiClient;
  /** The engine itself, for the few reads the contract does not carry yet. */
  engine: Engine;
  /** Close the client and the dispatcher, then shut the engine down (its servers stop). */
  dispose(): Promise<void>;
}

/**
 * An engine in this process behind the one dispatcher, reached through the contract over linked
 * in-memory ports: how the CLI gets an engine. `clone: false` skips copying each message, for callers
 * that never change what they receive (the default copies, as a wire would).
 */
export async function connectInProcess(options: EngineOptions, { clone = true }: { clone?: boolean } = {}): Promise<InProcessConnection> {
  const engine = await createEngine(options);
  const [clientPort, enginePort] = createLinkedPorts({ clone });
  const served = serveApi(enginePort, engine.handlers, engine.streams, { origin: 'in-memory' });
  const api = createApiClient(clientPort);
  return {
    api,
    engine,
    async dispose() {
      api.dispose();
      served.dispose();
      await engine.shutdown();
    },
  };
}
