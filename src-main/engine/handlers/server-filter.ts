import { DisposableStore, type IDisposable } from '../../../src-shared/base/lifecycle';
import type { ServerManager } from '../servers/server-manager';
import type { ServerSession } from '../servers/server-session';

/**
 * The one rule for a stream's `serverId`: an optional filter. With it the stream follows that
 * server (NotFound when there is none); without it, every server, those added later included,
 * and each event names its server. `follow` starts following one server and returns how to stop.
 */
export function followServers(
  servers: ServerManager,
  serverId: string | undefined,
  follow: (session: ServerSession) => IDisposable,
): IDisposable {
  if (serverId !== undefined) return follow(servers.get(serverId));
  const d = new DisposableStore();
  const followed = new Map<ServerSession, IDisposable>();
  const sync = () => {
    const live = new Set(servers.sessions());
    for (const [session, sub] of followed)
      if (!live.has(session)) {
        followed.delete(session);
        sub.dispose();
      }
    for (const session of live) if (!followed.has(session)) followed.set(session, follow(session));
  };
  d.add({ dispose: () => followed.forEach((sub) => sub.dispose()) });
  d.add(servers.onDidChange(sync));
  sync();
  return d;
}
