import type { ApiHandlers, ApiStreams } from '../../../src-shared/api/contract';
import { Event } from '../../../src-shared/base/event';
import type { HotReload } from '../reload/hot-reload';
import { replayThen } from './stream-helpers';
import type { ToolBuilderService } from '../tool-builder/tool-builder-service';

export type ToolBuilderMethods = 'toolBuilder.read' | 'toolBuilder.plan' | 'toolBuilder.apply';

export function createToolBuilderHandlers(builder: ToolBuilderService): Pick<ApiHandlers, ToolBuilderMethods> {
  return {
    'toolBuilder.read': async ({ serverId }) => builder.read(serverId),
    'toolBuilder.plan': async ({ serverId, tool, replace }) => builder.plan(serverId, tool, replace),
    'toolBuilder.apply': async ({ serverId, content, baseVersion }) => builder.apply(serverId, content, baseVersion),
  };
}

export function createReloadStreams(reload: HotReload): Pick<ApiStreams, 'servers.reloaded'> {
  return {
    'servers.reloaded': ({ serverId }, emit) =>
      replayThen(
        () => reload.lastEvents(serverId),
        Event.map(
          Event.filter(reload.onDidReload, (e) => !serverId || e.serverId === serverId),
          (e) => [e],
        ),
        emit,
      ),
  };
}
