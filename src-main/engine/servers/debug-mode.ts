import type { DebugRunHooks } from '../debug/debug-run';
import type { ServerConnection } from '../mcp/connection-base';
import type { LogService } from '../logs/log-service';
import { PauseGate } from './pause-gate';

/**
 * Whether a session's runs start under the debugger (Debug) and, while one does, the gate that
 * holds timeouts and health checks while the debugger keeps the server paused. A plain Start
 * turns it off; restarts and hot reloads keep it.
 */
export class DebugMode {
  private on = false;
  /** Held paused by the debugger: timeouts and health checks wait (see pause-gate.ts). */
  readonly pause: PauseGate;

  constructor(
    private readonly serverId: string,
    private readonly logs: Pick<LogService, 'append'>,
    connection: () => ServerConnection | undefined,
    changed: () => void,
  ) {
    this.pause = new PauseGate(connection, changed);
  }

  get enabled(): boolean {
    return this.on;
  }

  /** `debug` as a start asked for it; absent: as the last start. */
  choose(debug: boolean | undefined): void {
    if (debug !== undefined) this.on = debug;
  }

  /** The hooks a run under the debugger reports its pauses to; undefined for a plain run. */
  hooks(): DebugRunHooks | undefined {
    if (!this.on) return undefined;
    return {
      onPause: (where) => this.pause.pause(where),
      onResume: () => this.pause.resume(),
      log: (level, text) => this.logs.append(this.serverId, { source: 'app', level, text }),
    };
  }
}
