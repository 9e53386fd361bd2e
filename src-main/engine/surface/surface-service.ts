import { randomBytes } from 'node:crypto';
import { Emitter, type Event } from '../../../src-shared/base/event';
import { Disposable } from '../../../src-shared/base/lifecycle';
import type { ReloadEvent } from '../../../src-shared/api/schemas/reload';
import type { ServerSurface, SurfaceVersion } from '../../../src-shared/api/schemas/surface';
import { buildSurface, surfaceText } from '../../../src-shared/surface/build-surface';
import type { Clock } from '../base/clock';
import { notReady } from '../handlers/not-ready';
import type { ServerManager } from '../servers/server-manager';
import type { ServerSession } from '../servers/server-session';
import type { SurfaceStore } from './surface-store';

/** The surface of a server as its last run listed it; undefined before its first handshake. */
export function surfaceOf(session: ServerSession): ServerSurface | undefined {
  const info = session.info;
  if (!info) return undefined;
  return buildSurface({
    info,
    tools: session.listedTools().tools,
    resources: session.catalog.resources.resources,
    resourceTemplates: session.catalog.resources.resourceTemplates,
    prompts: session.catalog.prompts.prompts,
  });
}

/**
 * Records each server's surface whenever a run becomes ready (a start, a restart, a hot reload),
 * as a new version when it differs from the last one recorded, so that the Info tab can show what
 * changed since any earlier version.
 */
export class SurfaceService extends Disposable {
  private readonly _onDidChange = this._register(new Emitter<{ serverId: string; versions: SurfaceVersion[] }>());
  readonly onDidChange = this._onDidChange.event;
  /** The ready run last recorded per server (its `since`): one record per run. */
  private readonly recordedRun = new Map<string, number>();
  /** Servers a hot reload is restarting: their next record is a reload's. */
  private readonly reloading = new Set<string>();
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly servers: ServerManager,
    private readonly versionStore: SurfaceStore,
    private readonly clock: Clock,
    onDidReload?: Event<ReloadEvent>,
  ) {
    super();
    this._register(servers.onDidChange(() => this.noticeReadyRuns()));
    if (onDidReload) this._register(onDidReload((e) => e.state === 'restarting' && this.reloading.add(e.serverId)));
    this.noticeReadyRuns();
  }

  /** The server's surface now; ServerNotReady before its first handshake. */
  current(serverId: string): ServerSurface {
    const session = this.servers.get(serverId);
    const s = surfaceOf(session);
    if (!s || session.status.state !== 'ready') throw notReady(this.servers.summary(serverId));
    return s;
  }

  /** Recorded versions, newest first (loaded from disk on first use). */
  versions(serverId: string): Promise<SurfaceVersion[]> {
    return this.versionStore.versions(serverId);
  }

  /** For the stream's first event: what is loaded now; a load still to come arrives as a change. */
  loadedVersions(serverId: string): SurfaceVersion[] {
    const cached = this.versionStore.cached(serverId);
    if (cached) return cached;
    void this.versionStore.versions(serverId).then((versions) => this._onDidChange.fire({ serverId, versions }));
    return [];
  }

  /** Resolves when every record asked for so far is done and saved. */
  async whenRecorded(): Promise<void> {
    await this.pending;
    await this.versionStore.flushed();
  }

  private noticeReadyRuns(): void {
    for (const session of this.servers.sessions()) {
      const status = session.status;
      if (status.state !== 'ready' || this.recordedRun.get(session.id) === status.since) continue;
      this.recordedRun.set(session.id, status.since);
      const trigger = this.reloading.delete(session.id) ? 'reload' : 'start';
      const surface = surfaceOf(session);
      if (surface) this.pending = this.pending.then(() => this.record(session.id, surface, trigger)).catch(() => undefined);
    }
  }

  private async record(serverId: string, surface: ServerSurface, trigger: SurfaceVersion['trigger']): Promise<void> {
    const versions = await this.versionStore.versions(serverId);
    if (versions[0] && surfaceText(versions[0].surface) === surfaceText(surface)) return; // nothing changed since the last one
    const recordedAt = this.clock.now();
    const list = await this.versionStore.add(serverId, {
      id: `${recordedAt.toString(36)}-${randomBytes(3).toString('hex')}`,
      recordedAt,
      trigger,
      surface,
    });
    this._onDidChange.fire({ serverId, versions: list });
  }
}
