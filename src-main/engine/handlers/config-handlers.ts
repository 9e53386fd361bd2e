import type { ApiHandlers, ApiStreams, MethodArgs } from '../../../src-shared/api/contract';
import { ApiError } from '../../../src-shared/api/errors';
import { resolveClientFeatures } from '../../../src-shared/api/schemas/client-features';
import { STATELESS_PROTOCOL_VERSION } from '../../../src-shared/api/schemas/protocol';
import type { ServerConfig } from '../../../src-shared/api/schemas/server';
import type { ServerManager } from '../servers/server-manager';
import type { SecretStore } from '../workspace/secret-store';
import { requireCapability } from './capabilities';
import { snapshotStream } from './stream-helpers';

export type ConfigMethods = 'secrets.moveAside' | 'secrets.resolveSetAside' | 'servers.overrideForRun';
export type ConfigStreams = 'workspace.configChanged';

/** What the servers are configured from (mcp-lab.json and the secret store), and the ways out of a broken one. */
export function createConfigHandlers(servers: ServerManager, secrets: SecretStore): Pick<ApiHandlers, ConfigMethods> {
  return {
    'secrets.moveAside': async () => ({ movedTo: await secrets.moveAside() }),
    'secrets.resolveSetAside': async ({ serverId, decision }) => servers.resolveSetAside(serverId, decision === 'use'),
    'servers.overrideForRun': async (o, ctx) => {
      requireCapability(ctx, 'overrideForRun', 'Changing a server for one run without saving it');
      const session = servers.get(o.serverId);
      // In memory only: what a command line sets for one run never ends up in the user's mcp-lab.json.
      session.updateConfig(withOverrides(session.config, o));
      return servers.summary(o.serverId);
    },
  };
}

function withOverrides(config: ServerConfig, o: MethodArgs<'servers.overrideForRun'>): ServerConfig {
  const clientFeatures = resolveClientFeatures({ ...config.clientFeatures, ...o.clientFeatures });
  const protocol = o.protocol ? { protocol: o.protocol } : {};
  if (config.transport !== 'stdio') {
    if (o.env.length)
      throw new ApiError('InvalidParams', `environment entries are for a server started from a command; "${config.id}" is reached by URL`);
    if (config.transport === 'sse' && o.protocol === STATELESS_PROTOCOL_VERSION)
      throw new ApiError(
        'InvalidParams',
        `protocol ${STATELESS_PROTOCOL_VERSION} needs Streamable HTTP: "${config.id}" speaks HTTP+SSE, the initialize era only`,
      );
    return { ...config, clientFeatures, ...protocol };
  }
  const keys = new Set(o.env.map((e) => e.key));
  return { ...config, env: [...config.env.filter((e) => !keys.has(e.key)), ...o.env], clientFeatures, ...protocol };
}

export function createConfigStreams(servers: ServerManager): Pick<ApiStreams, ConfigStreams> {
  return {
    'workspace.configChanged': (_p, emit) => snapshotStream(() => servers.configStatus(), [servers.onDidChangeConfigStatus], emit),
  };
}
