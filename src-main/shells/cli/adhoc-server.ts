import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ApiClient } from '../../../src-shared/api/api-client';
import type { EnvEntry, ServerSummary } from '../../../src-shared/api/schemas/server';
import { STATELESS_PROTOCOL_VERSION, type ProtocolPin } from '../../../src-shared/api/schemas/protocol';
import { appDataDir } from '../common/app-paths';
import { connectInProcess } from '../common/connect-in-process';
import { CliError, EXIT, unlessInterrupted } from './exit-codes';
import { startWorkspaceServer } from './workspace-server';
import { clientFeaturesFromFlags, type ClientFeatureFlags } from './client-feature-options';
import { printSignInRequests, remoteInputFromFlags, type RemoteFlags } from './remote-options';
import { formatTrace } from '../../../src-shared/oauth/format-trace';
import { escapeControls } from './terminal-text';
import { withServerOutput } from './server-output';
import { startMaybeDebugged } from './debug-session';
import { snapshotOf } from './follow-stream';
import type { FileBreakpoints } from '../../../src-shared/api/schemas/debug';

export interface AdhocOptions extends ClientFeatureFlags, RemoteFlags {
  command: string[];
  env: string[];
  inheritEnv: boolean;
  handshakeTimeoutMs: number;
  /** A workspace folder whose configured server to start instead of `-- <command>`. */
  workspace?: string | undefined;
  /** Which server of --workspace (needed when it has several). */
  server?: string | undefined;
  /** `--stderr` / `-v`: stream the server's stderr, log messages and progress to ours. */
  stderr?: boolean;
  /** Protocol revision for a `-- <command>` server (`auto` by default). */
  protocol?: ProtocolPin | undefined;
  /** Start under the debugger with these breakpoints (`call --break`). */
  breakpoints?: FileBreakpoints[] | undefined;
  /** Where `.mcp-lab/lint.json` is read (`lint --config`); default the workspace. */
  lintConfigDir?: string | undefined;
}

export interface AdhocSession {
  api: ApiClient;
  serverId: string;
  summary: ServerSummary;
  dispose(): Promise<void>;
}

/**
 * Start one server given on the command line (`-- <command> [args…]`) in a throwaway workspace,
 * and talk to it through the same contract the UI uses.
 */
export async function startAdhocServer(o: AdhocOptions, signal?: AbortSignal): Promise<AdhocSession> {
  const s = await startServer(o, signal);
  return o.stderr ? withServerOutput(s, process.stderr) : s;
}

async function startServer(o: AdhocOptions, signal?: AbortSignal): Promise<AdhocSession> {
  // --url: a remote server instead of a command; checked first so a conflict is named.
  const remote = remoteInputFromFlags(o);
  const flagEnv = o.env.map((kv) => {
    const i = kv.indexOf('=');
    if (i <= 0) throw new CliError(`--env expects KEY=VALUE, got "${kv}"`, EXIT.usage);
    return { key: kv.slice(0, i), value: kv.slice(i + 1), secret: false };
  });
  const clientFeatures = clientFeaturesFromFlags(o);
  if (o.workspace !== undefined) {
    if (o.command.length) throw new CliError('give either --workspace or a command after --, not both', EXIT.usage);
    // Only what a flag says replaces the workspace's settings; the rest stays as configured.
    const given = {
      ...(o.samplingReply !== undefined ? { sampling: clientFeatures.sampling } : {}),
      ...(o.elicit !== undefined ? { elicitation: clientFeatures.elicitation } : {}),
      ...(o.root?.length ? { roots: clientFeatures.roots } : {}),
    };
    const overrides = { env: flagEnv, clientFeatures: given, ...(o.protocol && o.protocol !== 'auto' ? { protocol: o.protocol } : {}) };
    return startWorkspaceServer(
      {
        workspace: o.workspace,
        server: o.server,
        handshakeTimeoutMs: o.handshakeTimeoutMs,
        overrides,
        breakpoints: o.breakpoints,
        lintConfigDir: o.lintConfigDir,
      },
      signal,
    );
  }
  if (o.server !== undefined) throw new CliError('--server picks a server of --workspace: give --workspace too', EXIT.usage);
  const [command, ...args] = o.command;
  if (!command && !remote)
    throw new CliError('no server command given: put it after `--`, e.g. `mcp-lab tools -- node server.js`', EXIT.usage);
  const env: EnvEntry[] = [];
  if (o.inheritEnv)
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key) env.push({ key, value, secret: false });
  env.push(...flagEnv);
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-cli-'));
  // One process for good: no need to copy every message through JSON.
  const { api, dispose: disconnect } = await connectInProcess(
    {
      recordHistory: false, // a throwaway workspace: nobody would ever see this history
      workspaceDir: tmp,
      appDataDir: tmp,
      host: 'cli',
      secrets: 'memory',
      ...(o.lintConfigDir !== undefined ? { lintConfigDir: o.lintConfigDir } : {}),
      handshakeTimeoutMs: o.handshakeTimeoutMs,
      ...(o.signInTimeoutMs !== undefined ? { signInTimeoutMs: o.signInTimeoutMs } : {}),
      // Large resources outlive the command (a --json reply points at them): the app's downloads folder.
      downloadsDir: path.join(appDataDir(), 'downloads'),
    },
    { clone: false },
  );
  const dispose = async () => {
    await disconnect();
    await rm(tmp, { recursive: true, force: true });
  };
  try {
    if (remote?.transport === 'sse' && o.protocol === STATELESS_PROTOCOL_VERSION)
      throw new CliError(
        `--protocol ${STATELESS_PROTOCOL_VERSION} needs Streamable HTTP: HTTP+SSE speaks the initialize era only`,
        EXIT.usage,
      );
    const pin = o.protocol && o.protocol !== 'auto' ? { protocol: o.protocol } : {};
    const added = await api.call(
      'servers.add',
      remote
        ? { ...remote, clientFeatures, ...pin }
        : {
            id: 'server',
            name: path.basename(command!),
            transport: 'stdio',
            command: command!,
            args,
            cwd: process.cwd(),
            env,
            clientFeatures,
            ...pin,
          },
    );
    // Printed for the whole command: a server may ask again later (a 401, or a 403 for more scope).
    const signIn = remote ? printSignInRequests(api, added.config.id, process.stderr) : undefined;
    const summary = await unlessInterrupted(
      startMaybeDebugged(api, added.config.id, o.breakpoints),
      signal,
      'while the server was starting',
    ).catch((e: unknown) => {
      signIn?.dispose();
      throw e;
    });
    if (summary.status.state !== 'ready') {
      const s = summary.status;
      const detail =
        s.state === 'failed' || s.state === 'crashed'
          ? `${s.message}${'hint' in s && s.hint ? `\n${s.hint}` : ''}${s.stderrTail.length ? `\n--- last stderr lines ---\n${s.stderrTail.join('\n')}` : ''}`
          : `the server is ${s.state}`;
      // A sign-in that went wrong explains itself step by step (all of them with --oauth-steps).
      const { traces } = await snapshotOf(api, 'oauth.traced', { serverId: added.config.id });
      const trace = traces.at(-1);
      const steps = trace && (trace.state === 'failed' || o.oauthSteps) ? `\n\n${formatTrace(trace, !!o.oauthSteps)}` : '';
      signIn?.dispose();
      throw new CliError(`server did not start: ${detail}${steps}`, EXIT.serverFailed);
    }
    const printSteps = async () => {
      if (!o.oauthSteps) return;
      const { traces } = await snapshotOf(api, 'oauth.traced', { serverId: added.config.id });
      for (const t of traces) process.stderr.write(`${escapeControls(formatTrace(t, true))}\n`);
    };
    return {
      api,
      serverId: added.config.id,
      summary,
      dispose: async () => {
        signIn?.dispose();
        await printSteps();
        await dispose();
      },
    };
  } catch (e) {
    await dispose();
    throw e;
  }
}
