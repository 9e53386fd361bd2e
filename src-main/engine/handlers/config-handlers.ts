import type { ApiHandlers, ApiStreams } from '../../../src-shared/api/contract';
import type { ServerManager } from '../servers/server-manager';
import type { SecretStore } from '../workspace/secret-store';
import { snapshotStream } from './stream-helpers';

export type ConfigMethods = 'secrets.moveAside' | 'secrets.resolveSetAside';
export type ConfigStreams = 'workspace.configChanged';

/** What the servers are configured from (mcp-lab.json and the secret store), and the ways out of a broken one. */
export function createConfigHandlers(servers: ServerManager, secrets: SecretStore): Pick<ApiHandlers, ConfigMethods> {
  return {
    'secrets.moveAside': async () => ({ movedTo: await secrets.moveAside() }),
    'secrets.resolveSetAside': async ({ serverId, decision }) => servers.resolveSetAside(serverId, decision === 'use'),
  };
}

export function createConfigStreams(servers: ServerManager): Pick<ApiStreams, ConfigStreams> {
  return {
    'workspace.configChanged': (_p, emit) => snapshotStream(() => servers.configStatus(), [servers.onDidChangeConfigStatus], emit),
  };
}
