import type { ApiHandlers, ApiStreams } from '../../../src-shared/api/contract';
import { Event } from '../../../src-shared/base/event';
import type { ServerManager } from '../servers/server-manager';
import type { TaskRegistry } from '../tasks/task-registry';
import { followServers } from './server-filter';
import { snapshotStream } from './stream-helpers';

export function createTaskHandlers(tasks: TaskRegistry, servers: ServerManager): Pick<ApiHandlers, 'tasks.cancel'> {
  return {
    'tasks.cancel': async ({ serverId, taskId }) => {
      servers.get(serverId); // an unknown server is NotFound, like every per-server method
      return { cancelled: await tasks.cancel(serverId, taskId) };
    },
  };
}

export function createTaskStreams(tasks: TaskRegistry, servers: ServerManager): Pick<ApiStreams, 'tasks.changed'> {
  return {
    'tasks.changed': ({ serverId }, emit) =>
      followServers(servers, serverId, ({ config: { id } }) =>
        snapshotStream(
          () => ({ serverId: id, tasks: tasks.list(id) }),
          [Event.filter(tasks.onDidChange, (changed) => changed === id)],
          emit,
        ),
      ),
  };
}
