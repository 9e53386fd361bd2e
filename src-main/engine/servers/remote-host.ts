import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { DisposableStore } from '../../../src-shared/base/lifecycle';
import { enabledClientFeatures, resolveClientFeatures, type ClientFeatureName } from '../../../src-shared/api/schemas/client-features';
import type { OAuthStatus, ServerConfig, ServerStatus } from '../../../src-shared/api/schemas/server';
import { clientCapabilities, type ClientRequestsHandle } from '../mcp/client-requests';
import type { ServerConnection } from '../mcp/connection-base';
import type { ExitFacts } from '../mcp/request-outcome';
import { OAUTH_KEYS } from '../remote/remote-secrets';
import { storedOAuthStatus } from '../remote/oauth-status';
import type { RemoteFailure } from '../remote/remote-errors';
import type { RemoteEra } from '../remote/remote-era';
import type { RemoteHost } from '../remote/remote-start';
import type { RemoteLink } from '../remote/remote-link';
import { connectionLogHooks, recordInto } from './connection-wiring';
import { connectEra } from './era-connect';
import type { SessionDeps } from './session-deps';

/** The parts of a session the remote start works through (built by ServerSession.remoteAccess). */
export interface SessionAccess {
  generation(): number;
  setStatus(s: ServerStatus): void;
  lifecycle(level: 'info' | 'warning' | 'error', text: string): void;
  changed(): void;
  beginRun(link: RemoteLink): DisposableStore;
  adopt(conn: ServerConnection, requests: ClientRequestsHandle, declared: ClientFeatureName[]): void;
  completeStart(gen: number, conn: ServerConnection, run: DisposableStore): Promise<void>;
  crash(message: string): void;
  cleanupRun(): void;
}

interface SessionLike {
  readonly id: string;
  readonly config: ServerConfig;
  readonly status: ServerStatus;
}

/** Failures worth another try when the restart policy reconnects (the server may be on its way back). */
const RETRY_ON_RECONNECT = new Set<RemoteFailure['kind']>(['unreachable', 'httpError', 'handshakeTimeout', 'handshakeError']);

export function createRemoteHost(session: SessionLike, deps: SessionDeps, access: SessionAccess, automatic: boolean): RemoteHost {
  const logs = deps.logs;
  return {
    id: session.id,
    deps,
    isCurrent: (gen) => gen === access.generation(),
    setStatus: (s) => access.setStatus(s),
    lifecycle: (level, text) => access.lifecycle(level, text),
    changed: () => access.changed(),
    beginRun: (link) => access.beginRun(link),
    connect: async (run: DisposableStore, transport: Transport, exited: Promise<ExitFacts>, era: RemoteEra) => {
      const id = session.id;
      const tap = recordInto(transport, id, logs, deps.clock);
      const declared = enabledClientFeatures(session.config.clientFeatures);
      const hooks = connectionLogHooks(id, logs);
      const result = await connectEra({
        tap,
        exited,
        pin: era.pin,
        handshakeTimeoutMs: deps.handshakeTimeoutMs,
        skipProbe: era.skipReason !== undefined,
        ...(era.skipReason !== undefined ? { skipReason: era.skipReason } : {}),
        probeRefused: era.probeRefused,
        enabledFeatures: () => enabledClientFeatures(session.config.clientFeatures),
        connection: {
          clock: deps.clock,
          serverId: id,
          exited,
          wording: deps.wording,
          capabilities: clientCapabilities(declared),
          ...(deps.hardMaxCallMs !== undefined ? { hardMaxCallMs: deps.hardMaxCallMs } : {}),
          ...hooks,
        },
        requests: {
          serverId: id,
          declared,
          features: () => resolveClientFeatures(session.config.clientFeatures),
          workspaceDir: deps.workspaceDir,
          pending: deps.clientRequests,
          log: hooks.log,
          wording: deps.wording,
        },
        onConnection: (conn, requests) => {
          run.add(conn);
          era.onConnection(conn);
          access.adopt(conn, run.add(requests), declared);
        },
      });
      // Over HTTP a probe that got no answer at all is a failure of the request: probeRefused says which.
      if (result.kind === 'probeClosed') throw new Error(result.reason);
      return result.conn;
    },
    completeStart: (gen, conn, run) => access.completeStart(gen, conn, run),
    lost: (gen, message) => {
      const state = session.status.state;
      if (gen !== access.generation() || (state !== 'ready' && state !== 'starting')) return;
      access.lifecycle('error', message);
      access.crash(message);
    },
    fail: (f) => {
      if (automatic && RETRY_ON_RECONNECT.has(f.kind)) {
        // The restart policy is bringing it back: another failed try counts as another loss, with backoff.
        access.lifecycle('error', `reconnecting failed: ${f.message}`);
        access.crash(`connection lost: reconnecting failed: ${f.message}`);
        return;
      }
      access.lifecycle('error', `could not connect: ${f.message}`);
      access.setStatus({
        state: 'failed',
        since: deps.clock.now(),
        kind: f.kind,
        message: f.message,
        ...(f.hint ? { hint: f.hint } : {}),
        stderrTail: [],
      });
      access.cleanupRun();
    },
  };
}

/** The OAuth state for the server summary: the live link's while running, else what is stored. */
export function remoteOAuthStatus(
  config: ServerConfig,
  link: RemoteLink | undefined,
  secrets: SessionDeps['secrets'],
): OAuthStatus | undefined {
  if (config.transport === 'stdio') return undefined;
  return link?.oauthStatus() ?? storedOAuthStatus(config.id, secrets);
}

/** Forget the tokens (a sign-in in progress is called off); the client registration stays. */
export async function signOutRemote(config: ServerConfig, link: RemoteLink | undefined, deps: SessionDeps): Promise<void> {
  if (config.transport === 'stdio') return;
  if (link) await link.provider.signOut();
  else await deps.secrets.set?.(config.id, OAUTH_KEYS.tokens, ''); // the store has no delete: empty means none
  deps.logs.append(config.id, { source: 'lifecycle', level: 'info', text: 'signed out: the OAuth tokens were forgotten' });
}
