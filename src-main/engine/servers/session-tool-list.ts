import type { ToolList } from '../../../src-shared/api/schemas/tool';
import type { Clock } from '../base/clock';
import { keptFreshNote, withFreshness } from '../mcp/cache-hints';
import type { ServerConnection } from '../mcp/connection-base';
import { mcpErrorParts } from '../mcp/outcome-errors';

/** What the tool list tells its session. */
export interface ToolListHost {
  readonly serverId: string;
  readonly clock: Clock;
  lifecycle(level: 'info' | 'error', text: string): void;
  /** A new list arrived. */
  listed(list: ToolList): void;
}

/**
 * A server's tools as last listed, with the list's cache hint: a remote server's new connection
 * keeps the list while its hint still holds; a changed URL or credentials forget the hint.
 */
export class SessionToolList {
  private _current: ToolList | undefined;

  constructor(private readonly host: ToolListHost) {}

  get current(): ToolList | undefined {
    return this._current;
  }

  /** The list as last listed, or an empty one before any. */
  listed(): ToolList {
    return this._current ?? { serverId: this.host.serverId, tools: [], pages: 0, listedAt: 0 };
  }

  /** Another URL or other credentials may list other things: no list is kept for its cache hint. */
  forgetCacheHint(): void {
    if (!this._current?.cache) return;
    const { cache: _dropped, ...list } = this._current;
    this._current = list;
  }

  /** List the tools again; `isCurrent` turns false when the run this was asked for is over. */
  async refresh(conn: ServerConnection, isCurrent: () => boolean, emitLifecycle = true, keepFresh = false): Promise<void> {
    const { clock } = this.host;
    const caps = conn.serverInfo.capabilities;
    const kept = keepFresh && caps.tools ? keptFreshNote('tools/list', this._current?.cache, clock.now()) : undefined;
    if (kept) return this.host.lifecycle('info', kept);
    try {
      const { tools, pages, cache } = caps.tools ? await conn.listTools() : { tools: [], pages: 0, cache: undefined };
      if (!isCurrent()) return;
      const listedAt = clock.now();
      const hint = withFreshness(cache, listedAt);
      this._current = { serverId: this.host.serverId, tools, pages, listedAt, ...(hint ? { cache: hint } : {}) };
      if (emitLifecycle) this.host.lifecycle('info', `tool list changed: ${tools.length} tools`);
      this.host.listed(this._current);
    } catch (e) {
      if (!isCurrent()) return;
      const parts = mcpErrorParts(e);
      this.host.lifecycle('error', `tools/list failed: ${parts?.message ?? (e instanceof Error ? e.message : String(e))}`);
    }
  }
}
