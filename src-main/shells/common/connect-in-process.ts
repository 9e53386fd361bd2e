import { createApiClient, type ApiClient } from '../../../src-shared/api/api-client';
import { TERMINAL_CAPABILITIES } from '../../../src-shared/api/contract';
import { createLinkedPorts } from '../../../src-shared/rpc/in-memory-port';
import { createEngine, type EngineOptions } from '../../engine/create-engine';
import { MemorySecretStore } from '../../engine/workspace/secret-store';
import { serveApi } from '../../rpc/serve-api';

/** How to build the engine: its options, in plain values (no engine classes cross into the caller). */
export type InProcessOptions = Omit<EngineOptions, 'secrets' | 'clock' | 'processTable' | 'openWorkspace'> & {
  /** `memory`: secrets live and die with this engine (a throwaway workspace); default the app's secret store. */
  secrets?: 'memory';
};

export interface InProcessConnection {
  /** The contract's client, as the app's renderer has it: everything the caller does goes through it. */
  api: ApiClient;
  /** Close the client and the dispatcher, then shut the engine down (its servers stop). */
  dispose(): Promise<void>;
}

/**
 * An engine in this process behind the one dispatcher, reached through the contract over linked
 * in-memory ports: how the CLI gets an engine. The connection is a person at a terminal, so it is
 * granted what a window is not (TERMINAL_CAPABILITIES). `clone: false` skips copying each message,
 * for callers that never change what they receive (the default copies, as a wire would).
 */
export async function connectInProcess(
  options: InProcessOptions,
  { clone = true }: { clone?: boolean } = {},
): Promise<InProcessConnection> {
  const { secrets, ...engineOptions } = options;
  const engine = await createEngine({ ...engineOptions, ...(secrets === 'memory' ? { secrets: new MemorySecretStore() } : {}) });
  const [clientPort, enginePort] = createLinkedPorts({ clone });
  const served = serveApi(enginePort, engine.handlers, engine.streams, { origin: 'in-memory', capabilities: TERMINAL_CAPABILITIES });
  const api = createApiClient(clientPort);
  return {
    api,
    async dispose() {
      api.dispose();
      served.dispose();
      await engine.shutdown();
    },
  };
}
