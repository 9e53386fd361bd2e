import type { ServerId } from '../../../src-shared/api/schemas/common';
import { type IDisposable, toDisposable } from '../../../src-shared/base/lifecycle';

export interface PerServerStreams extends IDisposable {
  /** Open the stream of servers that appeared, close those of servers that went (and drop their copy). */
  reconcile(serverIds: ServerId[]): void;
}

/**
 * One engine stream per server, opened and closed as servers come and go (bindApiEvents calls
 * `reconcile` with each server snapshot). `open` subscribes for one server; `drop` forgets the
 * store's copy of a server that went away.
 */
export function perServerStreams(open: (serverId: ServerId) => IDisposable, drop: (serverId: ServerId) => void): PerServerStreams {
  const perServer = new Map<ServerId, IDisposable>();
  const closeAll = toDisposable(() => {
    for (const sub of perServer.values()) sub.dispose();
    perServer.clear();
  });
  return {
    reconcile(ids) {
      const wanted = new Set(ids);
      for (const [id, sub] of perServer) {
        if (wanted.has(id)) continue;
        sub.dispose();
        perServer.delete(id);
        drop(id);
      }
      for (const id of ids) if (!perServer.has(id)) perServer.set(id, open(id));
    },
    dispose: () => closeAll.dispose(),
  };
}
