import type { IDisposable } from '../../../src-shared/base/lifecycle';
import type { ServerConnection } from '../mcp/connection-base';

/**
 * While the debugger holds a server paused, nothing MCP Lab waits for may run out: the calls'
 * timeouts are held on the connection and the health check reports "paused at server.py:42"
 * instead of pinging (a paused server cannot answer). Resuming gives every call its full timeout
 * again, and the health checks go on.
 */
export class PauseGate {
  private hold: IDisposable | undefined;
  private where: string | undefined;
  private _pauses = 0;

  constructor(
    private readonly connection: () => ServerConnection | undefined,
    private readonly changed: () => void,
  ) {}

  /** Where the server is paused ("server.py:42"), or undefined while it runs. */
  get pausedAt(): string | undefined {
    return this.where;
  }

  /** How many times it was paused so far: a waiter that saw another count knows a pause came in between. */
  get pauses(): number {
    return this._pauses;
  }

  pause(where: string): void {
    if (this.where === undefined) this._pauses++;
    this.where = where;
    this.hold ??= this.connection()?.holdTimeouts();
    this.changed();
  }

  /** A connection came while paused (a breakpoint during the start): its requests wait too. */
  connected(): void {
    if (this.where !== undefined) this.hold ??= this.connection()?.holdTimeouts();
  }

  resume(): void {
    if (this.where === undefined && !this.hold) return;
    this.where = undefined;
    this.hold?.dispose();
    this.hold = undefined;
    this.changed();
  }
}
