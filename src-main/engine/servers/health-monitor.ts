import { Disposable } from '../../../src-shared/base/lifecycle';
import type { Clock } from '../base/clock';
import { ping } from '../mcp/server-requests';
import type { ServerManager } from './server-manager';

export interface HealthOptions {
  /** How often each running server is pinged. */
  intervalMs?: number;
  /** How long a ping may take before the server counts as unresponsive. */
  timeoutMs?: number;
}

/**
 * Pings every running server now and then, so a server that hangs (a blocked event loop, a
 * deadlock) shows as "unresponsive" even when nobody is calling it. The pings are logged at debug
 * level: they are ours, not the user's. A 2026-07-28 server has no ping: it is asked
 * `server/discover` instead (the health record names the method). A server the debugger holds
 * paused is not pinged: its health says where it is paused.
 */
export class HealthMonitor extends Disposable {
  private busy = false;

  constructor(
    private readonly servers: ServerManager,
    private readonly clock: Clock,
    private readonly o: Required<HealthOptions> = { intervalMs: 15_000, timeoutMs: 5_000 },
  ) {
    super();
    this._register(clock.setInterval(() => void this.checkAll(), o.intervalMs, { unref: true }));
  }

  /** One round over every ready server (also what the timer runs). */
  async checkAll(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      await Promise.all(
        this.servers.sessions().map(async (session) => {
          const conn = session.readyConnection;
          if (!conn) return;
          // A server the debugger holds cannot answer: it is paused, not unresponsive. Checks go on once it runs.
          const pausedAt = session.pause.pausedAt;
          if (pausedAt !== undefined) {
            const prev = session.health;
            session.recordHealth({
              state: 'paused',
              lastPingAt: prev?.lastPingAt ?? this.clock.now(),
              lastLatencyMs: prev?.lastLatencyMs ?? null,
              consecutiveFailures: 0,
              message: `paused at ${pausedAt}`,
              ...(prev?.method ? { method: prev.method } : {}),
            });
            return;
          }
          const sentAt = this.clock.now();
          const out = await ping(conn, { timeoutMs: this.o.timeoutMs, quiet: true });
          if (session.readyConnection !== conn) return; // restarted meanwhile: this verdict is stale
          if (session.pause.pausedAt !== undefined) return; // paused meanwhile: the ping waited for the debugger, not for the server
          const prev = session.health;
          const at = this.clock.now();
          const method = out.method;
          if (out.status === 'ok') {
            session.recordHealth({ state: 'ok', lastPingAt: at, lastLatencyMs: out.durationMs, consecutiveFailures: 0, method });
          } else {
            const why =
              out.status === 'timeout'
                ? `no answer to ${method} within ${this.o.timeoutMs / 1000} s`
                : out.status === 'protocolError'
                  ? `${method} failed: ${out.message}`
                  : `${method} ${out.status}`;
            session.recordHealth({
              method,
              state: 'unresponsive',
              lastPingAt: at,
              lastLatencyMs: prev?.lastLatencyMs ?? null,
              consecutiveFailures: (prev?.consecutiveFailures ?? 0) + 1,
              // Since the first unanswered ping was sent: the UI says how long the server has not answered.
              unresponsiveSince: prev?.state === 'unresponsive' && prev.unresponsiveSince !== undefined ? prev.unresponsiveSince : sentAt,
              message: why,
            });
          }
        }),
      );
    } finally {
      this.busy = false;
    }
  }
}
