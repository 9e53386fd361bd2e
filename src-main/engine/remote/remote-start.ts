import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { DisposableStore } from '../../../src-shared/base/lifecycle';
import type { RemoteServerConfig, ServerStatus } from '../../../src-shared/api/schemas/server';
import type { ExitFacts } from '../mcp/request-outcome';
import type { ServerConnection } from '../mcp/connection-base';
import type { SessionDeps } from '../servers/session-deps';
import { tokenSecrets } from './oauth-status';
import type { StoredTokens } from './oauth-provider';
import { describeRemoteFailure, type RemoteFailure } from './remote-errors';
import { remoteEra, type RemoteEra } from './remote-era';
import { RemoteLink } from './remote-link';
import { oauthCredentials, resolveHeaders } from './remote-secrets';
import { loadSdkClasses } from '../mcp/sdk-classes';

/** What the remote start needs from its session (the session keeps its state private). */
export interface RemoteHost {
  readonly id: string;
  readonly deps: SessionDeps;
  isCurrent(gen: number): boolean;
  setStatus(s: ServerStatus): void;
  lifecycle(level: 'info' | 'warning' | 'error', text: string): void;
  changed(): void;
  /** A new run that holds the link (closed and released when the run ends). */
  beginRun(link: RemoteLink): DisposableStore;
  /**
   * A connection over this transport in the era `era` picks (server/discover first, or
   * initialize), recorded into the log, owned by the run; throws what the handshake throws.
   */
  connect(run: DisposableStore, transport: Transport, exited: Promise<ExitFacts>, era: RemoteEra): Promise<ServerConnection>;
  /** After the handshake: list tools, resources and prompts, then ready (as for a process). */
  completeStart(gen: number, conn: ServerConnection, run: DisposableStore): Promise<void>;
  /** The connection went away after it was up: a crash without a process. */
  lost(gen: number, message: string): void;
  /** The start failed: a status that says what to do. */
  fail(f: RemoteFailure): void;
}

export const TRANSPORT_NAMES = { http: 'Streamable HTTP', sse: 'HTTP+SSE' } as const;
/** How long a person has to approve a sign-in in the browser. */
export const DEFAULT_SIGN_IN_TIMEOUT_MS = 5 * 60_000;

/**
 * Start a remote server: connect by URL with its headers, sign in with OAuth when the server asks
 * for it (then connect again, once), and watch the connection once it is up. Later refusals are
 * the OAuth session's (it signs in again within the request).
 */
export async function startRemote(host: RemoteHost, gen: number, cfg: RemoteServerConfig): Promise<void> {
  const { clock, logs } = host.deps;
  const { headers, secretValues } = resolveHeaders(cfg, host.deps.secrets);
  // Header secrets and OAuth tokens never reach the log, whatever the server echoes.
  const credentials = oauthCredentials(cfg, host.deps.secrets);
  const redact = (t: StoredTokens | undefined) =>
    logs.setSecrets(host.id, [...secretValues, ...Object.values(credentials), ...tokenSecrets(t)]);
  host.setStatus({ state: 'starting', since: clock.now(), phase: 'connecting' });
  const names = Object.keys(headers);
  host.lifecycle(
    'info',
    `connecting to ${cfg.url} (${TRANSPORT_NAMES[cfg.transport]}${names.length ? `; headers: ${names.join(', ')}` : ''})`,
  );
  const link = new RemoteLink(cfg, {
    now: () => clock.now(),
    wording: host.deps.wording,
    secrets: host.deps.secrets,
    headers,
    secretValues,
    credentials,
    signInTimeoutMs: host.deps.signInTimeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS,
    log: (level, text) => host.lifecycle(level, text),
    onTokens: redact,
    onOAuthChanged: () => host.changed(),
    onOAuthTrace: (t) => host.deps.oauthTraces?.publish(t),
  });
  const run = host.beginRun(link);
  // One recorder for sign-ins and traffic: the Network view keeps what it records, masked alike.
  const network = host.deps.network;
  if (network) {
    // Event streams grow after they are recorded: their entries are updated under the same id until they end.
    const open = new Map<number, number>();
    run.add(
      link.recorder.onDidRecord((x) => {
        const id = network.record(host.id, x);
        if (x.responseBody?.stream && x.streamEndedAt === undefined) open.set(x.seq, id);
      }),
    );
    run.add(
      link.recorder.onDidUpdate((x) => {
        const id = open.get(x.seq);
        if (id === undefined) return;
        network.update(host.id, id, x);
        if (x.streamEndedAt !== undefined) open.delete(x.seq);
      }),
    );
  }
  redact(link.provider.storedTokens());
  const exited = link.lost.then((why): ExitFacts => ({ exitCode: null, signal: null, message: `connection lost: ${why}`, stderrTail: [] }));

  await loadSdkClasses();
  let conn: ServerConnection | undefined;
  for (let attempt = 1; !conn; attempt++) {
    let made: ServerConnection | undefined;
    const era = remoteEra(
      cfg,
      link.facts,
      () => link.signInChallenge() !== undefined,
      (c) => (made = c),
    );
    try {
      conn = await host.connect(run, link.createTransport(), exited, era);
    } catch (first) {
      let e: unknown = first;
      await (made as ServerConnection | undefined)?.close();
      if (!host.isCurrent(gen)) return;
      const challenge = attempt === 1 ? link.signInChallenge() : undefined;
      try {
        if (challenge) {
          host.setStatus({ state: 'starting', since: clock.now(), phase: 'authorizing' });
          await link.oauth.signIn(challenge);
          if (!host.isCurrent(gen)) return;
          host.setStatus({ state: 'starting', since: clock.now(), phase: 'connecting' });
          continue;
        }
      } catch (signInError) {
        e = signInError;
      }
      if (!host.isCurrent(gen)) return;
      // Signed in, and the server refused the token anyway: say so in the words of the sign-in steps.
      const refused = attempt > 1 ? link.refusedAfterSignIn() : undefined;
      host.fail(
        refused ??
          describeRemoteFailure(e, link.facts, {
            transport: cfg.transport,
            hasAuthHeader: link.hasAuthHeader,
            handshakeTimeoutMs: host.deps.handshakeTimeoutMs,
            wording: host.deps.wording,
          }),
      );
      return;
    }
  }
  if (!host.isCurrent(gen)) return;
  link.arm();
  void exited.then((f) => host.lost(gen, f.message));
  await host.completeStart(gen, conn, run);
}
