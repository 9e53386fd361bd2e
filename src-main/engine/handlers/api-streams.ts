import { Event } from '../../../src-shared/base/event';
import type { ApiStreams } from '../../../src-shared/api/contract';
import type { LogService } from '../logs/log-service';
import type { MetricsService } from '../metrics/metrics-service';
import type { ActiveCalls } from '../servers/active-calls';
import type { ServerManager } from '../servers/server-manager';
import { followServers } from './server-filter';
import { replayThen, snapshotStream } from './stream-helpers';

export interface StreamDeps {
  servers: ServerManager;
  logs: LogService;
  metrics: MetricsService;
  active: ActiveCalls;
}

/** The core streams; other domains serve theirs from their own handler files. */
export type CoreStreams =
  'servers.changed' | 'tools.changed' | 'logs.appended' | 'logs.cleared' | 'metrics.sampled' | 'metrics.toolStatsChanged' | 'calls.active';

export function createApiStreams({ servers, logs, metrics, active }: StreamDeps): Pick<ApiStreams, CoreStreams> {
  return {
    'servers.changed': (_p, emit) => snapshotStream(() => servers.list(), [servers.onDidChange], emit),

    'tools.changed': ({ serverId }, emit) =>
      followServers(servers, serverId, (session) => snapshotStream(() => session.listedTools(), [session.onDidChangeTools], emit, 0)),

    'logs.appended': ({ serverId, afterSeq }, emit) => {
      // The replay may already hold entries of a batch that is about to be flushed: the cursor
      // filters them out of the live side, so nothing arrives twice.
      let cursor = afterSeq;
      return replayThen(
        () => {
          const batch = logs.since(serverId, afterSeq);
          cursor = Math.max(cursor, batch.entries.at(-1)?.seq ?? logs.lastSeq);
          return batch;
        },
        Event.filter(
          Event.map(logs.onDidAppend, (b) => ({
            entries: b.entries.filter((e) => e.seq > cursor && (serverId === undefined || e.serverId === serverId)),
            missed: 0,
          })),
          (b) => b.entries.length > 0,
        ),
        emit,
      );
    },

    'logs.cleared': (_p, emit) => logs.onDidClear(emit),

    'metrics.sampled': ({ serverId }, emit) => {
      const mine = <T extends { serverId: string }>(xs: T[]) => (serverId === undefined ? xs : xs.filter((x) => x.serverId === serverId));
      const d = replayThen(
        () => ({ samples: metrics.recent(serverId), marks: metrics.marks(serverId) }),
        Event.filter(
          Event.map(metrics.onDidSample, (s) => ({ samples: mine(s) })),
          (b) => b.samples.length > 0,
        ),
        emit,
      );
      const marks = Event.filter(
        metrics.onDidMark,
        (m) => serverId === undefined || m.serverId === serverId,
      )((m) => emit({ samples: [], marks: [m] }));
      return { dispose: () => (d.dispose(), marks.dispose()) };
    },

    'metrics.toolStatsChanged': ({ serverId }, emit) =>
      snapshotStream(() => metrics.toolStats(serverId), [metrics.onDidChangeToolStats], emit, 0),

    'calls.active': (_p, emit) => snapshotStream(() => active.snapshot(), [active.onDidChange], emit, 0),
  };
}
