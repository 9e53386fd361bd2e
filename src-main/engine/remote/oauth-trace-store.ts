import type { OAuthTrace } from '../../../src-shared/api/schemas/oauth-trace';
import { Emitter } from '../../../src-shared/base/event';
import { Disposable } from '../../../src-shared/base/lifecycle';

/** How many sign-ins of a server are kept (newest first out of the way last). */
const KEEP_PER_SERVER = 10;

/**
 * The sign-ins of every remote server, as described steps, for the sign-in debugger (the app's
 * view and `mcp-lab … -v`). In memory only: traces hold masked traffic, and they are for now.
 */
export class OAuthTraceStore extends Disposable {
  private readonly byServer = new Map<string, OAuthTrace[]>();
  private readonly _onDidChange = this._register(new Emitter<OAuthTrace>());
  /** A trace was added or changed (it is sent whole). */
  readonly onDidChange = this._onDidChange.event;

  publish(t: OAuthTrace): void {
    const list = this.byServer.get(t.serverId) ?? [];
    const i = list.findIndex((x) => x.id === t.id);
    if (i === -1) {
      list.push(t);
      if (list.length > KEEP_PER_SERVER) list.shift();
    } else list[i] = t;
    this.byServer.set(t.serverId, list);
    this._onDidChange.fire(t);
  }

  /** Oldest first. */
  list(serverId: string): OAuthTrace[] {
    return [...(this.byServer.get(serverId) ?? [])];
  }

  latest(serverId: string): OAuthTrace | undefined {
    return this.byServer.get(serverId)?.at(-1);
  }
}
