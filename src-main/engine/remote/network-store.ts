import type { HttpExchange } from '../../../src-shared/api/schemas/http-exchange';
import type { NetworkEntry } from '../../../src-shared/api/schemas/network';
import { Emitter } from '../../../src-shared/base/event';
import { Disposable } from '../../../src-shared/base/lifecycle';

/** How many requests of one server are kept (the oldest fall out first). Bodies are capped by the recorder. */
const KEEP_PER_SERVER = 500;

/**
 * The HTTP traffic of every remote server, across its runs: what each run's recorder saw (the
 * same recorder the sign-in debugger reads, so secrets are masked alike), for the Network view
 * and its HAR export. In memory only, bounded per server.
 */
export class NetworkStore extends Disposable {
  private readonly byServer = new Map<string, NetworkEntry[]>();
  private nextId = 0;
  private readonly _onDidRecord = this._register(new Emitter<{ serverId: string; entry: NetworkEntry }>());
  readonly onDidRecord = this._onDidRecord.event;

  /** Keep a new exchange; returns its id (for `update`). */
  record(serverId: string, x: HttpExchange): number {
    const entry: NetworkEntry = { ...x, id: ++this.nextId };
    const list = this.byServer.get(serverId) ?? [];
    list.push(entry);
    if (list.length > KEEP_PER_SERVER) list.shift();
    this.byServer.set(serverId, list);
    this._onDidRecord.fire({ serverId, entry });
    return entry.id;
  }

  /** An exchange that grew (an event stream's events): replaced under its id and sent again (subscribers merge by id). */
  update(serverId: string, id: number, x: HttpExchange): void {
    const list = this.byServer.get(serverId);
    const i = list?.findIndex((e) => e.id === id) ?? -1;
    if (!list || i < 0) return; // cleared, or fell out
    const entry: NetworkEntry = { ...x, id };
    list[i] = entry;
    this._onDidRecord.fire({ serverId, entry });
  }

  /** Oldest first. */
  list(serverId: string): NetworkEntry[] {
    return [...(this.byServer.get(serverId) ?? [])];
  }

  clear(serverId: string): void {
    this.byServer.delete(serverId);
  }
}
