import path from 'node:path';
import { existsSync } from 'node:fs';
import type { EnvEntry, ServerStatus } from '../../../src-shared/api/schemas/server';
import type { ClientFeaturesInput } from '../../../src-shared/api/schemas/client-features';
import { STATELESS_PROTOCOL_VERSION, type ProtocolPin } from '../../../src-shared/api/schemas/protocol';
import { WORKSPACE_FILE } from '../../../src-shared/api/schemas/workspace';
import { ApiError } from '../../../src-shared/api/errors';
import { appDataDir } from '../common/app-paths';
import { connectInProcess } from '../common/connect-in-process';
import type { AdhocSession } from './adhoc-server';
import { CliError, EXIT, unlessInterrupted } from './exit-codes';
import { startMaybeDebugged } from './debug-session';
import { snapshotOf } from './follow-stream';
import type { FileBreakpoints } from '../../../src-shared/api/schemas/debug';

/**
 * Start a server configured in a workspace (`--workspace <dir> [--server <id>]`) instead of one
 * given after `--`: the same config, environment and secrets the app would use.
 */
export async function startWorkspaceServer(
  o: {
    workspace: string;
    server?: string | undefined;
    handshakeTimeoutMs: number;
    overrides?: RunOverrides;
    breakpoints?: FileBreakpoints[] | undefined;
    lintConfigDir?: string | undefined;
  },
  signal?: AbortSignal,
): Promise<AdhocSession> {
  const workspaceDir = path.resolve(o.workspace);
  if (!existsSync(path.join(workspaceDir, WORKSPACE_FILE))) {
    throw new CliError(
      `${workspaceDir} has no ${WORKSPACE_FILE}: it is not an MCP Lab workspace (create one with \`mcp-lab new fastmcp|typescript <folder>\`, or add a server in the app)`,
      EXIT.usage,
    );
  }
  const { api, dispose } = await connectInProcess({
    workspaceDir,
    appDataDir: appDataDir(),
    host: 'cli',
    handshakeTimeoutMs: o.handshakeTimeoutMs,
    ...(o.lintConfigDir !== undefined ? { lintConfigDir: o.lintConfigDir } : {}),
  });
  try {
    const { problem } = await snapshotOf(api, 'workspace.configChanged', {});
    if (problem) throw new CliError(problem, EXIT.usage);
    const all = await api.call('servers.list', {});
    const ids = all.map((s) => s.config.id);
    let serverId = o.server;
    if (serverId === undefined) {
      if (all.length !== 1) {
        throw new CliError(
          all.length === 0
            ? `the workspace ${workspaceDir} has no servers`
            : `the workspace has ${all.length} servers: pick one with --server (${ids.join(', ')})`,
          EXIT.usage,
        );
      }
      serverId = ids[0]!;
    } else if (!ids.includes(serverId)) {
      throw new CliError(`no server "${serverId}" in ${workspaceDir} (servers: ${ids.join(', ') || 'none'})`, EXIT.usage);
    }
    if (o.overrides) {
      const transport = all.find((s) => s.config.id === serverId)!.config.transport;
      // Said in the flags' words before the engine refuses the same in its own.
      if (transport !== 'stdio' && o.overrides.env.length)
        throw new CliError(`--env sets the environment of a server started from a command; "${serverId}" is reached by URL`, EXIT.usage);
      if (transport === 'sse' && o.overrides.protocol === STATELESS_PROTOCOL_VERSION)
        throw new CliError(
          `--protocol ${STATELESS_PROTOCOL_VERSION} needs Streamable HTTP: "${serverId}" speaks HTTP+SSE, the initialize era only`,
          EXIT.usage,
        );
      const { env, clientFeatures, protocol } = o.overrides;
      // For this run only: flags on a command line never end up in the user's mcp-lab.json.
      await api
        .call('servers.overrideForRun', {
          serverId,
          env: env.map((e) => ({ key: e.key, value: e.value ?? '' })),
          clientFeatures,
          ...(protocol ? { protocol } : {}),
        })
        .catch((e: unknown) => {
          throw e instanceof ApiError && e.code === 'InvalidParams' ? new CliError(e.message, EXIT.usage) : e;
        });
    }
    const summary = await unlessInterrupted(startMaybeDebugged(api, serverId, o.breakpoints), signal, 'while the server was starting');
    if (summary.status.state !== 'ready') throw new CliError(`server did not start: ${describeFailure(summary.status)}`, EXIT.serverFailed);
    return { api, serverId, summary, dispose };
  } catch (e) {
    await dispose();
    throw e;
  }
}

/** What the command line sets for this run over a workspace server's configuration. */
export interface RunOverrides {
  env: EnvEntry[];
  clientFeatures: Partial<ClientFeaturesInput>;
  protocol?: ProtocolPin;
}

function describeFailure(s: ServerStatus): string {
  if (s.state !== 'failed' && s.state !== 'crashed') return `the server is ${s.state}`;
  const hint = 'hint' in s && s.hint ? `\n${s.hint}` : '';
  return `${s.message}${hint}${s.stderrTail.length ? `\n--- last stderr lines ---\n${s.stderrTail.join('\n')}` : ''}`;
}
